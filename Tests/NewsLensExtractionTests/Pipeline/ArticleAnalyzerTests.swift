import Foundation
import Testing
@testable import NewsLensExtraction

/// The whole pipeline on small articles written for the tests: the offset contract of the API, Unicode
/// input, reported speech, participants' quote counts, and the JSON.
@Suite struct ArticleAnalyzerTests {
    static let article = """
    \u{FEFF}Ferry vote splits harbor town\r
    \r
    Updated: 2019-03-14 18:02\r
    By Maria Keller\r
    \r
    PORTLAND, Ore. \u{2014} The council approved the ferry line on Wednesday, council leader Peter Novak said.\r
    \r
    \u{201C}It is a good day for the harbor,\u{201D} Novak told reporters. \u{201C}We waited\u{00A0}ten years.\u{201D}\r
    \r
    Councillor Ana Ortiz said the vote was \u{201C}rushed\u{201D} and warned of higher fares.\r
    \r
    \u{201C}Nobody asked the riders,\u{201D} she said.\r
    \r
    Share this article\r
    """

    let analysis = ArticleAnalyzer().analyze(text: Self.article)

    /// Every span's source range spells the same text as its paragraph range (the contract the eval checks).
    @Test func sourceOffsetsSpellTheParagraphText() {
        let source = Array(Self.article.unicodeScalars)
        let paragraphs = analysis.article.paragraphs.map { Array($0.unicodeScalars) }
        var spans = analysis.quotes.flatMap { [$0.span] + ($0.spans ?? []) + ($0.speaker?.mention.map { [$0.span] } ?? []) }
        spans += analysis.participants.flatMap(\.mentions).filter { $0.paragraph != nil }
        #expect(spans.count > 10)
        for s in spans {
            guard let p = s.paragraph, let a = s.sourceStart, let b = s.sourceEnd else {
                Issue.record("span without paragraph or source offsets: \(s)")
                continue
            }
            #expect(Array(paragraphs[p][s.start..<s.end]) == Array(source[a..<b]))
        }
    }

    @Test func articleFields() {
        let a = analysis.article
        #expect(a.headline == "Ferry vote splits harbor town")
        #expect(a.dateModified == "2019-03-14T18:02:00")
        #expect(a.author.map(\.name) == ["Maria Keller"])
        #expect(a.dateline == "PORTLAND, Ore.")
        #expect(a.paragraphs.first == "The council approved the ferry line on Wednesday, council leader Peter Novak said.")
        #expect(a.removedBoilerplate == ["Share this article"])
        #expect(a.wordCount > 40)
        #expect(analysis.id.isEmpty)
    }

    @Test func quotesAndSpeakers() {
        let direct = analysis.quotes.filter { $0.kind != .indirect }
        #expect(direct.map(\.text) == ["It is a good day for the harbor,", "We waited\u{00A0}ten years.", "rushed", "Nobody asked the riders,"])
        #expect(direct[0].speaker?.name == "Peter Novak" && direct[0].speaker?.mention?.text == "Novak")
        #expect(direct[1].speaker?.name == "Peter Novak")
        #expect(direct[2].kind == .partial && direct[2].speaker?.name == "Ana Ortiz")
        #expect(direct[3].speaker?.mention?.text == "she" && direct[3].speaker?.name == "Ana Ortiz")
        let reported = analysis.quotes.filter { $0.kind == .indirect }
        #expect(reported.contains { $0.text == "The council approved the ferry line on Wednesday" && $0.speaker?.name == "Peter Novak" })
        #expect(reported.contains { $0.text.hasPrefix("the vote was") && $0.speaker?.name == "Ana Ortiz" })
        #expect(analysis.quotes.map(\.id) == (1...analysis.quotes.count).map { "q\($0)" })
    }

    @Test func participantsCountTheirQuotes() {
        let hall = analysis.participants.first { $0.name == "Peter Novak" }
        #expect(hall?.quoteCount == 2)
        #expect(analysis.participants.first { $0.name == "Ana Ortiz" }?.quoteCount == 2)
    }

    @Test func jsonIsValidAndCarriesTheContractFields() throws {
        let bytes = analysis.jsonBytes()
        let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        let article = object?["article"] as? [String: Any]
        #expect(article?["headline"] as? String == "Ferry vote splits harbor town")
        let quotes = object?["quotes"] as? [[String: Any]]
        #expect(quotes?.count == analysis.quotes.count)
        #expect((quotes?.first?["span"] as? [String: Any])?["sourceStart"] != nil)
    }

    @Test func normalisedTextIsStableAcrossLineEndsAndBOM() {
        let unix = Self.article.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\u{FEFF}", with: "")
        #expect(ArticleAnalyzer.normalizedText(of: Self.article) == ArticleAnalyzer.normalizedText(of: unix))
        let detailed = ArticleAnalyzer().analyzeDetailed(text: Self.article)
        #expect(detailed.normalizedText == ArticleAnalyzer.normalizedText(of: unix))
    }

    @Test func preSegmentedInputHasNoSourceOffsets() {
        var input = ArticleInput()
        input.headline = "Ferry vote"
        input.paragraphs = ["PORTLAND, Ore. \u{2014} \u{201C}It is a good day,\u{201D} Mayor Peter Novak said."]
        let a = ArticleAnalyzer().analyze(input: input)
        #expect(a.article.dateline == "PORTLAND, Ore.")
        #expect(a.quotes.first?.text == "It is a good day,")
        #expect(a.quotes.first?.span.sourceStart == nil)
        #expect(a.quotes.first?.speaker?.mention?.text == "Mayor Peter Novak")
    }

    @Test func hostileInputDoesNotCrash() {
        let analyzer = ArticleAnalyzer()
        for text in ["", "\"", "\u{201C}\u{201C}\u{201D}", "\n\n\n", "\u{FEFF}", String(repeating: "\" a ", count: 500),
                     "said said said", "e\u{301}\u{301}\u{301}", "\u{0}\u{7}x", "TOKYO -", "By", "\"A,\" he said, \"B"] {
            let a = analyzer.analyze(text: text)
            #expect(a.article.paragraphs.count <= text.count)
        }
    }
}
