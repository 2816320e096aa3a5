import Foundation
import NewsLensJSON
import NewsLensStore
import Testing
@testable import NewsLensAPI

/// The lists, their filters and pagination, the store's bounds and the body forms of a submission, against
/// the real server over sockets: what a client following `next` links or hitting `--max-articles` sees.
@Suite struct LiveListingTests {
    /// Every page of a list, following `next` from `first`; fails if a page is not a 200.
    static func allPages(_ c: HTTPClient, _ first: String) throws -> (items: [JSONValue], pages: Int) {
        var items: [JSONValue] = []
        var pages = 0
        var link: String? = first
        while let next = link {
            let page = try c.request("GET", next)
            #expect(page.status == 200, "\(next): \(page.status) \(page.text)")
            items += page.json.items
            pages += 1
            link = page.json["next"]?.stringValue
            if pages > 100 { break }
        }
        return (items, pages)
    }

    @Test func paginationCursorsAndFiltersOverTheWire() async throws {
        let live = try LiveAPI()
        defer { live.stop() }
        _ = try await onThreads { _ in
            let c = try live.client()
            var posted: [String] = []
            for text in Articles.all + (1...5).map(Articles.numbered) {
                let created = try c.request("POST", "/v1/articles", contentType: "text/plain", text)
                #expect(created.status == 201, "\(created.status) \(created.text)")
                posted.append(created.json["id"]?.stringValue ?? "")
            }

            // Articles: newest first, three pages of at most 3, each `next` carrying an opaque cursor.
            let first = try c.request("GET", "/v1/articles?limit=3").json
            #expect(first.items.count == 3)
            #expect(first.items.first?["id"]?.stringValue == posted.last, "newest first")
            let next = try #require(first["next"]?.stringValue)
            #expect(next.hasPrefix("/v1/articles?") && next.contains("cursor=") && next.contains("limit=3"))
            let articles = try Self.allPages(c, "/v1/articles?limit=3")
            #expect(articles.pages == 3)
            #expect(articles.items.compactMap { $0["id"]?.stringValue } == posted.reversed())
            let last = try c.request("GET", "/v1/articles?limit=100").json
            #expect(last.items.count == posted.count && last["next"] == .null)
            let badCursor = try c.request("GET", "/v1/articles?cursor=not-a-cursor")
            #expect(badCursor.status == 400 && badCursor.json["detail"]?.stringValue?.contains("'cursor'") == true)
            #expect(try c.request("GET", "/v1/articles?limit=0").status == 400)

            // Quotes across articles: `speaker` by name or participant id, `kind`, `q` case-insensitive, and a
            // filtered list pages with its filters kept in `next`.
            let byName = try Self.allPages(c, "/v1/quotes?speaker=Maria%20Keller&limit=2")
            #expect(byName.items.count >= posted.count, "Keller is quoted in every article")
            #expect(byName.items.allSatisfy { $0["speaker"]?["participant"]?.stringValue == "maria-keller" })
            let byID = try Self.allPages(c, "/v1/quotes?speaker=maria-keller&limit=100")
            #expect(byID.items.count == byName.items.count && byName.pages > 1)
            let lifeline = try c.request("GET", "/v1/quotes?q=LIFELINE").json.items
            #expect(lifeline.count == 1)
            #expect(lifeline.first?["text"]?.stringValue?.contains("lifeline") == true)
            #expect(try c.request("GET", "/v1/quotes?q=no-such-words-anywhere").json.items.isEmpty)
            let indirect = try c.request("GET", "/v1/quotes?kind=indirect&limit=100").json.items
            #expect(!indirect.isEmpty && indirect.allSatisfy { $0["kind"]?.stringValue == "indirect" })
            let direct = try c.request("GET", "/v1/quotes?kind=direct&speaker=Keller&q=report&limit=100").json.items
            #expect(direct.count == 5, "the five numbered reports")
            #expect(direct.allSatisfy { $0["text"]?.stringValue?.lowercased().contains("report") == true })

            // Participants across articles: `type`, `q` (case-insensitive, names and aliases).
            let people = try Self.allPages(c, "/v1/participants?type=person&limit=1")
            #expect(people.items.allSatisfy { $0["type"]?.stringValue == "person" })
            #expect(people.items.contains { $0["id"]?.stringValue == "maria-keller" })
            #expect(people.pages > 1 && people.items.count >= 3)
            let kell = try c.request("GET", "/v1/participants?q=KELL").json.items
            #expect(kell.map { $0["id"]?.stringValue } == ["maria-keller"])
            #expect(kell.first?["articleCount"]?.intValue == posted.count)
            let organizations = try c.request("GET", "/v1/participants?type=organization").json.items
            #expect(organizations.allSatisfy { $0["type"]?.stringValue == "organization" })
            #expect(try c.request("GET", "/v1/participants?type=animal").status == 400)

            // One article's parts: `speaker` and `kind` on its quotes, `type` on its participants.
            let ferry = posted[0]
            let berg = try c.request("GET", "/v1/articles/\(ferry)/quotes?speaker=Berg").json.items
            #expect(!berg.isEmpty && berg.allSatisfy { $0["speaker"]?["name"]?.stringValue == "Jonas Berg" })
            let ferryDirect = try c.request("GET", "/v1/articles/\(ferry)/quotes?kind=direct").json.items
            #expect(ferryDirect.allSatisfy { $0["kind"]?.stringValue == "direct" } && ferryDirect.count >= 2)
            let ferryPeople = try c.request("GET", "/v1/articles/\(ferry)/participants?type=person").json.items
            let ferryPeopleIDs = Set(ferryPeople.compactMap { $0["id"]?.stringValue })
            #expect(ferryPeopleIDs.isSuperset(of: ["maria-keller", "jonas-berg"]), "\(ferryPeopleIDs)")
            #expect(try c.request("GET", "/v1/articles/\(ferry)/quotes?kind=loud").status == 400)
            #expect(try c.request("GET", "/v1/articles/nope/participants").status == 404)
        }
    }

