/// Submitted plain text after normalisation, cut into blocks: one block per paragraph of the text, whether
/// the text puts a blank line between paragraphs, one paragraph per line, or hard-wraps paragraphs.
/// The article-structure stage decides which blocks are headline, byline, body, captions or furniture.
public struct TextDocument: Sendable {
    public var normalized: NormalizedText
    public var blocks: [TextBlock]

    public init(_ text: String) {
        self.init(normalized: TextNormalizer.normalize(text))
    }

    public init(normalized: NormalizedText) {
        self.normalized = normalized
        self.blocks = TextBlockSplitter.split(normalized)
    }
}

/// A paragraph-sized piece of the submitted text, with the layout facts the structure stage uses.
public struct TextBlock: Sendable {
    public var paragraph: TextParagraph
    /// A blank line (or the start of the text) precedes / follows the block.
    public var blankBefore: Bool
    public var blankAfter: Bool
    /// Lines of the text joined into this block (more than one for hard-wrapped paragraphs).
    public var lineCount: Int
}

/// Cuts normalised text into `TextBlock`s. Lines separated by blank lines form groups; inside a group,
/// consecutive lines are joined when the group looks hard-wrapped (long lines of similar length, or a line
/// continued by a lowercase word), else every line is its own block ("Top World News" / "Today's Top News").
public enum TextBlockSplitter {
    public static func split(_ text: NormalizedText) -> [TextBlock] {
        let s = text.scalars
        var lines = [Range<Int>]()
        var a = 0
        for i in 0..<s.count where s[i].value == 10 {
            lines.append(a..<i)
            a = i + 1
        }
        lines.append(a..<s.count)
        // Trim each line; empty lines separate groups.
        var groups = [[Range<Int>]]()
        var current = [Range<Int>]()
        for r in lines {
            var lo = r.lowerBound, hi = r.upperBound
            while lo < hi, ScalarClass.of(s[lo]).isBlank { lo += 1 }
            while hi > lo, ScalarClass.of(s[hi - 1]).isBlank { hi -= 1 }
            if lo == hi {
                if !current.isEmpty { groups.append(current); current = [] }
            } else {
                current.append(lo..<hi)
            }
        }
        if !current.isEmpty { groups.append(current) }

        var blocks = [TextBlock]()
        for (g, group) in groups.enumerated() {
            let maxLength = group.reduce(0) { max($0, $1.count) }
            let wrapped = group.count > 1 && looksHardWrapped(group, maxLength)
            var pieces = [[Range<Int>]]()
            var piece = [group[0]]
            for k in 1..<max(1, group.count) where group.count > 1 {
                let prev = group[k - 1], line = group[k]
                // In wrapped text a line ends mid-sentence; a sentence end before a capital is a paragraph end
                // unless the line is nearly full.
                let sentenceBreak = endsSentence(s, prev) && ScalarClass.of(s[line.lowerBound]) == .upper
                if (wrapped && prev.count >= maxLength * 4 / 5 && !endsWithColon(s, prev)
                    && (!sentenceBreak || prev.count >= maxLength * 9 / 10))
                    || continues(s, prev, line) {
                    piece.append(line)
                } else {
                    pieces.append(piece)
                    piece = [line]
                }
            }
            pieces.append(piece)
            for (k, p) in pieces.enumerated() {
                let built = ParagraphBuilder.join(text, p)
                guard !built.scalars.isEmpty else { continue }
                let para = TextParagraph(scalars: built.scalars, sourceStart: built.sourceStart, sourceEnd: built.sourceEnd)
                blocks.append(TextBlock(paragraph: para, blankBefore: k == 0, blankAfter: k == pieces.count - 1 || g == groups.count - 1,
                                        lineCount: p.count))
            }
        }
        return blocks
    }

    /// Hard-wrapped text: lines no longer than a terminal width, every line but the last of similar length.
    static func looksHardWrapped(_ group: [Range<Int>], _ maxLength: Int) -> Bool {
        guard maxLength >= 50, maxLength <= 100 else { return false }
        var long = 0
        for r in group.dropLast() where r.count >= maxLength * 4 / 5 { long += 1 }
        return long * 3 >= (group.count - 1) * 2 && long >= 1
    }

    static func endsSentence(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        var k = r.upperBound - 1
        while k > r.lowerBound, ScalarClass.of(s[k]).isQuote || ScalarClass.of(s[k]) == .closeBracket { k -= 1 }
        return ScalarClass.of(s[k]).isSentenceFinal
    }

    /// A line that stops mid-sentence and a next line that starts with a lowercase letter belong together.
    static func continues(_ s: [Unicode.Scalar], _ prev: Range<Int>, _ line: Range<Int>) -> Bool {
        let last = ScalarClass.of(s[prev.upperBound - 1])
        if last.isSentenceFinal || last == .colon || last == .closeDouble { return false }
        return ScalarClass.of(s[line.lowerBound]) == .lower && prev.count >= 30
    }

    static func endsWithColon(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        ScalarClass.of(s[r.upperBound - 1]) == .colon
    }
}
