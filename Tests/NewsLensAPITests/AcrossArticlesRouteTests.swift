import NewsLensHTTP
import NewsLensJSON
import Testing
@testable import NewsLensAPI

/// `/v1/quotes` and `/v1/participants` across stored articles, through the router.
@Suite struct AcrossArticlesRouteTests {
    let api = APIHarness()

    func storeAll() async -> [String] {
        var ids: [String] = []
        for text in Articles.all { ids.append(await api.store(text)) }
        return ids
    }

    @Test func quotesAcrossArticlesNewestFirstWithTheirArticle() async {
        let ids = await storeAll()
        let page = await api.call("GET", "/v1/quotes?limit=100")
        #expect(page.status == .ok)
        let items = page.json.items
        #expect(items.count >= 6)
        #expect(items.first?["articleId"]?.stringValue == ids.last)
        #expect(items.last?["articleId"]?.stringValue == ids.first)
        let first = items[0]
        #expect(first["article"]?["headline"]?.stringValue == "Keller to stand again for council leader")
        #expect(first["text"]?.stringValue != nil && first["span"] != nil && first["kind"] != nil)
    }

    @Test func quotesBySpeakerMergedAcrossArticlesAndNames() async {
        _ = await storeAll()
        let byID = await api.call("GET", "/v1/quotes?speaker=maria-keller&limit=100").json.items
        let bySurname = await api.call("GET", "/v1/quotes?speaker=Keller&limit=100").json.items
        #expect(byID.count >= 3)
        #expect(byID == bySurname)
        #expect(Set(byID.compactMap { $0["articleId"]?.stringValue }).count == 3)
        #expect(byID.allSatisfy { $0["speakerId"]?.stringValue == "maria-keller" })
        #expect(await api.call("GET", "/v1/quotes?speaker=Nobody%20Atall").json.items.isEmpty)
    }

    @Test func quotesByTextAndKindAndPaging() async {
        _ = await storeAll()
        let found = await api.call("GET", "/v1/quotes?q=LIFELINE").json.items
        #expect(found.count == 1)
        #expect(found.first?["text"]?.stringValue?.contains("lifeline") == true)
        let direct = await api.call("GET", "/v1/quotes?kind=direct&limit=100").json.items
        #expect(!direct.isEmpty && direct.allSatisfy { $0["kind"]?.stringValue == "direct" })
        await api.call("GET", "/v1/quotes?kind=shouted").expectProblem(.badRequest, containing: "'kind'")
        var collected: [JSONValue] = []
        var link: String? = "/v1/quotes?limit=2"
        while let next = link {
            let page = await api.call("GET", next).json
            #expect(page.items.count <= 2)
            collected += page.items
            link = page["next"]?.stringValue
        }
        #expect(collected == (await api.call("GET", "/v1/quotes?limit=100")).json.items)
    }

    @Test func participantsMergedWithArticleAndQuoteCounts() async {
        _ = await storeAll()
        let list = await api.call("GET", "/v1/participants?limit=100")
        #expect(list.status == .ok)
        let keller = list.json.items.first { $0["id"]?.stringValue == "maria-keller" }
        #expect(keller?["articleCount"]?.intValue == 3)
        #expect((keller?["quoteCount"]?.intValue ?? 0) >= 3)
        #expect(keller?["type"]?.stringValue == "person")
        #expect(list.json.items.filter { $0["name"]?.stringValue?.contains("Keller") == true }.count == 1, "one Keller, merged")
        let people = await api.call("GET", "/v1/participants?type=person&limit=100").json.items
        #expect(!people.isEmpty && people.allSatisfy { $0["type"]?.stringValue == "person" })
        let searched = await api.call("GET", "/v1/participants?q=kell").json.items
        #expect(searched.map { $0["id"]?.stringValue } == ["maria-keller"])
        await api.call("GET", "/v1/participants?type=robot").expectProblem(.badRequest, containing: "'type'")
        let firstPage = await api.call("GET", "/v1/participants?limit=1").json
        #expect(firstPage.items.count == 1)
        #expect(firstPage["next"]?.stringValue?.hasPrefix("/v1/participants?limit=1&cursor=") == true)
    }

    @Test func oneParticipantWithArticlesAndQuotes() async {
        let ids = await storeAll()
        for name in ["maria-keller", "Keller", "Maria%20Keller"] {
            let response = await api.call("GET", "/v1/participants/\(name)")
            #expect(response.status == .ok)
            #expect(response.etag != nil)
            let body = response.json
            #expect(body["id"]?.stringValue == "maria-keller")
            #expect(body["articleCount"]?.intValue == 3)
            let articles = body["articles"]?.items ?? []
            #expect(Set(articles.compactMap { $0["id"]?.stringValue }) == Set(ids))
            #expect(articles.allSatisfy { $0["headline"]?.stringValue != nil })
            #expect(body["articles"]?["next"] == .null)
            let quotes = body["quotes"]?.items ?? []
            #expect(quotes.count >= 3)
            #expect(quotes.allSatisfy { $0["article"]?["headline"]?.stringValue != nil })
        }
        await api.call("GET", "/v1/participants/nobody-at-all").expectProblem(.notFound, containing: "nobody-at-all")
        await api.call("GET", "/v1/participants/maria-keller?type=country").expectProblem(.notFound)
        #expect(await api.call("GET", "/v1/participants/maria-keller?type=person").status == .ok)
    }
}
