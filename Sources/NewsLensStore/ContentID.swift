import COpenSSL

/// The identity of an article's content: SHA-256 (libcrypto, EVP API) of its normalised text, so the same
/// article posted twice maps to one stored resource. URLs carry a shortened form (`shortLength` hex digits);
/// the store lengthens the short id for the rare article whose prefix collides with another (see `ArticleStore`).
public struct ContentID: Hashable, Sendable, CustomStringConvertible {
    /// The 32-byte digest as four big-endian words (compact and cheap to hash as a dictionary key).
    public let words: (UInt64, UInt64, UInt64, UInt64)

    /// Hex digits of the id used in URLs by default (64 bits: collisions are rare and handled).
    public static let shortLength = 16

    init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    public init(normalizedText: String) {
        var text = normalizedText
        self = text.withUTF8 { ContentID(hashing: UnsafeRawBufferPointer($0)) }
    }

    public init(hashing bytes: UnsafeRawBufferPointer) {
        let d = SHA256.digest(bytes)
        func word(_ k: Int) -> UInt64 { (0..<8).reduce(0) { $0 << 8 | UInt64(d[k * 8 + $1]) } }
        words = (word(0), word(1), word(2), word(3))
    }

    /// Parses the 64-digit lowercase or uppercase hex form.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var w: [UInt64] = [0, 0, 0, 0]
        for (k, c) in digits.enumerated() {
            guard let v = Self.hexValue(c) else { return nil }
            w[k / 16] = w[k / 16] << 4 | UInt64(v)
        }
        words = (w[0], w[1], w[2], w[3])
    }

    /// The full 64-digit lowercase hex form.
    public var hex: String {
        var out = [UInt8]()
        out.reserveCapacity(64)
        for w in [words.0, words.1, words.2, words.3] {
            for shift in stride(from: 60, through: 0, by: -4) { out.append(Self.digits[Int(w >> UInt64(shift) & 0xF)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The first `length` hex digits (clamped to 1...64).
    public func prefix(_ length: Int = ContentID.shortLength) -> String {
        String(hex.prefix(max(1, min(64, length))))
    }

    public var description: String { hex }

    public static func == (a: ContentID, b: ContentID) -> Bool { a.words == b.words }
    public func hash(into h: inout Hasher) {
        h.combine(words.0); h.combine(words.1); h.combine(words.2); h.combine(words.3)
    }

    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// SHA-256 through libcrypto's one-shot EVP digest (thread-safe, no shared context).
enum SHA256 {
    static func digest(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok = out.withUnsafeMutableBufferPointer { md in
            EVP_Digest(bytes.baseAddress, bytes.count, md.baseAddress, &length, EVP_sha256(), nil)
        }
        precondition(ok == 1 && length == 32, "EVP_Digest(SHA-256) failed")
        return out
    }

    static func digest(_ bytes: [UInt8]) -> [UInt8] { bytes.withUnsafeBytes { digest($0) } }

    static func hex(_ bytes: [UInt8], count: Int) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for b in bytes.prefix((count + 1) / 2) {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out.prefix(count), as: UTF8.self)
    }
}
