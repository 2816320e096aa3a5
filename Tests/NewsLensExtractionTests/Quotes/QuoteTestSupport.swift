@testable import NewsLensExtraction

/// Runs the quotation stage (without the entity stage unless given) on a small article written for a test.
enum QuoteTestSupport {
    static func quotes(_ text: String, entities: Bool = false) -> [Quote] {
        let analyzer = entities ? ArticleAnalyzer() : ArticleAnalyzer(entities: nil)
        return analyzer.analyze(text: text).quotes
    }

    static func direct(_ text: String) -> [Quote] { quotes(text).filter { $0.kind != .indirect } }

    static func document(_ paragraphs: [String]) -> ArticleDocument {
        ArticleDocument(paragraphs: paragraphs.map { TextParagraph($0) })
    }
}

extension Quote {
    var speakerName: String? { speaker?.name }
    var mentionText: String? { speaker?.mention?.text }
}
