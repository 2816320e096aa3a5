/// One paragraph (or line, caption, headline) of the text as written — trimmed, hard-wrapped lines joined
/// with one space — with its tokens and sentences, and, for plain-text input, the source scalar range of
/// every scalar. All offsets are Unicode scalar offsets, as the API's spans are.
public struct TextParagraph: Sendable {
    public var scalars: [Unicode.Scalar]
    /// Source range of `scalars[i]` in the submitted text; empty when there is no source (HTML input).
    public var sourceStart: [Int32]
    public var sourceEnd: [Int32]
    public var tokens: [Token]
    /// Token-index ranges of the sentences.
    public var sentences: [Range<Int>]

    /// Tokenizes and splits `scalars` (already trimmed).
    public init(scalars: [Unicode.Scalar], sourceStart: [Int32] = [], sourceEnd: [Int32] = [],
                tokenizer: Tokenizer = Tokenizer(), splitter: SentenceSplitter = SentenceSplitter()) {
        self.scalars = scalars
        self.sourceStart = sourceStart
        self.sourceEnd = sourceEnd
        var tokens = tokenizer.tokenize(scalars)
        self.sentences = splitter.split(&tokens)
        self.tokens = tokens
    }

    /// A paragraph from a String with no source offsets (pre-segmented input): normalised like plain text,
    /// line breaks inside it read as spaces.
    public init(_ text: String) {
        let normalized = TextNormalizer.normalize(text)
        var lines = [Range<Int>]()
        var a = 0
        for (i, s) in normalized.scalars.enumerated() where s == "\n" { lines.append(a..<i); a = i + 1 }
        lines.append(a..<normalized.count)
        let built = ParagraphBuilder.join(normalized, lines)
        self.init(scalars: built.scalars)
    }

    public var count: Int { scalars.count }
    public var isEmpty: Bool { scalars.isEmpty }
    public var hasSource: Bool { !sourceStart.isEmpty }

    /// The paragraph text (one String allocation).
    public var string: String { text(0, scalars.count) }

    /// Text of the scalar range `start ..< end`.
    public func text(_ start: Int, _ end: Int) -> String {
        ScalarString.make(scalars, start, end)
    }

    public func text(of token: Token) -> String { text(Int(token.start), Int(token.end)) }

    /// Text from the start of token `first` to the end of token `last` (inclusive).
    public func text(tokens first: Int, through last: Int) -> String {
        text(Int(tokens[first].start), Int(tokens[last].end))
    }

    /// Source range of the paragraph range `start ..< end`, nil without a source.
    public func sourceRange(_ start: Int, _ end: Int) -> Range<Int>? {
        guard hasSource, start >= 0, end <= scalars.count else { return nil }
        if start >= end {
            let p = start < scalars.count ? Int(sourceStart[start]) : Int(sourceEnd[scalars.count - 1])
            return p..<p
        }
        return Int(sourceStart[start])..<Int(sourceEnd[end - 1])
    }

    /// A `Span` for the range, in paragraph `index` (or caption `caption`), with source offsets when known.
    public func span(_ start: Int, _ end: Int, paragraph index: Int? = nil, caption: Int? = nil) -> Span {
        let src = sourceRange(start, end)
        return Span(paragraph: caption == nil ? index : nil, caption: caption, start: start, end: end,
                    sourceStart: src?.lowerBound, sourceEnd: src?.upperBound)
    }

    /// Scalar `i` compared with an ASCII character, out-of-range safe.
    @inline(__always)
    public func scalar(_ i: Int, is ascii: Unicode.Scalar) -> Bool { i >= 0 && i < scalars.count && scalars[i] == ascii }

    /// The paragraph from scalar `start` on (trimmed of leading spaces), re-tokenized; used to cut a
    /// dateline ("TOKYO - ") off the first paragraph while keeping source offsets.
    public func dropping(first start: Int) -> TextParagraph {
        var a = min(start, scalars.count)
        while a < scalars.count, ScalarClass.of(scalars[a]).isWhitespace { a += 1 }
        return sub(a, scalars.count)
    }

    /// The scalar range `start ..< end` as a paragraph of its own, re-tokenized.
    public func sub(_ start: Int, _ end: Int) -> TextParagraph {
        TextParagraph(scalars: Array(scalars[start..<end]),
                      sourceStart: hasSource ? Array(sourceStart[start..<end]) : [],
                      sourceEnd: hasSource ? Array(sourceEnd[start..<end]) : [])
    }
}
