import NewsLensExtraction
import NewsLensJSON
import Testing
@testable import NewsLensStore

@Suite struct ArticleStoreTests {
    @Test func insertGetDeleteAndDeduplicate() throws {
        let store = Fixtures.memoryStore()
        let a = Fixtures.analysis(headline: "One", participants: [.init(name: "Taro Aso")],
                                  quotes: [.init(speaker: "Taro Aso", text: "Hello")])
        let first = try store.insert(a, normalizedText: "text one")
        #expect(first.created)
        #expect(first.article.id == ContentID(normalizedText: "text one").prefix())
        let doc = try JSONParser().parse(first.article.json)
        #expect(doc["id"]?.stringValue == first.article.id)
        #expect(doc["article"]?["headline"] == "One")

        // Same content again (even with a different analysis) → the existing article.
        let again = try store.insert(Fixtures.analysis(headline: "Other"), normalizedText: "text one")
        #expect(!again.created)
        #expect(again.article === first.article)
        #expect(store.count == 1)

        #expect(store.article(id: first.article.id) === first.article)
        #expect(store.article(id: first.article.contentID.hex) === first.article)
        #expect(store.article(id: "0000000000000000") == nil)

        #expect(try store.delete(id: first.article.id))
        #expect(try !store.delete(id: first.article.id))
        #expect(store.article(id: first.article.id) == nil)
        #expect(store.count == 0)
        #expect(store.statistics.quotes == 0)
        #expect(store.statistics.participants == 0)
        #expect(store.statistics.estimatedBytes == 0)
        let recreated = try store.insert(a, normalizedText: "text one")
        #expect(recreated.created)
    }

    @Test func shortIDCollisionGetsALongerID() throws {
        let store = Fixtures.memoryStore()
        let a = ContentID(words: (0x0123_4567_89AB_CDEF, 1, 2, 3))
        let b = ContentID(words: (0x0123_4567_89AB_CDEF, 0xFFFF_0000_0000_0000, 2, 3))
        let first = try store.insert(Fixtures.analysis(headline: "A"), contentID: a)
        let second = try store.insert(Fixtures.analysis(headline: "B"), contentID: b)
        #expect(first.article.id == "0123456789abcdef")
        #expect(second.article.id == "0123456789abcdefffff")
        #expect(try JSONParser().parse(second.article.json)["id"] == "0123456789abcdefffff")
        #expect(store.article(id: "0123456789abcdef") === first.article)
        #expect(store.article(id: "0123456789abcdefffff") === second.article)
    }

    @Test func articleSubResources() throws {
        let store = Fixtures.memoryStore()
        let a = Fixtures.analysis(headline: "Talks", participants: [.init(name: "Taro Aso", aliases: ["Aso"]), .init(name: "Japan", type: .country)],
                                  quotes: [.init(speaker: "Taro Aso", text: "one"), .init(speaker: "Japan", text: "two", kind: .indirect),
                                           .init(speaker: "Taro Aso", text: "three", kind: .partial)])
        let stored = try store.insert(a, normalizedText: "t").article
        #expect(try JSONParser().parse(stored.quotesJSON).arrayValue?.count == 3)
        #expect(stored.quoteIndices(kind: .indirect) == [1])
        #expect(stored.participantIndices(type: .country) == [1])
        #expect(try JSONParser().parse(stored.participantJSON(at: 1))["name"] == "Japan")
        #expect(store.quotes(inArticle: stored.id, speaker: "taro-aso")?.map(\.index) == [0, 2])
        #expect(store.quotes(inArticle: stored.id, speaker: "Aso", kind: .partial)?.map(\.index) == [2])
        #expect(store.quotes(inArticle: stored.id, speaker: "nobody")?.isEmpty == true)
        #expect(store.quotes(inArticle: "missing") == nil)
        let hit = try #require(store.quotes(inArticle: stored.id)?.first)
        let item = try JSONParser().parse(hit.json)
        #expect(item["text"] == "one")
        #expect(item["articleId"]?.stringValue == stored.id)
        #expect(item["speakerId"] == "taro-aso")
        #expect(try store.article(id: stored.id)?.analysis() == { var x = a; x.id = stored.id; return x }())
    }

    @Test func limitsRefuseWithoutChangingAnything() throws {
        let store = Fixtures.memoryStore(maxArticles: 2)
        _ = try store.insert(Fixtures.analysis(headline: "1"), normalizedText: "1")
        _ = try store.insert(Fixtures.analysis(headline: "2"), normalizedText: "2")
        #expect(throws: StoreError.articleLimitReached(limit: 2)) {
            try store.insert(Fixtures.analysis(headline: "3"), normalizedText: "3")
        }
        // A duplicate is still answered when full.
        #expect(try !store.insert(Fixtures.analysis(headline: "1"), normalizedText: "1").created)
        #expect(store.count == 2)

        let small = Fixtures.memoryStore(budget: 6000)
        var stored = 0
        do {
            for i in 0..<100 {
                _ = try small.insert(Fixtures.analysis(headline: "Headline \(i)", body: String(repeating: "word ", count: 200)), normalizedText: "\(i)")
                stored += 1
            }
            Issue.record("the budget was never reached")
        } catch {
            guard case .memoryBudgetExceeded(let budget, let used, let needed) = error else {
                Issue.record("wrong error \(error)"); return
            }
            #expect(budget == 6000 && used + needed > 6000 && used <= 6000)
        }
        #expect(stored >= 1)
        #expect(small.count == stored)
        #expect(small.statistics.estimatedBytes <= 6000)
        #expect(StoreError.articleLimitReached(limit: 2).description.contains("--max-articles"))
    }
}
