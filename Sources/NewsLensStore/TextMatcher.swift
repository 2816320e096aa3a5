/// Case-insensitive substring search (`q=` filters) over text as it sits in the stored JSON (escaped
/// string contents), so no second copy of quote texts or headlines is kept. Folding: Unicode simple
/// lowercase per scalar, plus curly quotes and apostrophes matching straight ones.
struct TextMatcher: Sendable {
    /// The folded query, as scalars and (when all ASCII) as bytes for the fast path.
    private let scalars: [UInt32]
    private let asciiBytes: [UInt8]?
    /// Knuth–Morris–Pratt failure table of `scalars`: searches stay linear whatever the query (a hostile
    /// `q=aaaa…ab` must not turn a scan of every quote quadratic).
    private let failure: [Int]

    init(_ query: String) {
        let folded = query.unicodeScalars.map { Self.fold($0.value) }
        scalars = folded
        // Curly quotes fold to ' and ", so queries with those need the decoding path.
        asciiBytes = folded.allSatisfy({ $0 < 0x80 && $0 >= 0x20 && $0 != 0x22 && $0 != 0x27 && $0 != 0x5C })
            ? folded.map { UInt8($0) } : nil
        var f = [Int](repeating: 0, count: folded.count)
        var k = 0
        for i in folded.indices.dropFirst() {
            while k > 0 && folded[i] != folded[k] { k = f[k - 1] }
            if folded[i] == folded[k] { k += 1 }
            f[i] = k
        }
        failure = f
    }

    var isEmpty: Bool { scalars.isEmpty }

    /// Whether the query occurs in the escaped JSON string contents `bytes[range]`.
    func matches(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        if scalars.isEmpty { return true }
        if let q = asciiBytes, !bytes[range].contains(UInt8(ascii: "\\")) {
            // Raw UTF-8 bytes ≥ 0x80 never equal an ASCII query byte, so bytes can be matched directly.
            guard range.count >= q.count else { return false }
            var k = 0
            for i in range {
                let c = Self.foldASCII(bytes[i])
                while k > 0 && c != q[k] { k = failure[k - 1] }
                if c == q[k] { k += 1 }
                if k == q.count { return true }
            }
            return false
        }
        return search(in: Self.decode(bytes, range))
    }

    /// Whether the query occurs in a plain string (names in the participant index).
    func matches(_ text: String) -> Bool {
        if scalars.isEmpty { return true }
        return search(in: text.unicodeScalars.map { Self.fold($0.value) })
    }

    private func search(in s: [UInt32]) -> Bool {
        guard s.count >= scalars.count else { return false }
        var k = 0
        for c in s {
            while k > 0 && c != scalars[k] { k = failure[k - 1] }
            if c == scalars[k] { k += 1 }
            if k == scalars.count { return true }
        }
        return false
    }

    /// Decodes escaped JSON string contents into folded scalars.
    static func decode(_ b: [UInt8], _ r: Range<Int>) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(r.count)
        var i = r.lowerBound
        let end = r.upperBound
        while i < end {
            let c = b[i]
            if c == UInt8(ascii: "\\"), i + 1 < end {
                let e = b[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    var v: UInt32 = 0
                    var k = 0
                    while k < 4 && i < end, let d = hexDigit(b[i]) { v = v << 4 | d; i += 1; k += 1 }
                    if v >= 0xD800 && v < 0xDC00, i + 5 < end, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") {
                        var lo: UInt32 = 0
                        var j = i + 2
                        while j < i + 6, let d = hexDigit(b[j]) { lo = lo << 4 | d; j += 1 }
                        if lo >= 0xDC00 && lo < 0xE000 { v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00); i = j }
                    }
                    out.append(fold(v))
                default: out.append(UInt32(e))
                }
            } else if c < 0x80 {
                out.append(UInt32(foldASCII(c)))
                i += 1
            } else {
                let (scalar, length) = decodeUTF8(b, i, end)
                out.append(fold(scalar))
                i += length
            }
        }
        return out
    }

    private static func hexDigit(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Decodes one UTF-8 sequence (the store's JSON is valid UTF-8; a bad byte decodes as U+FFFD).
    private static func decodeUTF8(_ b: [UInt8], _ i: Int, _ end: Int) -> (UInt32, Int) {
        let c = b[i]
        let length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
        guard length > 1, i + length <= end else { return (0xFFFD, 1) }
        var v = UInt32(c) & (0xFF >> (length + 1))
        for k in 1..<length { v = v << 6 | UInt32(b[i + k] & 0x3F) }
        return (v, length)
    }

    @inline(__always) static func foldASCII(_ c: UInt8) -> UInt8 {
        c &- UInt8(ascii: "A") < 26 ? c | 0x20 : c
    }

    static func fold(_ v: UInt32) -> UInt32 {
        if v < 0x80 { return UInt32(foldASCII(UInt8(v))) }
        switch v {
        case 0x2018, 0x2019, 0x201B, 0x2032: return 0x27 // ‘ ’ ‛ ′ → '
        case 0x201C, 0x201D, 0x201F, 0x2033: return 0x22 // “ ” ‟ ″ → "
        default: break
        }
        guard let s = Unicode.Scalar(v), s.properties.changesWhenLowercased else { return v }
        let lower = s.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first!.value : v
    }
}
