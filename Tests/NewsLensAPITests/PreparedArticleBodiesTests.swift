import NewsLensHTTP
import NewsLensStore
import Testing
@testable import NewsLensAPI

/// The per-article cache of response bodies behind `GET /v1/articles/{id}`.
@Suite struct PreparedArticleBodiesTests {
    @Test func oneBodyPerArticleAndNeverAnotherArticlesBody() async throws {
        let api = APIHarness()
        let first = try #require(api.store?.article(id: await api.store(Articles.numbered(1))))
        let second = try #require(api.store?.article(id: await api.store(Articles.numbered(2))))
        let bodies = PreparedArticleBodies(capacity: 2)
        let once = bodies.body(for: first)
        #expect(!once.isFileBacked)  // read once: no memory file
        let body = bodies.body(for: first)
        #expect(body.isFileBacked == (first.json.count >= 8192))  // read again: big bodies mirrored for sendfile
        #expect(bodies.body(for: first) === body)  // then shared
        #expect(body.bytes == first.json)
        #expect(body.gzipBytes == first.gzip)
        #expect(body.etag == first.etag)
        let other = bodies.body(for: second)
        #expect(other !== body)
        #expect(other.bytes == second.json)
        #expect(other.etag == second.etag)
    }

    @Test func aFullCacheStartsOverAndStillAnswersRight() async throws {
        let api = APIHarness()
        var articles: [StoredArticle] = []
        for n in 1...3 { articles.append(try #require(api.store?.article(id: await api.store(Articles.numbered(n))))) }
        let bodies = PreparedArticleBodies(capacity: 2)
        let before = bodies.body(for: articles[0])
        for article in articles { #expect(bodies.body(for: article).bytes == article.json) }
        // The third article filled the cache and emptied it: the first is built again, with the same content.
        let after = bodies.body(for: articles[0])
        #expect(after !== before)
        #expect(after.bytes == before.bytes)
        #expect(after.etag == before.etag)
    }

    @Test func getAfterDeleteAndStoreAgainServesTheNewArticle() async throws {
        let api = APIHarness()
        let id = await api.store(Articles.numbered(7))
        let first = await api.call("GET", "/v1/articles/\(id)")
        #expect(await api.call("DELETE", "/v1/articles/\(id)").status == .noContent)
        #expect(await api.call("GET", "/v1/articles/\(id)").status == .notFound)
        #expect(await api.store(Articles.numbered(7)) == id)
        let again = await api.call("GET", "/v1/articles/\(id)")
        #expect(again.status == .ok)
        #expect(again.json["id"]?.stringValue == id)
        #expect(again.json["article"] == first.json["article"])
    }

    /// A delete drops the article's body (and its memory files) at once; a full cache drops the entries of
    /// deleted articles before the live ones.
    @Test func deletedArticlesLeaveTheCache() async throws {
        let api = APIHarness()
        let id = await api.store(Articles.numbered(8))
        #expect(await api.call("GET", "/v1/articles/\(id)").status == .ok)
        #expect(await api.call("GET", "/v1/articles/\(id)").status == .ok)
        #expect(api.context.preparedArticles.count == 1)
        #expect(await api.call("DELETE", "/v1/articles/\(id)").status == .noContent)
        #expect(api.context.preparedArticles.count == 0)

        var articles: [StoredArticle] = []
        for n in 1...3 { articles.append(try #require(api.store?.article(id: await api.store(Articles.numbered(n))))) }
        let bodies = PreparedArticleBodies(capacity: 2)
        _ = bodies.body(for: articles[0])
        _ = bodies.body(for: articles[1])
        #expect(try api.store?.delete(id: articles[1].id) == true)
        articles.remove(at: 1)  // the store and this test held the only references
        _ = bodies.body(for: articles[1])  // full: the deleted article's entry goes, the live one stays
        #expect(bodies.count == 2)  // (starting over would have left 1)
    }
}
