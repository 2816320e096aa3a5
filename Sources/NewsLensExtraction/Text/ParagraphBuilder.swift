/// Builds paragraph scalars from ranges of the normalised text: joins the ranges (lines) with one space,
/// collapses whitespace runs, trims, and carries the source map along.
public enum ParagraphBuilder {
    public struct Built: Sendable {
        public var scalars: [Unicode.Scalar]
        public var sourceStart: [Int32]
        public var sourceEnd: [Int32]
    }

    public static func collapse(_ text: NormalizedText, _ lines: [Range<Int>]) -> Built {
        var total = 0
        for r in lines { total += r.count + 1 }
        var out = [Unicode.Scalar](); out.reserveCapacity(total)
        var starts = [Int32](); starts.reserveCapacity(total)
        var ends = [Int32](); ends.reserveCapacity(total)
        var pendingSpace = false
        var spaceStart: Int32 = 0, spaceEnd: Int32 = 0
        let s = text.scalars
        for r in lines {
            if !out.isEmpty && !pendingSpace, r.lowerBound > 0 {
                pendingSpace = true
                spaceStart = text.sourceStart[r.lowerBound - 1]
                spaceEnd = text.sourceEnd[r.lowerBound - 1]
            }
            for i in r {
                let c = s[i]
                if c.value == 32 || c.value == 10 {
                    if !pendingSpace && !out.isEmpty {
                        pendingSpace = true
                        spaceStart = text.sourceStart[i]
                        spaceEnd = text.sourceEnd[i]
                    }
                    continue
                }
                if pendingSpace {
                    out.append(" "); starts.append(spaceStart); ends.append(spaceEnd)
                    pendingSpace = false
                }
                out.append(c); starts.append(text.sourceStart[i]); ends.append(text.sourceEnd[i])
            }
        }
        return Built(scalars: out, sourceStart: starts, sourceEnd: ends)
    }
}
