/// Opaque pagination cursors: the position after the last item of a page (an article's sequence number,
/// a quote posting, a participant's order key), tagged with the list it belongs to and base64url-encoded.
/// Positions, not offsets: a page boundary stays put when articles are inserted or deleted meanwhile.
enum Cursor {
    enum Kind: UInt8 {
        case articles = 0x61 // "a"
        case quotes = 0x71 // "q"
        case participants = 0x70 // "p"
        case articleQuotes = 0x69 // "i"
    }

    static func encode(_ kind: Kind, _ value: UInt64) -> String {
        var bytes = [kind.rawValue]
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
        return base64url(bytes + [checksum(bytes)])
    }

    static func decodeNumber(_ text: String, _ kind: Kind) throws(StoreError) -> UInt64 {
        let bytes = try decode(text, kind)
        guard bytes.count == 8 else { throw .invalidCursor }
        return bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    static func encode(_ key: ParticipantOrderKey) -> String {
        var bytes = [Kind.participants.rawValue, key.type]
        bytes += Array(key.slug.utf8) + [0] + Array(key.name.utf8)
        return base64url(bytes + [checksum(bytes)])
    }

    static func decodeParticipant(_ text: String) throws(StoreError) -> ParticipantOrderKey {
        let bytes = try decode(text, .participants)
        guard bytes.count >= 2, let zero = bytes.dropFirst().firstIndex(of: 0) else { throw .invalidCursor }
        let slug = String(decoding: bytes[1..<zero], as: UTF8.self)
        let name = String(decoding: bytes[(zero + 1)...], as: UTF8.self)
        return ParticipantOrderKey(slug: slug, type: bytes[0], name: name)
    }

    /// The payload after the kind byte, checked against kind and checksum.
    private static func decode(_ text: String, _ kind: Kind) throws(StoreError) -> [UInt8] {
        guard text.utf8.count <= 2048, let raw = unbase64url(text), raw.count >= 2, raw[0] == kind.rawValue,
              checksum(Array(raw.dropLast())) == raw[raw.count - 1] else { throw .invalidCursor }
        return Array(raw[1..<(raw.count - 1)])
    }

    private static func checksum(_ bytes: [UInt8]) -> UInt8 {
        bytes.reduce(UInt8(0x5A)) { ($0 &* 31) ^ $1 }
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func base64url(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let n = min(3, bytes.count - i)
            var v = 0
            for k in 0..<3 { v = v << 8 | (k < n ? Int(bytes[i + k]) : 0) }
            for k in 0..<(n + 1) { out.append(alphabet[(v >> (18 - 6 * k)) & 63]) }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func unbase64url(_ text: String) -> [UInt8]? {
        var values: [Int] = []
        for c in text.utf8 {
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): values.append(Int(c - UInt8(ascii: "A")))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): values.append(Int(c - UInt8(ascii: "a")) + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): values.append(Int(c - UInt8(ascii: "0")) + 52)
            case UInt8(ascii: "-"): values.append(62)
            case UInt8(ascii: "_"): values.append(63)
            default: return nil
            }
        }
        guard values.count % 4 != 1 else { return nil }
        var out: [UInt8] = []
        var i = 0
        while i < values.count {
            let n = min(4, values.count - i)
            var v = 0
            for k in 0..<4 { v = v << 6 | (k < n ? values[i + k] : 0) }
            for k in 0..<(n - 1) { out.append(UInt8((v >> (16 - 8 * k)) & 0xFF)) }
            i += 4
        }
        return out
    }
}
