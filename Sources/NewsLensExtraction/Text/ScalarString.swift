/// Makes Strings from runs of Unicode scalars by encoding UTF-8 straight into the String's storage — the
/// only place the engine turns scalars into text (paragraphs, quotes, names), so it must be cheap.
public enum ScalarString {
    public static func make(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        let a = max(0, start), b = min(end, s.count)
        guard a < b else { return "" }
        return s.withUnsafeBufferPointer { make($0, a, b) }
    }

    public static func make(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ a: Int, _ b: Int) -> String {
        var count = 0
        for i in a..<b {
            let v = s[i].value
            count += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        return String(unsafeUninitializedCapacity: count) { out in
            var k = 0
            for i in a..<b {
                let v = s[i].value
                if v < 0x80 {
                    out[k] = UInt8(v); k += 1
                } else if v < 0x800 {
                    out[k] = UInt8(0xC0 | (v >> 6)); out[k + 1] = UInt8(0x80 | (v & 0x3F)); k += 2
                } else if v < 0x10000 {
                    out[k] = UInt8(0xE0 | (v >> 12)); out[k + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    out[k + 2] = UInt8(0x80 | (v & 0x3F)); k += 3
                } else {
                    out[k] = UInt8(0xF0 | (v >> 18)); out[k + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                    out[k + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); out[k + 3] = UInt8(0x80 | (v & 0x3F)); k += 4
                }
            }
            return k
        }
    }
}
