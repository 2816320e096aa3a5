import Foundation
import NewsLensJSON
import Testing
@testable import NewsLensAPI

/// Many clients posting, reading and deleting at once against the real server; at the end every count the
/// API gives (list pages, readiness, metrics, quotes, participants) agrees with what the clients did.
/// Run it under ThreadSanitizer too: `swift test --sanitize=thread --filter LiveConcurrency`.
@Suite struct LiveConcurrencyTests {
    static let clients = 8
    static let articlesPerClient = 6

    @Test func postsReadsAndDeletesFromManyClientsLeaveConsistentCounts() async throws {
        let live = try LiveAPI()
        defer { live.stop() }
        // Each client posts its own articles (plus one article every client posts: stored once), reads
        // every list while others write, and deletes every third article it stored.
        let outcomes = try await onThreads(Self.clients) { client -> (kept: [String], deleted: [String], shared: String) in
            let c = try live.client()
            var kept: [String] = []
            var deleted: [String] = []
            let shared = try c.request("POST", "/v1/articles", contentType: "text/plain", Articles.ferry)
            #expect(shared.status == 201 || shared.status == 200)
            for k in 0..<Self.articlesPerClient {
                let n = client * 100 + k
                let created = try c.request("POST", "/v1/articles", contentType: "text/plain", Articles.numbered(n))
                #expect(created.status == 201, "\(created.status) \(created.text)")
                let id = created.json["id"]?.stringValue ?? ""
                let read = try c.request("GET", "/v1/articles/\(id)")
                #expect(read.status == 200 && read.json["id"]?.stringValue == id)
                for path in ["/v1/articles?limit=5", "/v1/quotes?speaker=maria-keller&limit=7", "/v1/participants?limit=3",
                             "/v1/participants/maria-keller", "/metrics"] {
                    let list = try c.request("GET", path)
                    #expect(list.status == 200, "\(path): \(list.status) \(list.text)")
                }
                if k % 3 == 2 {
                    #expect(try c.request("DELETE", "/v1/articles/\(id)").status == 204)
                    #expect(try c.request("GET", "/v1/articles/\(id)").status == 404)
                    deleted.append(id)
                } else {
                    kept.append(id)
                }
            }
            return (kept, deleted, shared.json["id"]?.stringValue ?? "")
        }
        _ = try await onThreads { _ in
            let c = try live.client()
            let sharedIDs = Set(outcomes.map(\.shared))
            #expect(sharedIDs.count == 1, "the article every client posted is stored once")
            let expected = Set(outcomes.flatMap(\.kept)).union(sharedIDs)
            // Every page of the list, following `next`.
            var listed: [String] = []
            var quoteTotal = 0
            var link: String? = "/v1/articles?limit=7"
            while let next = link {
                let page = try c.request("GET", next).json
                listed += page.items.compactMap { $0["id"]?.stringValue }
                quoteTotal += page.items.compactMap { $0["quoteCount"]?.intValue }.reduce(0, +)
                link = page["next"]?.stringValue
            }
            #expect(listed.count == expected.count, "no article listed twice or missed")
            #expect(Set(listed) == expected)
            for id in outcomes.flatMap(\.deleted) { #expect(try c.request("GET", "/v1/articles/\(id)").status == 404) }
            #expect(try c.request("GET", "/readyz").json["articles"]?.intValue == expected.count)
            let metrics = try c.request("GET", "/metrics").text
            #expect(metrics.contains("newslens_articles_stored \(expected.count)\n"))
            #expect(metrics.contains("newslens_quotes_stored \(quoteTotal)\n"))
            let posts = Self.clients * (Self.articlesPerClient + 1)
            let created = Self.clients * Self.articlesPerClient + 1
            #expect(metrics.contains(#"newslens_http_requests_total{route="/v1/articles",method="POST",status="201"} \#(created)"#))
            #expect(metrics.contains(#"newslens_http_requests_total{route="/v1/articles",method="POST",status="200"} \#(posts - created)"#))
            // Every quote of every kept article is listed once across articles.
            var quotes = 0
            link = "/v1/quotes?limit=100"
            while let next = link {
                let page = try c.request("GET", next).json
                quotes += page.items.count
                link = page["next"]?.stringValue
            }
            #expect(quotes == quoteTotal)
            // Maria Keller speaks in every stored article: one merged participant with all of them.
            let keller = try c.request("GET", "/v1/participants/maria-keller").json
            #expect(keller["articleCount"]?.intValue == expected.count)
        }
    }
}
