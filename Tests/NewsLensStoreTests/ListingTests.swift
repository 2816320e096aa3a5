import NewsLensExtraction
import NewsLensJSON
import Testing
@testable import NewsLensStore

@Suite struct ListingTests {
    /// 25 articles "h0"..."h24"; even ones quote Taro Aso (direct), odd ones Japan (indirect).
    func populated() throws -> ArticleStore {
        let store = Fixtures.memoryStore()
        for i in 0..<25 {
            let speaker: Fixtures.P = i % 2 == 0 ? .init(name: "Taro Aso") : .init(name: "Japan", type: .country)
            let a = Fixtures.analysis(
                headline: i == 7 ? "Special REPORT on talks" : "h\(i)", participants: [speaker],
                quotes: [.init(speaker: speaker.name, text: "first \(i)", kind: i % 2 == 0 ? .direct : .indirect),
                         .init(speaker: speaker.name, text: "second \(i)", kind: i % 2 == 0 ? .direct : .indirect)])
            _ = try store.insert(a, normalizedText: "article \(i)")
        }
        return store
    }

    func headlines(_ page: Page<StoredArticle>) throws -> [String] {
        try page.items.map { try JSONParser().parse($0.summaryJSON)["headline"]?.stringValue ?? "" }
    }

    @Test func articlesNewestFirstAcrossPages() throws {
        let store = try populated()
        var seen: [String] = []
        var cursor: String? = nil
        repeat {
            let page = try store.articles(ArticleQuery(limit: 10, cursor: cursor))
            #expect(page.items.count <= 10)
            seen += try headlines(page).map { $0 == "Special REPORT on talks" ? "h7" : $0 }
            cursor = page.nextCursor
        } while cursor != nil
        #expect(seen == (0..<25).reversed().map { "h\($0)" })
        #expect(try store.articles(ArticleQuery(limit: 25)).nextCursor == nil)
        #expect(try store.articles(ArticleQuery(limit: 1000)).items.count == 25)
        #expect(try store.articles(ArticleQuery(limit: 0)).items.count == 1)
    }

    @Test func articleFilters() throws {
        let store = try populated()
        #expect(try headlines(store.articles(ArticleQuery(q: "special report"))) == ["Special REPORT on talks"])
        #expect(try store.articles(ArticleQuery(limit: 100, q: "tokyo")).items.count == 25)
        #expect(try store.articles(ArticleQuery(q: "nothing like this")).items.isEmpty)
        let aso = try store.articles(ArticleQuery(limit: 100, speaker: "Taro Aso"))
        #expect(try headlines(aso) == stride(from: 24, through: 0, by: -2).map { "h\($0)" })
        let page1 = try store.articles(ArticleQuery(limit: 5, participant: "japan"))
        let page2 = try store.articles(ArticleQuery(limit: 5, cursor: page1.nextCursor, participant: "japan"))
        #expect(try headlines(page1) + headlines(page2) == ["h23", "h21", "h19", "h17", "h15", "h13", "h11", "h9", "Special REPORT on talks", "h5"])
        #expect(try store.articles(ArticleQuery(speaker: "nobody")).items.isEmpty)
    }

    @Test func quotesAcrossArticlesWithFilters() throws {
        let store = try populated()
        var texts: [String] = []
        var cursor: String? = nil
        repeat {
            let page = try store.quotes(QuoteQuery(limit: 7, cursor: cursor))
            texts += try page.items.map { try JSONParser().parse($0.quoteJSON)["text"]?.stringValue ?? "" }
            cursor = page.nextCursor
        } while cursor != nil
        #expect(texts == (0..<25).reversed().flatMap { ["first \($0)", "second \($0)"] })

        var byAso: [String] = []
        cursor = nil
        repeat {
            let page = try store.quotes(QuoteQuery(limit: 3, cursor: cursor, speaker: "aso"))
            byAso += try page.items.map { try JSONParser().parse($0.quoteJSON)["text"]?.stringValue ?? "" }
            cursor = page.nextCursor
        } while cursor != nil
        #expect(byAso == stride(from: 24, through: 0, by: -2).flatMap { ["first \($0)", "second \($0)"] })

        #expect(try store.quotes(QuoteQuery(limit: 100, kind: .indirect)).items.count == 24)
        #expect(try store.quotes(QuoteQuery(limit: 100, speaker: "taro-aso", kind: .indirect)).items.isEmpty)
        #expect(try store.quotes(QuoteQuery(limit: 100, q: "SECOND 1")).items.count == 11)
        #expect(try store.quotes(QuoteQuery(limit: 100, speaker: "japan", q: "first 2")).items.count == 2)
    }

    @Test func participantsPaginateByID() throws {
        let store = Fixtures.memoryStore()
        let names = (0..<30).map { String(format: "Person %02d Name", $0) }
        for (i, n) in names.enumerated() {
            _ = try store.insert(Fixtures.analysis(headline: n, participants: [.init(name: n)]), normalizedText: "p\(i)")
        }
        var ids: [String] = []
        var cursor: String? = nil
        repeat {
            let page = try store.participants(ParticipantQuery(limit: 8, cursor: cursor))
            ids += page.items.map(\.id)
            cursor = page.nextCursor
        } while cursor != nil
        #expect(ids == names.map { Fixtures.slug($0) }.sorted())
        #expect(try store.participants(ParticipantQuery(type: .country)).items.isEmpty)
        var w = JSONWriter()
        try store.participants(ParticipantQuery(limit: 1)).items[0].write(to: &w)
        #expect(try JSONParser().parse(w.bytes)["articleCount"] == 1)
    }

    @Test func cursorsAreStableWhileArticlesComeAndGo() throws {
        let store = try populated()
        let page1 = try store.articles(ArticleQuery(limit: 10))
        #expect(try headlines(page1).first == "h24")
        // Meanwhile: newer articles arrive, and one of page 1 and one of page 2 are deleted.
        for i in 100..<105 { _ = try store.insert(Fixtures.analysis(headline: "h\(i)"), normalizedText: "new \(i)") }
        #expect(try store.delete(id: ContentID(normalizedText: "article 15").prefix()))
        #expect(try store.delete(id: ContentID(normalizedText: "article 12").prefix()))
        let page2 = try store.articles(ArticleQuery(limit: 10, cursor: page1.nextCursor))
        #expect(try headlines(page2) == ["h14", "h13", "h11", "h10", "h9", "h8", "Special REPORT on talks", "h6", "h5", "h4"])
        // The cursor's own article gone: still continues after its position.
        let quotes1 = try store.quotes(QuoteQuery(limit: 3))
        #expect(try store.delete(id: quotes1.items.last!.article.id))
        let quotes2 = try store.quotes(QuoteQuery(limit: 2, cursor: quotes1.nextCursor))
        #expect(quotes2.items.count == 2)
        #expect(quotes2.items.allSatisfy { $0.article.id != quotes1.items.last!.article.id })
    }

    @Test func badCursorsAreRejected() throws {
        let store = try populated()
        let articleCursor = try #require(try store.articles(ArticleQuery(limit: 1)).nextCursor)
        #expect(throws: StoreError.invalidCursor) { try store.quotes(QuoteQuery(cursor: articleCursor)) }
        #expect(throws: StoreError.invalidCursor) { try store.participants(ParticipantQuery(cursor: articleCursor)) }
        #expect(throws: StoreError.invalidCursor) { try store.articles(ArticleQuery(cursor: "!!")) }
    }
}
