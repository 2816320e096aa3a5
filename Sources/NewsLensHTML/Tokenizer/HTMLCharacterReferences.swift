/// Decodes character references (`&amp;`, `&#8217;`, `&#x2014;`, `&eacute`) as HTML §13.2.5.72–80 does:
/// numeric references with the windows-1252 fix-ups for 0x80–0x9F and U+FFFD for invalid code points,
/// named references from the HTML 4 table (the Latin-1 ones also without the semicolon, except inside an
/// attribute value when followed by `=` or an alphanumeric).
enum HTMLCharacterReferences {
    /// Tries to read a reference at `base[at]` (which is `&`); returns the code point and the index after it.
    static func read(_ base: UnsafePointer<UInt8>, at: Int, end: Int, inAttribute: Bool) -> (UInt32, Int)? {
        var j = at + 1
        guard j < end else { return nil }
        if base[j] == UInt8(ascii: "#") {
            j += 1
            var hex = false
            if j < end && (base[j] | 0x20) == UInt8(ascii: "x") { hex = true; j += 1 }
            var value: UInt32 = 0
            let digitsStart = j
            while j < end {
                let b = base[j]
                var d: UInt32
                if b >= 0x30 && b <= 0x39 { d = UInt32(b - 0x30) }
                else if hex && (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66 { d = UInt32((b | 0x20) - 0x61 + 10) }
                else { break }
                if value < 0x110000 { value = value * (hex ? 16 : 10) + d }
                j += 1
            }
            guard j > digitsStart else { return nil }
            if j < end && base[j] == UInt8(ascii: ";") { j += 1 }
            return (numericFixup(value), j)
        }
        var key: UInt64 = 0
        var k = 0
        var best: (UInt32, Int)?
        while j < end && k < 8 {
            let b = base[j]
            guard (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || (b >= 0x30 && b <= 0x39) else { break }
            key |= UInt64(b) << (8 * UInt64(k))
            k += 1
            j += 1
            if let code = HTMLNamedEntities.table[key] {
                if j < end && base[j] == UInt8(ascii: ";") { return (code, j + 1) }
                if code < 0x100 { best = (code, j) } // legacy names work without ";"
            }
        }
        guard let found = best else { return nil }
        if inAttribute && found.1 < end {
            let b = base[found.1]
            if b == UInt8(ascii: "=") || (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || (b >= 0x30 && b <= 0x39) {
                return nil
            }
        }
        return found
    }

    /// HTML §13.2.5.80: NUL, surrogates and values past U+10FFFF become U+FFFD; C1 controls are read as
    /// windows-1252, as pages written on Windows meant them.
    static func numericFixup(_ value: UInt32) -> UInt32 {
        if value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) { return 0xFFFD }
        if value >= 0x80 && value <= 0x9F {
            let mapped = Windows1252.highTable[Int(value - 0x80)]
            return mapped == 0 ? value : UInt32(mapped)
        }
        return value
    }

    @inline(__always)
    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (scalar >> 18)))
            out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
