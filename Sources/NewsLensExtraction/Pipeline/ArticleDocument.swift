/// The article as every pipeline stage sees it: metadata found by the structure stage, and the headline,
/// body paragraphs and captions as tokenized `TextParagraph`s whose indexes are the output indexes
/// (`paragraphs[P]` ⇔ `Span.paragraph == P`, `captions[i]` ⇔ `Span.caption == i`).
public struct ArticleDocument: Sendable {
    /// Metadata (headline, dates, author, dateline, source, boilerplate); `paragraphs` and `captions`
    /// strings are filled from the text paragraphs at the end of the pipeline.
    public var article: Article
    public var headline: TextParagraph?
    public var paragraphs: [TextParagraph]
    public var captions: [TextParagraph]
    /// The normalised submitted text (plain-text input only): what the store hashes for the content id.
    public var normalized: NormalizedText?

    public init(article: Article = Article(), headline: TextParagraph? = nil, paragraphs: [TextParagraph] = [],
                captions: [TextParagraph] = [], normalized: NormalizedText? = nil) {
        self.article = article
        self.headline = headline
        self.paragraphs = paragraphs
        self.captions = captions
        self.normalized = normalized
    }

    /// The text paragraph at a location.
    public func text(at location: TextLocation) -> TextParagraph? {
        switch location {
        case .headline: return headline
        case .paragraph(let i): return i < paragraphs.count ? paragraphs[i] : nil
        case .caption(let i): return i < captions.count ? captions[i] : nil
        }
    }
}

/// Where a piece of text lives in the article.
public enum TextLocation: Sendable, Hashable, Comparable {
    case headline
    case paragraph(Int)
    case caption(Int)
}
