/// The character encodings we decode, and the prescan that finds the one a page declares
/// (HTML §13.2.3.2, simplified): byte-order mark, then `<meta charset>` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">` in the first 4 KiB, UTF-8 by default.
public enum HTMLCharset: String, Sendable {
    case utf8 = "utf-8"
    /// Also used for ISO-8859-1 and US-ASCII labels, as the Encoding Standard maps them.
    case windows1252 = "windows-1252"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"

    /// Maps an encoding label (`"ISO-8859-1"`, `"utf8"`, `"text/html; charset=cp1252"` parts) to a charset;
    /// nil for labels we do not decode (they fall back to UTF-8 with replacement).
    public static func fromLabel(_ label: String) -> HTMLCharset? {
        var l = ""
        for u in label.unicodeScalars where u != " " && u != "\"" && u != "'" { l.unicodeScalars.append(u) }
        l = l.lowercased()
        switch l {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return .utf8
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1",
             "us-ascii", "ascii", "iso-8859-15", "iso8859-15", "latin-1", "cp819", "ibm819", "iso-ir-100":
            return .windows1252
        // A meta declaring UTF-16 in an ASCII-compatible byte stream means UTF-8 (HTML §13.2.3.2).
        case "utf-16", "utf-16le", "utf-16be": return .utf8
        default: return nil
        }
    }

    /// The charset of `bytes`: BOM first, then the transport's label, then the page's own declaration.
    public static func detect(_ bytes: [UInt8], transportLabel: String? = nil) -> HTMLCharset {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { return .utf8 }
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE { return .utf16LE }
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF { return .utf16BE }
        if let transportLabel, let c = fromLabel(transportLabel) { return c }
        return declared(in: bytes) ?? .utf8
    }

    /// The charset a `<meta>` in the first 4 KiB declares, read with our own tokenizer.
    static func declared(in bytes: [UInt8]) -> HTMLCharset? {
        let prefix = Array(bytes.prefix(4096))
        let stream = HTMLTokenizer.tokenize(prefix)
        for token in stream.tokens where token.kind == .startTag && token.tag == .meta {
            var charset: String?
            var content: String?
            var httpEquivContentType = false
            for a in stream.attributes[Int(token.attributeStart) ..< Int(token.attributeStart + token.attributeCount)] {
                let value = String(decoding: prefix[Int(a.valueStart) ..< Int(a.valueEnd)], as: UTF8.self)
                switch a.name {
                case .charset: charset = value
                case .content: content = value
                case .httpEquiv: httpEquivContentType = value.lowercased() == "content-type"
                default: break
                }
            }
            if let charset { return fromLabel(charset) }
            if httpEquivContentType, let content, let label = charsetParameter(content) { return fromLabel(label) }
        }
        return nil
    }

    /// The `charset=` parameter of a Content-Type value.
    public static func charsetParameter(_ contentType: String) -> String? {
        let lower = Array(contentType.lowercased().utf8)
        let needle = Array("charset=".utf8)
        guard lower.count >= needle.count else { return nil }
        for i in 0 ... lower.count - needle.count where lower[i ..< i + needle.count].elementsEqual(needle) {
            let value = lower[(i + needle.count)...].prefix { $0 != UInt8(ascii: ";") && $0 != 0x20 }
            return value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
        }
        return nil
    }

    /// The document as UTF-8 bytes. UTF-8 input is returned as is (invalid sequences are replaced with
    /// U+FFFD when text is read); the others are transcoded, unpaired surrogates becoming U+FFFD.
    public func utf8Bytes(_ bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .utf8:
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
                return Array(bytes[3...])
            }
            return bytes
        case .windows1252:
            return Windows1252.decode(bytes)
        case .utf16LE, .utf16BE:
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                let u = self == .utf16LE ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
                                         : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
                units.append(u)
                i += 2
            }
            for scalar in String(decoding: units, as: UTF16.self).unicodeScalars {
                HTMLCharacterReferences.appendUTF8(scalar.value, to: &out)
            }
            return out
        }
    }
}

/// windows-1252 (the Encoding Standard's decoder for ISO-8859-1 and ASCII labels too).
enum Windows1252 {
    /// Code points of bytes 0x80–0x9F; 0 where the byte maps to the C1 control of the same value.
    static let highTable: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E,
        0x0178,
    ]

    static func decode(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
            } else if b < 0xA0 {
                let m = highTable[Int(b - 0x80)]
                HTMLCharacterReferences.appendUTF8(m == 0 ? UInt32(b) : UInt32(m), to: &out)
            } else {
                HTMLCharacterReferences.appendUTF8(UInt32(b), to: &out)
            }
        }
        return out
    }
}
