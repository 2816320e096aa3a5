import NewsLensExtraction
import NewsLensJSON
import Testing
@testable import NewsLensStore

/// Real engine output through the store: what the engine emits must survive journal, decoder and restart
/// byte for byte (a field the decoder dropped would change the JSON and its ETag after a restart).
@Suite struct EngineRoundTripTests {
    static let articles = [
        """
        Japan, US seek talks on North Korea in Hanoi

        By Maria Keller

        TOKYO, Nov 6 (Reuters) - Japan and the United States want the five parties to meet in Hanoi, \
        Foreign Minister Taro Aso said on Monday.

        "What is most important is that the five parties maintain close solidarity," Aso told reporters. \
        "We will not accept a nuclear North Korea."

        U.S. Assistant Secretary of State Christopher Hill said the talks could resume "as early as next month".

        The ministry said Japan would send a delegation, according to a statement.
        """,
        """
        Union calls strike at car plant

        BERLIN (AP) — Workers at the plant will strike on Friday, the union said. “We have waited long \
        enough,” said Anna Schmidt, who leads the union. Chancellor Olaf Scholz urged both sides to talk.

        “Nobody wins a strike,” Scholz said in Berlin. The company declined to comment. 😀 ünïcödé
        """,
    ]

    @Test func engineOutputSurvivesARestartByteForByte() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { Fixtures.removeDirectory(dir) }
        var config = StoreConfiguration(maxArticles: 100, memoryBudgetBytes: 1 << 30, dataDirectory: dir)
        config.log = { _ in }
        let analyzer = ArticleAnalyzer()
        var stored: [(id: String, json: [UInt8], etag: String)] = []
        do {
            let store = try ArticleStore(configuration: config)
            for text in Self.articles {
                let (analysis, normalized) = analyzer.analyzeDetailed(text: text)
                #expect(normalized == ArticleAnalyzer.normalizedText(of: text))
                let r = try store.insert(analysis, normalizedText: normalized)
                var expected = analysis
                expected.id = r.article.id
                #expect(r.article.json == expected.jsonBytes())
                #expect(try r.article.analysis() == expected)
                stored.append((r.article.id, r.article.json, r.article.etag))
            }
            try store.compact()
            store.close()
        }
        let reopened = try ArticleStore(configuration: config)
        for s in stored {
            let a = try #require(reopened.article(id: s.id))
            #expect(a.json == s.json)
            #expect(a.etag == s.etag)
        }
    }
}
