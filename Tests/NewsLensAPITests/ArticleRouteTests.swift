import NewsLensHTTP
import NewsLensJSON
import NewsLensStore
import Testing
@testable import NewsLensAPI

/// The article collection through the router: store, read, list, page, delete, and their errors.
@Suite struct ArticleRouteTests {
    let api = APIHarness()

    @Test func postStoresWith201AndLocationThen200ForTheSameContent() async {
        let created = await api.call("POST", "/v1/articles", contentType: "text/plain", Articles.ferry)
        #expect(created.status == .created)
        let id = created.json["id"]?.stringValue ?? ""
        #expect(created.header("Location") == "/v1/articles/\(id)")
        #expect(created.etag != nil)
        // Same text with other line ends and a BOM: same normalised content, same article.
        let variant = "\u{FEFF}" + Articles.ferry.replacingOccurrences(of: "\n", with: "\r\n")
        let again = await api.call("POST", "/v1/articles", contentType: "text/plain", variant)
        #expect(again.status == .ok)
        #expect(again.header("Location") == "/v1/articles/\(id)")
        #expect(again.bodyBytes == created.bodyBytes)
        #expect(api.store?.count == 1)
        // JSON {"text"} of the same article is the same content too.
        let json = String(decoding: JSONValue.object(.init([("text", .string(Articles.ferry))])).jsonBytes(), as: UTF8.self)
        #expect(await api.call("POST", "/v1/articles", contentType: "application/json", json).status == .ok)
    }

    @Test func getServesTheStoredBytesWithETagAndGzip() async throws {
        let id = await api.store(Articles.harbour)
        let response = await api.call("GET", "/v1/articles/\(id)")
        #expect(response.status == .ok)
        guard case .prepared(let prepared) = response.body else {
            Issue.record("a stored article is served from its prepared body")
            return
        }
        let stored = try #require(api.store?.article(id: id))
        #expect(prepared.bytes == stored.json)
        #expect(prepared.gzipBytes == stored.gzip)
        #expect(prepared.etag == stored.etag)
        #expect(response.json["article"]?["headline"]?.stringValue == "Harbour works to start in May")
        // The full content hash names it too.
        #expect(await api.call("GET", "/v1/articles/\(stored.contentID.hex)").status == .ok)
    }

    @Test func unknownIDsAre404Problems() async {
        await api.call("GET", "/v1/articles/nope").expectProblem(.notFound, containing: "'nope'")
        await api.call("DELETE", "/v1/articles/nope").expectProblem(.notFound)
        await api.call("GET", "/v1/articles/nope/quotes").expectProblem(.notFound)
        await api.call("GET", "/v1/articles/nope/participants").expectProblem(.notFound)
    }

    @Test func deleteRemovesTheArticleFromEveryList() async {
        let id = await api.store(Articles.ferry)
        await api.store(Articles.harbour)
        #expect(await api.call("DELETE", "/v1/articles/\(id)").status == .noContent)
        await api.call("GET", "/v1/articles/\(id)").expectProblem(.notFound)
        let list = await api.call("GET", "/v1/articles").json
        #expect(list.items.count == 1)
        let quotes = await api.call("GET", "/v1/quotes?limit=100").json
        #expect(!quotes.items.contains { $0["articleId"]?.stringValue == id })
        await api.call("DELETE", "/v1/articles/\(id)").expectProblem(.notFound)
    }

    @Test func listIsNewestFirstWithSummariesAndPages() async {
        var ids: [String] = []
        for n in 0..<5 { ids.append(await api.store(Articles.numbered(n))) }
        let first = await api.call("GET", "/v1/articles?limit=2")
        #expect(first.status == .ok)
        #expect(first.etag != nil)
        let page = first.json
        #expect(page.items.compactMap { $0["id"]?.stringValue } == [ids[4], ids[3]])
        let item = page.items[0]
        for key in ["id", "headline", "datePublished", "dateModified", "quoteCount", "participantCount", "createdAt"] {
            #expect(item[key] != nil, "summary lacks \(key)")
        }
        #expect(item["headline"]?.stringValue == "Council report number 4")
        var next = page["next"]?.stringValue
        var seen = page.items.compactMap { $0["id"]?.stringValue }
        while let link = next {
            #expect(link.hasPrefix("/v1/articles?") && link.contains("limit=2") && link.contains("cursor="))
            let more = await api.call("GET", link).json
            seen += more.items.compactMap { $0["id"]?.stringValue }
            next = more["next"]?.stringValue
        }
        #expect(seen == ids.reversed())
        #expect(await api.call("GET", "/v1/articles?limit=100").json["next"] == .null)
    }