    @Test func articleLimitIs507OverTheWire() async throws {
        let live = try LiveAPI(store: try ArticleStore(configuration: StoreConfiguration(maxArticles: 2)))
        defer { live.stop() }
        _ = try await onThreads { _ in
            let c = try live.client()
            let one = try c.request("POST", "/v1/articles", contentType: "text/plain", Articles.numbered(1))
            #expect(one.status == 201)
            #expect(try c.request("POST", "/v1/articles", contentType: "text/plain", Articles.numbered(2)).status == 201)
            let full = try c.request("POST", "/v1/articles", contentType: "text/plain", Articles.numbered(3))
            #expect(full.status == 507 && full.header("Content-Type") == "application/problem+json")
            #expect(full.json["detail"]?.stringValue?.contains("--max-articles") == true, "\(full.text)")
            // Nothing evicted, nothing added; the same text as a stored article is still a 200.
            #expect(try c.request("GET", "/readyz").json["articles"]?.intValue == 2)
            #expect(try c.request("POST", "/v1/articles", contentType: "text/plain", Articles.numbered(1)).status == 200)
            let id = one.json["id"]?.stringValue ?? ""
            #expect(try c.request("GET", "/v1/articles/\(id)").status == 200)
            #expect(try c.request("DELETE", "/v1/articles/\(id)").status == 204)
            #expect(try c.request("POST", "/v1/articles", contentType: "text/plain", Articles.numbered(3)).status == 201)
            #expect(try c.request("GET", "/metrics").text.contains(
                #"newslens_http_requests_total{route="/v1/articles",method="POST",status="507"} 1"#))
        }
    }

    @Test func readinessFollowsTheStoreOverTheWire() async throws {
        let live = try LiveAPI(store: nil)  // listening while the store is still being loaded
        defer { live.stop() }
        _ = try await onThreads { _ in
            let c = try live.client()
            #expect(try c.request("GET", "/healthz").status == 200)
            let loading = try c.request("GET", "/readyz")
            #expect(loading.status == 503 && loading.header("Retry-After") != nil)
            #expect(loading.json["detail"]?.stringValue?.contains("loading") == true, "\(loading.text)")
            #expect(try c.request("GET", "/v1/articles").status == 503)
            #expect(try c.request("POST", "/v1/analyze", contentType: "text/plain", Articles.ferry).status == 200)
            #expect(try c.request("GET", "/metrics").text.contains("newslens_store_ready 0"))
            live.context.stores.fill(try ArticleStore(configuration: StoreConfiguration()))
            let ready = try c.request("GET", "/readyz")
            #expect(ready.status == 200 && ready.json["status"]?.stringValue == "ready")
            #expect(try c.request("GET", "/v1/articles").status == 200)
            #expect(try c.request("GET", "/metrics").text.contains("newslens_store_ready 1"))
        }
    }

