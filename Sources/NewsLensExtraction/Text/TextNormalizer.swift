import Foundation

/// Normalises submitted text before any analysis: a leading byte-order mark and control characters dropped,
/// CRLF/CR/NEL/LS to `\n`, paragraph separators to a blank line, and NFC — keeping for each output scalar the
/// source scalars it came from. Quotes, dashes, tabs and Unicode spaces (no-break, thin, …) stay as written so
/// that paragraph text equals the submitted text at every span; the scanners read them as spaces.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> NormalizedText {
        var out = [Unicode.Scalar]()
        var starts = [Int32]()
        var ends = [Int32]()
        let capacity = text.utf8.count
        out.reserveCapacity(capacity)
        starts.reserveCapacity(capacity)
        ends.reserveCapacity(capacity)
        var index: Int32 = 0
        var pendingCR = false
        var needsNFC = false
        let newline: Unicode.Scalar = "\n"
        for s in text.unicodeScalars {
            defer { index += 1 }
            let v = s.value
            if v == 10, pendingCR {
                // RFC-style CRLF: the `\n` already emitted for the CR now covers both scalars.
                ends[ends.count - 1] = index + 1
                pendingCR = false
                continue
            }
            pendingCR = false
            if v >= 0x20 && v < 0x7F {
                out.append(s); starts.append(index); ends.append(index + 1)
                continue
            }
            switch v {
            case 10, 11, 12, 0x85, 0x2028:
                out.append(newline); starts.append(index); ends.append(index + 1)
            case 13:
                out.append(newline); starts.append(index); ends.append(index + 1)
                pendingCR = true
            case 0x2029:
                out.append(newline); starts.append(index); ends.append(index + 1)
                out.append(newline); starts.append(index); ends.append(index + 1)
            case 9, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                // Kept as written (paragraph spans must equal the submitted text); `ScalarClass` reads them as spaces.
                out.append(s); starts.append(index); ends.append(index + 1)
            case 0xFEFF where index == 0:
                continue  // the byte-order mark
            case 0..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF:
                continue  // controls and noncharacters
            case 0xFEFF, 0x200B...0x200F, 0x00AD, 0x2060, 0x202A...0x202E, 0x2066...0x2069:
                // Invisible format characters (zero-width space, soft hyphen, direction marks) stay as written so
                // that spans equal the submitted text; the scanners read them as `ScalarClass.format`.
                out.append(s); starts.append(index); ends.append(index + 1)
            default:
                if !isNFCStable(v) { needsNFC = true }
                out.append(s); starts.append(index); ends.append(index + 1)
            }
        }
        var result = NormalizedText(scalars: out, sourceStart: starts, sourceEnd: ends, sourceCount: Int(index))
        if needsNFC { composeNFC(&result) }
        return result
    }

    /// Scalars that never change under NFC, whatever surrounds them (fast path for Latin text, typographic
    /// punctuation, currency signs and emoji).
    @inline(__always)
    static func isNFCStable(_ v: UInt32) -> Bool {
        v < 0x300 || (v >= 0x2010 && v <= 0x205E) || (v >= 0x20A0 && v <= 0x20CF) || (v >= 0x1F300 && v <= 0x1FAFF)
    }

    /// Rewrites each run of NFC-unstable scalars (with the starter before it) in composed form; the scalars
    /// of a rewritten run all map to the source range of the whole run unless the count is unchanged.
    static func composeNFC(_ text: inout NormalizedText) {
        let s = text.scalars
        var out = [Unicode.Scalar](); out.reserveCapacity(s.count)
        var starts = [Int32](); starts.reserveCapacity(s.count)
        var ends = [Int32](); ends.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            // A segment starts at a stable scalar followed by unstable ones, or at an unstable scalar.
            let segStart = i
            var j = i + 1
            if isNFCStable(s[i].value) {
                if j >= s.count || isNFCStable(s[j].value) {
                    out.append(s[i]); starts.append(text.sourceStart[i]); ends.append(text.sourceEnd[i])
                    i += 1
                    continue
                }
            }
            while j < s.count, !isNFCStable(s[j].value) { j += 1 }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: s[segStart..<j])
            let composed = Array(String(view).precomposedStringWithCanonicalMapping.unicodeScalars)
            if composed.count == j - segStart {
                for k in 0..<composed.count {
                    out.append(composed[k]); starts.append(text.sourceStart[segStart + k]); ends.append(text.sourceEnd[segStart + k])
                }
            } else {
                let a = text.sourceStart[segStart], b = text.sourceEnd[j - 1]
                for c in composed { out.append(c); starts.append(a); ends.append(b) }
            }
            i = j
        }
        text.scalars = out
        text.sourceStart = starts
        text.sourceEnd = ends
    }
}
