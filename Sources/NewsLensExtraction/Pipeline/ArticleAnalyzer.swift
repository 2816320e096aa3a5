/// The extraction engine's entry point: runs the pipeline of stages over one document value —
/// normalise → blocks → structure → entities → quotations → attribution → assembly — and returns the
/// `Analysis` of `../shared/API.md`. Stateless and `Sendable`: one instance serves every thread.
public struct ArticleAnalyzer: Sendable {
    public let structurer: ArticleStructurer
    public let entities: (any EntityRecognizer)?
    public let quotes: QuoteExtractor

    public init(entities: (any EntityRecognizer)? = NewsEntityRecognizer()) {
        structurer = ArticleStructurer()
        self.entities = entities
        quotes = QuoteExtractor()
    }

    /// Analysis of plain text (offsets carry `sourceStart`/`sourceEnd` into `text`). `id` is left empty:
    /// the store sets it from `normalizedText(of:)`.
    public func analyze(text: String) -> Analysis {
        run(structurer.structure(TextDocument(text)))
    }

    /// Analysis plus the normalised text it was computed from (what the content id hashes).
    public func analyzeDetailed(text: String) -> (analysis: Analysis, normalizedText: String) {
        let document = TextDocument(text)
        let doc = structurer.structure(document)
        return (run(doc), document.normalized.string)
    }

    /// Analysis of pre-segmented input (HTML extractor output): no source offsets.
    public func analyze(input: ArticleInput) -> Analysis {
        run(structurer.structure(input))
    }

    /// The normalised form of submitted text (BOM, line ends, spaces, NFC): same text ⇒ same id.
    public static func normalizedText(of text: String) -> String {
        TextNormalizer.normalize(text).string
    }

    func run(_ doc: ArticleDocument) -> Analysis {
        let layer = entities?.recognize(doc) ?? .empty
        let found = quotes.extract(doc, entities: layer)
        var article = doc.article
        article.paragraphs = doc.paragraphs.map(\.string)
        var words = 0
        for p in doc.paragraphs { words += p.wordCount }
        article.wordCount = words
        var participants = layer.participants
        if !participants.isEmpty {
            var index = [String: Int]()
            for (i, p) in participants.enumerated() { index[p.id] = i; participants[i].quoteCount = 0 }
            for q in found where q.kind != .indirect {
                if let id = q.speaker?.participant, let i = index[id] { participants[i].quoteCount += 1 }
            }
        }
        return Analysis(id: "", article: article, quotes: found, participants: participants)
    }
}