    @Test func submissionBodiesOverTheWire() async throws {
        let live = try LiveAPI()
        defer { live.stop() }
        _ = try await onThreads { _ in
            let c = try live.client()
            func expectProblem(_ r: WireResponse, _ status: Int, _ fragment: String) {
                #expect(r.status == status, "\(r.status) \(r.text)")
                #expect(r.header("Content-Type") == "application/problem+json")
                #expect(r.json["title"]?.stringValue?.isEmpty == false)
                #expect(r.json["detail"]?.stringValue?.contains(fragment) == true, "\(r.text)")
            }
            // Unknown members are ignored; `url` is kept.
            let extra = try c.request("POST", "/v1/articles", contentType: "application/json",
                                      #"{"text": "Harbour works to start in May\n\nWork on the wall will start in May, the council said.", "url": "https://example.org/h", "tags": ["x"], "meta": {"a": 1}}"#)
            #expect(extra.status == 201, "\(extra.text)")
            #expect(extra.json["article"]?["url"]?.stringValue == "https://example.org/h")
            // Empty and blank bodies, in each media type, and a blank member.
            expectProblem(try c.request("POST", "/v1/articles", headers: ["Content-Type: text/plain"]), 422, "empty")
            expectProblem(try c.request("POST", "/v1/analyze", contentType: "text/plain", " \n\t "), 422, "empty")
            expectProblem(try c.request("POST", "/v1/analyze", contentType: "text/html", "  "), 422, "empty")
            expectProblem(try c.request("POST", "/v1/analyze", contentType: "application/json", #"{"text": "  "}"#), 422, "\"text\"")
            // Malformed JSON names where; a wrong shape names what was expected.
            let malformed = try c.request("POST", "/v1/articles", contentType: "application/json", "{\n  \"text\": \"a\"\n  \"url\": 1}")
            expectProblem(malformed, 400, "line 3, column")
            #expect(malformed.json["line"]?.stringValue == "3", "documented as a string member in openapi.json")
            expectProblem(try c.request("POST", "/v1/analyze", contentType: "application/json", #"["text"]"#), 400, "object")
            expectProblem(try c.request("POST", "/v1/analyze", contentType: "application/json", #"{"text": 5}"#), 400, "text")
            expectProblem(try c.request("POST", "/v1/analyze", contentType: "application/json", #"{"body": "x"}"#), 400, "\"text\"")
            // Not UTF-8 gives the offset; a JSON charset other than UTF-8 and unknown types are 415.
            expectProblem(try c.request("POST", "/v1/articles", headers: ["Content-Type: application/json"],
                                        body: Array(#"{"text": "caf"#.utf8) + [0xE9] + Array(#""}"#.utf8)), 400, "offset 13")
            let latin = try c.request("POST", "/v1/analyze", headers: ["Content-Type: text/plain; charset=iso-8859-1"],
                                      body: Array("Caf".utf8) + [0xE9] + Array(" owners said the harbour would reopen.".utf8))
            #expect(latin.status == 200 && latin.text.contains("Café owners"), "\(latin.status) \(latin.text)")
            expectProblem(try c.request("POST", "/v1/analyze", contentType: "application/json; charset=utf-16", "{}"), 415, "UTF-8")
            let noType = try c.request("POST", "/v1/articles", headers: [], body: Array("text".utf8))
            expectProblem(noType, 415, "Content-Type")
            #expect(try c.request("POST", "/v1/articles", contentType: "image/png", "x").header("Accept-Post")?.contains("application/json") == true)
            // Only the one article above was stored.
            #expect(try c.request("GET", "/readyz").json["articles"]?.intValue == 1)
        }
    }
}
