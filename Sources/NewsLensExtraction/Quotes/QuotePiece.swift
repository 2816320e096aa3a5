/// One stretch of text inside quotation marks in one paragraph: the unit the scanners find, before pieces
/// over several paragraphs are joined into one quotation.
public struct QuotePiece: Sendable, Hashable {
    public var paragraph: Int
    /// Token index of the opening mark, or -1 when the piece starts at the paragraph start without one.
    public var open: Int
    /// Token index of the closing mark, or -1 when the piece runs to the end of the paragraph.
    public var close: Int
    /// Inner tokens (without the marks): `tokenStart ..< tokenEnd`.
    public var tokenStart: Int
    public var tokenEnd: Int
    /// Inner scalar range (without the marks).
    public var start: Int
    public var end: Int
    /// The quotation started in an earlier paragraph (multi-paragraph quote: a mark opens each paragraph,
    /// only the last one closes).
    public var continuesFromPrevious = false
    /// The quotation is still open at the end of this paragraph.
    public var continuesToNext = false

    public init(paragraph: Int, open: Int, close: Int, tokenStart: Int, tokenEnd: Int, start: Int, end: Int) {
        self.paragraph = paragraph
        self.open = open
        self.close = close
        self.tokenStart = tokenStart
        self.tokenEnd = tokenEnd
        self.start = start
        self.end = end
    }

    public var tokenCount: Int { tokenEnd - tokenStart }
    /// First token after the piece (its closing mark or the paragraph end).
    public var after: Int { close >= 0 ? close + 1 : tokenEnd }
    /// Last token before the piece (its opening mark - 1).
    public var before: Int { open >= 0 ? open - 1 : tokenStart - 1 }
}
