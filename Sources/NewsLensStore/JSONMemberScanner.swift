/// Finds where a member's value lies inside JSON the store itself encoded, so quote texts and headlines
/// can be searched in place instead of being kept twice. Tolerant: on anything unexpected it returns nil.
enum JSONMemberScanner {
    /// The range of the value of top-level member `key` in the object starting at `object.lowerBound`.
    static func valueRange(of key: StaticString, in bytes: [UInt8], object: Range<Int>) -> Range<Int>? {
        var i = object.lowerBound
        let end = object.upperBound
        guard i < end, bytes[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        while i < end {
            skipWhitespace(bytes, &i, end)
            guard i < end else { return nil }
            if bytes[i] == UInt8(ascii: "}") { return nil }
            guard bytes[i] == UInt8(ascii: "\"") else { return nil }
            let keyStart = i + 1
            guard let keyEnd = stringEnd(bytes, from: i, end) else { return nil }
            i = keyEnd
            skipWhitespace(bytes, &i, end)
            guard i < end, bytes[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            skipWhitespace(bytes, &i, end)
            let valueStart = i
            guard let valueEnd = skipValue(bytes, from: i, end) else { return nil }
            if matches(key, bytes, keyStart..<(keyEnd - 1)) { return valueStart..<valueEnd }
            i = valueEnd
            skipWhitespace(bytes, &i, end)
            if i < end && bytes[i] == UInt8(ascii: ",") { i += 1 }
        }
        return nil
    }

    /// The escaped contents of a string member (between its quotes), nil when absent or not a string.
    static func stringContents(of key: StaticString, in bytes: [UInt8], object: Range<Int>) -> Range<Int>? {
        guard let r = valueRange(of: key, in: bytes, object: object), r.count >= 2,
              bytes[r.lowerBound] == UInt8(ascii: "\"") else { return nil }
        return (r.lowerBound + 1)..<(r.upperBound - 1)
    }

    /// The ranges of the elements of the array at `array` (brackets included in `array`).
    static func elementRanges(in bytes: [UInt8], array: Range<Int>) -> [Range<Int>]? {
        var i = array.lowerBound
        let end = array.upperBound
        guard i < end, bytes[i] == UInt8(ascii: "[") else { return nil }
        i += 1
        var out: [Range<Int>] = []
        while i < end {
            skipWhitespace(bytes, &i, end)
            guard i < end else { return nil }
            if bytes[i] == UInt8(ascii: "]") { return out }
            guard let e = skipValue(bytes, from: i, end) else { return nil }
            out.append(i..<e)
            i = e
            skipWhitespace(bytes, &i, end)
            if i < end && bytes[i] == UInt8(ascii: ",") { i += 1 }
        }
        return nil
    }

    private static func matches(_ key: StaticString, _ bytes: [UInt8], _ r: Range<Int>) -> Bool {
        key.withUTF8Buffer { k in
            guard k.count == r.count else { return false }
            for (n, b) in k.enumerated() where bytes[r.lowerBound + n] != b { return false }
            return true
        }
    }

    private static func skipWhitespace(_ b: [UInt8], _ i: inout Int, _ end: Int) {
        while i < end, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    /// Given `i` on an opening quote, the index after the closing quote.
    private static func stringEnd(_ b: [UInt8], from start: Int, _ end: Int) -> Int? {
        var i = start + 1
        while i < end {
            switch b[i] {
            case UInt8(ascii: "\\"): i += 2
            case UInt8(ascii: "\""): return i + 1
            default: i += 1
            }
        }
        return nil
    }

    /// The index after the value starting at `i` (containers skipped by depth counting).
    private static func skipValue(_ b: [UInt8], from start: Int, _ end: Int) -> Int? {
        var i = start
        var depth = 0
        while i < end {
            switch b[i] {
            case UInt8(ascii: "\""):
                guard let e = stringEnd(b, from: i, end) else { return nil }
                i = e
                if depth == 0 { return i }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return i }
                depth -= 1
                if depth == 0 { return i + 1 }
            case UInt8(ascii: ","):
                if depth == 0 { return i }
            default:
                break
            }
            i += 1
        }
        return depth == 0 && i > start ? i : nil
    }
}
