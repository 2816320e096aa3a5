/// Builds paragraph scalars from ranges of the normalised text: trims each range (line), joins them with one
/// space, keeps the spaces inside a line as written (so spans equal the submitted text), and carries the
/// source map along.
public enum ParagraphBuilder {
    public struct Built: Sendable {
        public var scalars: [Unicode.Scalar]
        public var sourceStart: [Int32]
        public var sourceEnd: [Int32]
    }

    public static func join(_ text: NormalizedText, _ lines: [Range<Int>]) -> Built {
        var total = 0
        for r in lines { total += r.count + 1 }
        var out = [Unicode.Scalar](); out.reserveCapacity(total)
        var starts = [Int32](); starts.reserveCapacity(total)
        var ends = [Int32](); ends.reserveCapacity(total)
        let s = text.scalars
        for r in lines {
            var lo = r.lowerBound, hi = r.upperBound
            while lo < hi, ScalarClass.of(s[lo]).isBlank { lo += 1 }
            while hi > lo, ScalarClass.of(s[hi - 1]).isBlank { hi -= 1 }
            guard lo < hi else { continue }
            if !out.isEmpty {
                // The line break between two joined lines becomes one space, mapped to the break.
                let b = lo - 1
                out.append(" "); starts.append(text.sourceStart[b]); ends.append(text.sourceEnd[b])
            }
            for i in lo..<hi {
                out.append(s[i]); starts.append(text.sourceStart[i]); ends.append(text.sourceEnd[i])
            }
        }
        return Built(scalars: out, sourceStart: starts, sourceEnd: ends)
    }
}