    @Test func listFiltersKeepTheirValuesInTheNextLink() async {
        for n in 0..<3 { await api.store(Articles.numbered(n)) }
        await api.store(Articles.ferry)
        let page = await api.call("GET", "/v1/articles?q=REPORT%20number&limit=1").json
        #expect(page.items.count == 1)
        #expect(page["next"]?.stringValue?.contains("q=REPORT%20number") == true)
        let byParticipant = await api.call("GET", "/v1/articles?participant=jonas-berg").json
        #expect(byParticipant.items.count == 1)
        let bySpeaker = await api.call("GET", "/v1/articles?speaker=Maria%20Keller&limit=100").json
        #expect(bySpeaker.items.count == 4)
    }

    @Test func badPagingParametersAre400() async {
        for bad in ["0", "101", "-1", "ten", "1.5", ""] {
            await api.call("GET", "/v1/articles?limit=\(bad)").expectProblem(.badRequest, containing: "'limit'")
        }
        await api.call("GET", "/v1/articles?cursor=bm9wZQ").expectProblem(.badRequest, containing: "'cursor'")
        await api.call("GET", "/v1/articles?cursor=").expectProblem(.badRequest, containing: "'cursor'")
        await api.call("GET", "/v1/quotes?limit=1000").expectProblem(.badRequest, containing: "1 to 100")
        await api.call("GET", "/v1/participants?cursor=%25%25").expectProblem(.badRequest, containing: "'cursor'")
        // A cursor of one list is not a cursor of another.
        for n in 0..<3 { await api.store(Articles.numbered(n)) }
        let next = await api.call("GET", "/v1/articles?limit=1").json["next"]?.stringValue ?? ""
        let cursor = next.split(separator: "cursor=").last.map(String.init) ?? ""
        await api.call("GET", "/v1/quotes?cursor=\(cursor)").expectProblem(.badRequest, containing: "'cursor'")
    }

    @Test func quotesOfOneArticleBySpeakerAndKind() async {
        let id = await api.store(Articles.ferry)
        let all = await api.call("GET", "/v1/articles/\(id)/quotes")
        #expect(all.status == .ok)
        #expect(all.json["next"] == .null)
        let items = all.json.items
        #expect(items.count >= 3)
        #expect(items.allSatisfy { $0["articleId"]?.stringValue == id && $0["article"]?["id"]?.stringValue == id })
        let berg = await api.call("GET", "/v1/articles/\(id)/quotes?speaker=Berg").json.items
        #expect(!berg.isEmpty && berg.allSatisfy { $0["speaker"]?["name"]?.stringValue == "Jonas Berg" })
        let indirect = await api.call("GET", "/v1/articles/\(id)/quotes?kind=indirect").json.items
        #expect(!indirect.isEmpty && indirect.allSatisfy { $0["kind"]?.stringValue == "indirect" })
        await api.call("GET", "/v1/articles/\(id)/quotes?kind=loud").expectProblem(.badRequest, containing: "direct, partial, indirect")
    }

    @Test func participantsOfOneArticleByType() async {
        let id = await api.store(Articles.ferry)
        let all = await api.call("GET", "/v1/articles/\(id)/participants").json.items
        #expect(all.contains { $0["name"]?.stringValue == "Maria Keller" && $0["mentions"] != nil })
        let people = await api.call("GET", "/v1/articles/\(id)/participants?type=person").json.items
        #expect(!people.isEmpty && people.allSatisfy { $0["type"]?.stringValue == "person" })
        await api.call("GET", "/v1/articles/\(id)/participants?type=animal").expectProblem(.badRequest, containing: "'type'")
    }

    @Test func storeStillLoadingIs503WithRetryAfter() async {
        let loading = APIHarness(store: nil)
        for (method, target) in [("GET", "/v1/articles"), ("GET", "/v1/articles/x"), ("GET", "/v1/quotes"),
                                 ("GET", "/v1/participants"), ("GET", "/v1/participants/x"), ("DELETE", "/v1/articles/x"),
                                 ("GET", "/v1/articles/x/quotes"), ("GET", "/v1/articles/x/participants")] {
            let response = await loading.call(method, target)
            response.expectProblem(.serviceUnavailable, containing: "loading")
            #expect(response.header("Retry-After") == "1")
        }
        await loading.call("POST", "/v1/articles", contentType: "text/plain", Articles.ferry).expectProblem(.serviceUnavailable)
        // Analysis needs no store.
        #expect(await loading.call("POST", "/v1/analyze", contentType: "text/plain", Articles.ferry).status == .ok)
    }
}
