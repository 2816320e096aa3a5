/// Case- and typography-folded 64-bit hashes of words (FNV-1a over folded scalars), so lexicons are looked
/// up without making a String per token. Folding: lowercase, `’`/`‘` → `'`, `‐`/`‑` → `-`.
/// Collisions of two different lexicon words in 64 bits are negligible and accepted.
public enum WordHash {
    public static let empty: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    public static func fold(_ s: Unicode.Scalar) -> UInt32 {
        let v = s.value
        if v < 0x80 { return (v >= 65 && v <= 90) ? v + 32 : v }
        switch v {
        case 0xC0...0xDE where v != 0xD7: return v + 32
        case 0x2018, 0x2019, 0x201B: return 39
        case 0x2010, 0x2011: return 45
        default:
            if v < 0xDF { return v }
            let p = s.properties
            if p.isUppercase, let lower = p.lowercaseMapping.unicodeScalars.first { return lower.value }
            return v
        }
    }

    @inline(__always)
    static func isFormat(_ v: UInt32) -> Bool {
        v == 0xAD || (v >= 0x200B && v <= 0x200F) || v == 0x2060 || v == 0xFEFF || (v >= 0x202A && v <= 0x202E)
            || (v >= 0x2066 && v <= 0x2069)
    }

    @inline(__always)
    public static func add(_ h: UInt64, _ v: UInt32) -> UInt64 {
        var h = h ^ UInt64(v)
        h &*= 0x0000_0100_0000_01B3
        return h
    }

    /// Hash of `scalars[start ..< end]`.
    @inline(__always)
    public static func hash(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> UInt64 {
        var h = empty
        var i = start
        while i < end {
            let v = scalars[i].value
            // Format characters inside a word (soft hyphen, zero-width space) do not change it.
            if v < 0xAD || !isFormat(v) { h = add(h, fold(scalars[i])) }
            i += 1
        }
        return h
    }

    public static func hash(_ word: some StringProtocol) -> UInt64 {
        var h = empty
        for s in word.unicodeScalars { h = add(h, fold(s)) }
        return h
    }

    /// Hash of a phrase from the hashes of its words (order matters).
    @inline(__always)
    public static func phrase(_ h: UInt64, _ next: UInt64) -> UInt64 {
        (h &* 0x9E37_79B9_7F4A_7C15) ^ (next &+ 0x632B_E59B_D9B4_E019 &+ (h >> 29))
    }

    /// Hash of a whitespace-separated phrase ("according to"), as `phrase` chains word hashes.
    public static func phrase(_ text: some StringProtocol) -> UInt64 {
        var h: UInt64 = 0
        var first = true
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            h = first ? hash(word) : phrase(h, hash(word))
            first = false
        }
        return h
    }
}
