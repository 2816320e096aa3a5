/// Strings: validation of UTF-8 (Unicode Table 3-7: no overlongs, no surrogates, nothing past U+10FFFF),
/// escapes including surrogate pairs, and a fast path that copies unescaped strings once.
extension JSONReader {
    /// Parses the string whose opening quote is at `i`; leaves `i` after the closing quote.
    mutating func parseString() throws(JSONParseError) -> String {
        let open = i
        i += 1
        let start = i
        while i < n {
            let b = p[i]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeRawBufferPointer(rebasing: p[start..<i]), as: UTF8.self)
                i += 1
                return s
            }
            if b == UInt8(ascii: "\\") { return try parseEscapedString(open: open, start: start) }
            if b < 0x20 { throw controlCharacter(b) }
            if b < 0x80 { i += 1 } else { try skipUTF8Sequence() }
        }
        throw error("unterminated string", at: open)
    }

    private func controlCharacter(_ b: UInt8) -> JSONParseError {
        let hex = String(b, radix: 16, uppercase: true)
        return error("control character U+\(hex.count == 1 ? "000" : "00")\(hex) must be escaped in a string")
    }

    /// The slow path once a backslash is seen: decoded bytes go to a buffer.
    private mutating func parseEscapedString(open: Int, start: Int) throws(JSONParseError) -> String {
        var buf: [UInt8] = []
        buf.reserveCapacity(i - start + 32)
        buf.append(contentsOf: UnsafeRawBufferPointer(rebasing: p[start..<i]))
        while i < n {
            let b = p[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: buf, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") {
                try decodeEscape(into: &buf)
            } else if b < 0x20 {
                throw controlCharacter(b)
            } else if b < 0x80 {
                buf.append(b)
                i += 1
            } else {
                let s = i
                try skipUTF8Sequence()
                buf.append(contentsOf: UnsafeRawBufferPointer(rebasing: p[s..<i]))
            }
        }
        throw error("unterminated string", at: open)
    }

    /// RFC 8259 §7: `\" \\ \/ \b \f \n \r \t \uXXXX`, a UTF-16 surrogate pair for scalars past U+FFFF.
    private mutating func decodeEscape(into buf: inout [UInt8]) throws(JSONParseError) {
        let escape = i
        i += 1
        guard i < n else { throw error("unterminated string", at: escape) }
        let c = p[i]
        i += 1
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buf.append(c)
        case UInt8(ascii: "b"): buf.append(0x08)
        case UInt8(ascii: "f"): buf.append(0x0C)
        case UInt8(ascii: "n"): buf.append(0x0A)
        case UInt8(ascii: "r"): buf.append(0x0D)
        case UInt8(ascii: "t"): buf.append(0x09)
        case UInt8(ascii: "u"):
            var code = try hex4(escape: escape)
            if code >= 0xD800 && code <= 0xDBFF {
                guard i + 1 < n, p[i] == UInt8(ascii: "\\"), p[i + 1] == UInt8(ascii: "u") else {
                    throw error("unpaired UTF-16 surrogate \\u\(String(code, radix: 16, uppercase: true))", at: escape)
                }
                i += 2
                let low = try hex4(escape: i - 2)
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw error("unpaired UTF-16 surrogate \\u\(String(code, radix: 16, uppercase: true))", at: escape)
                }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if code >= 0xDC00 && code <= 0xDFFF {
                throw error("unpaired UTF-16 surrogate \\u\(String(code, radix: 16, uppercase: true))", at: escape)
            }
            Self.appendUTF8(code, to: &buf)
        default:
            throw error("invalid escape \\\(describe(at: i - 1).trimmingQuotes)", at: escape)
        }
    }

    private mutating func hex4(escape: Int) throws(JSONParseError) -> UInt32 {
        guard n - i >= 4 else { throw error("invalid \\u escape: expected 4 hex digits", at: escape) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = p[i]
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default: throw error("invalid \\u escape: expected 4 hex digits", at: escape)
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }

    static func appendUTF8(_ c: UInt32, to buf: inout [UInt8]) {
        switch c {
        case ..<0x80:
            buf.append(UInt8(c))
        case ..<0x800:
            buf.append(UInt8(0xC0 | c >> 6))
            buf.append(UInt8(0x80 | c & 0x3F))
        case ..<0x10000:
            buf.append(UInt8(0xE0 | c >> 12))
            buf.append(UInt8(0x80 | c >> 6 & 0x3F))
            buf.append(UInt8(0x80 | c & 0x3F))
        default:
            buf.append(UInt8(0xF0 | c >> 18))
            buf.append(UInt8(0x80 | c >> 12 & 0x3F))
            buf.append(UInt8(0x80 | c >> 6 & 0x3F))
            buf.append(UInt8(0x80 | c & 0x3F))
        }
    }

    /// Validates the multi-byte UTF-8 sequence starting at `i` and steps over it.
    mutating func skipUTF8Sequence() throws(JSONParseError) {
        let b0 = p[i]
        var lo: UInt8 = 0x80
        var hi: UInt8 = 0xBF
        let continuation: Int
        switch b0 {
        case 0xC2...0xDF: continuation = 1
        case 0xE0: continuation = 2; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: continuation = 2
        case 0xED: continuation = 2; hi = 0x9F
        case 0xF0: continuation = 3; lo = 0x90
        case 0xF1...0xF3: continuation = 3
        case 0xF4: continuation = 3; hi = 0x8F
        default: throw error("invalid UTF-8: unexpected byte 0x\(String(b0, radix: 16, uppercase: true))")
        }
        for k in 1...continuation {
            guard i + k < n else { throw error("invalid UTF-8: sequence cut short by the end of input", at: i + k) }
            let b = p[i + k]
            let (l, h) = k == 1 ? (lo, hi) : (UInt8(0x80), UInt8(0xBF))
            guard b >= l && b <= h else {
                throw error("invalid UTF-8: unexpected byte 0x\(String(b, radix: 16, uppercase: true)) in a multi-byte sequence", at: i + k)
            }
        }
        i += continuation + 1
    }
}

extension String {
    /// "'x'" → "x", for quoting a described byte inside another message.
    fileprivate var trimmingQuotes: String {
        if count >= 3, first == "'", last == "'" { return String(dropFirst().dropLast()) }
        return self
    }
}
