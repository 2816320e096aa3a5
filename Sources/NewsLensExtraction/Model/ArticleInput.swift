/// An article already split into paragraphs by an upstream extractor (the HTML extractor), with the
/// metadata it found; the engine runs the same analysis on it as on plain text, without source offsets.
public struct ArticleInput: Sendable, Hashable {
    public var headline: String?
    public var authors: [String] = []
    /// ISO 8601 when the page gave it so (JSON-LD, `<time datetime>`, `article:published_time`), else raw text.
    public var datePublished: String?
    public var dateModified: String?
    public var publisher: String?
    public var url: String?
    public var inLanguage: String?
    /// Body paragraphs in reading order (headings inside the body included as their own paragraphs).
    public var paragraphs: [String] = []
    public var captions: [Caption] = []
    /// Page furniture the extractor dropped that a user may want to see (short labels, not whole sidebars).
    public var removedBoilerplate: [String] = []

    public init() {}
}
