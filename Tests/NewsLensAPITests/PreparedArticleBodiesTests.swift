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
        #expect(!once.isFileBacked)  // read once: no body file
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

    @Test func anArticleWhoseSlotAnotherTookIsBuiltAgainRight() async throws {
        let api = APIHarness()
        var articles: [StoredArticle] = []
        for n in 1...3 { articles.append(try #require(api.store?.article(id: await api.store(Articles.numbered(n))))) }
        let bodies = PreparedArticleBodies(capacity: 2)
        #expect(bodies.capacity == 2)
        let before = bodies.body(for: articles[0])
        for article in articles { #expect(bodies.body(for: article).bytes == article.json) }
        // Sequence numbers two apart share one of the two slots: the third article took the first's.
        #expect(articles[2].seq - articles[0].seq == 2)
        let after = bodies.body(for: articles[0])
        #expect(after !== before)
        #expect(after.bytes == before.bytes)
        #expect(after.etag == before.etag)
        #expect(bodies.count <= 2)
        #expect(PreparedArticleBodies(capacity: 3).capacity == 4)  // rounded up to a power of two
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

    /// A delete drops the article's body (and its body files) at once.
    @Test func deletedArticlesLeaveTheCache() async throws {
        let api = APIHarness()
        let id = await api.store(Articles.numbered(8))
        #expect(await api.call("GET", "/v1/articles/\(id)").status == .ok)
        #expect(await api.call("GET", "/v1/articles/\(id)").status == .ok)
        #expect(api.context.preparedArticles.count == 1)
        #expect(await api.call("DELETE", "/v1/articles/\(id)").status == .noContent)
        #expect(api.context.preparedArticles.count == 0)

        // Stored again, the same content is a new article (new sequence number): never the old entry.
        let again = await api.store(Articles.numbered(8))
        let article = try #require(api.store?.article(id: again))
        #expect(api.context.preparedArticles.body(for: article).bytes == article.json)
    }
}
