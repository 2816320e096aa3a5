/// Percent-decoding of URI components (RFC 3986 §2.1) on bytes; `+` as space only in query strings
/// (the application/x-www-form-urlencoded convention clients use there).
public enum PercentDecoding {
    /// Decoded bytes, or nil when a '%' is not followed by two hex digits.
    public static func decode(_ bytes: some Collection<UInt8>, plusAsSpace: Bool = false) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i != bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "%") {
                let h = bytes.index(after: i)
                guard h != bytes.endIndex, let hi = ByteClass.hexValue(bytes[h]) else { return nil }
                let l = bytes.index(after: h)
                guard l != bytes.endIndex, let lo = ByteClass.hexValue(bytes[l]) else { return nil }
                out.append(UInt8(hi << 4 | lo))
                i = bytes.index(after: l)
                continue
            }
            out.append(plusAsSpace && b == UInt8(ascii: "+") ? UInt8(ascii: " ") : b)
            i = bytes.index(after: i)
        }
        return out
    }

    /// Decodes to a String; nil when the escapes are malformed or the result is not valid UTF-8.
    public static func decodeString(_ bytes: some Collection<UInt8>, plusAsSpace: Bool = false) -> String? {
        guard let decoded = decode(bytes, plusAsSpace: plusAsSpace) else { return nil }
        return String(validating: decoded, as: UTF8.self)
    }
}
