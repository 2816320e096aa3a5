import Foundation
import NewsLensHTTP
import NewsLensStore
import Testing
@testable import NewsLensAPI

/// Store bounds and durability failures as the API answers them: 507 past `--max-articles` or the memory
/// budget, 503 when a write cannot be made durable — each with a detail that says what to do, and nothing
/// changed.
@Suite struct StoreLimitRouteTests {
    @Test func articleLimitIs507() async throws {
        let api = APIHarness(store: try ArticleStore(configuration: StoreConfiguration(maxArticles: 2)))
        await api.store(Articles.numbered(1))
        await api.store(Articles.numbered(2))
        let full = await api.call("POST", "/v1/articles", contentType: "text/plain", Articles.numbered(3))
        full.expectProblem(.insufficientStorage, containing: "--max-articles")
        #expect(api.store?.count == 2)
        // The same content as a stored article is still answered (200): nothing new is stored.
        #expect(await api.call("POST", "/v1/articles", contentType: "text/plain", Articles.numbered(1)).status == .ok)
        // After a delete there is room again.
        let first = await api.call("GET", "/v1/articles").json.items.last?["id"]?.stringValue ?? ""
        #expect(await api.call("DELETE", "/v1/articles/\(first)").status == .noContent)
        #expect(await api.call("POST", "/v1/articles", contentType: "text/plain", Articles.numbered(3)).status == .created)
    }

    @Test func memoryBudgetIs507() async throws {
        let api = APIHarness(store: try ArticleStore(configuration: StoreConfiguration(memoryBudgetBytes: 2_000)))
        let response = await api.call("POST", "/v1/articles", contentType: "text/plain", Articles.ferry)
        response.expectProblem(.insufficientStorage, containing: "--memory-budget")
        #expect(api.store?.count == 0)
    }

    @Test func durabilityFailureIs503AndReadsGoOn() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newslens-api-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try ArticleStore(configuration: StoreConfiguration(dataDirectory: dir))
        let api = APIHarness(store: store)
        let id = await api.store(Articles.ferry)
        store.close()  // the journal is gone: like a disk that refuses every write
        let refused = await api.call("POST", "/v1/articles", contentType: "text/plain", Articles.harbour)
        refused.expectProblem(.serviceUnavailable, containing: "could not be made durable")
        #expect(refused.header("Retry-After") != nil)
        await api.call("DELETE", "/v1/articles/\(id)").expectProblem(.serviceUnavailable, containing: "Nothing was changed")
        #expect(await api.call("GET", "/v1/articles/\(id)").status == .ok)
        #expect(store.count == 1)
        let ready = await api.call("GET", "/readyz").json
        #expect(ready["durable"]?.boolValue == true)
    }
}
