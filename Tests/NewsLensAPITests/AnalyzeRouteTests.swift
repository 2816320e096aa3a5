import NewsLensHTTP
import NewsLensJSON
import Testing
@testable import NewsLensAPI

/// `POST /v1/analyze` through the router: every accepted input and every input error.
@Suite struct AnalyzeRouteTests {
    let api = APIHarness()

    @Test func plainTextGivesTheAnalysisWithAContentID() async {
        let response = await api.call("POST", "/v1/analyze", contentType: "text/plain; charset=utf-8", Articles.ferry)
        #expect(response.status == .ok)
        #expect(response.contentType == "application/json")
        let body = response.json
        #expect(body["id"]?.stringValue?.count == 16)
        #expect(body["article"]?["headline"]?.stringValue == "Island council votes to keep the night ferry")
        let quotes = body["quotes"]?.arrayValue ?? []
        #expect(quotes.contains { $0["speaker"]?["name"]?.stringValue == "Maria Keller" })
        #expect(quotes.first?["span"]?["sourceStart"]?.intValue != nil)
        // Nothing is stored.
        #expect(api.store?.count == 0)
        // The same text gives the same id.
        let again = await api.call("POST", "/v1/analyze", contentType: "text/plain", Articles.ferry)
        #expect(again.json["id"] == body["id"])
    }

    @Test func jsonTextAndURL() async {
        let payload = #"{"text": "Mayor opens bridge\n\n\"It is a great day,\" Mayor Lena Ortiz said.", "url": "https://example.org/b", "extra": [1, {"x": null}]}"#
        let response = await api.call("POST", "/v1/analyze", contentType: "application/json", payload)
        #expect(response.status == .ok, "\(response.text)")
        #expect(response.json["article"]?["url"]?.stringValue == "https://example.org/b")
        #expect(response.json["quotes"]?[0]?["text"]?.stringValue == "It is a great day,")
    }

    @Test func htmlAsJSONAndAsTextHTML() async {
        let page = """
            <html><head><title>Bridge opens | The Gazette</title></head><body><nav>Home News Sport</nav>
            <article><h1>Bridge opens</h1><p>The new bridge over the river opened on Monday after two years of work by the city.</p>
            <p>"It is a great day for the city and for everyone who lives here," Mayor Lena Ortiz said at the opening ceremony.</p></article>
            <footer>Copyright</footer></body></html>
            """
        let json = String(decoding: JSONValue.object(.init([("html", .string(page)), ("url", .string("https://example.org/bridge"))])).jsonBytes(), as: UTF8.self)
        let viaJSON = await api.call("POST", "/v1/analyze", contentType: "application/json", json)
        #expect(viaJSON.status == .ok)
        let paragraphs = viaJSON.json["article"]?["paragraphs"]?.arrayValue ?? []
        #expect(paragraphs.contains { $0.stringValue?.contains("new bridge over the river") == true })
        #expect(!paragraphs.contains { $0.stringValue?.contains("Copyright") == true })
        #expect(viaJSON.json["quotes"]?[0]?["span"]?["sourceStart"] == nil, "no source offsets for HTML")
        let viaHTML = await api.call("POST", "/v1/analyze", contentType: "text/html; charset=utf-8", page)
        #expect(viaHTML.status == .ok)
        #expect(viaHTML.json["article"]?["paragraphs"] == viaJSON.json["article"]?["paragraphs"])
    }

    @Test func htmlCharsetFromContentTypeReachesTheExtractor() async {
        // "Café" in windows-1252: é is 0xE9, invalid as UTF-8.
        var page = Array("<html><body><article><p>The new Caf".utf8) + [0xE9]
        page += Array(" on the harbour opened on Monday, and the owners said business had been good since.</p></article></body></html>".utf8)
        let response = await api.call("POST", "/v1/analyze", headers: ["Content-Type: text/html; charset=windows-1252"], body: page)
        #expect(response.status == .ok)
        #expect(response.json["article"]?["paragraphs"]?[0]?.stringValue?.contains("Café") == true, "\(response.text)")
    }

    @Test func latin1TextIsDecoded() async {
        let body = Array("Caf".utf8) + [0xE9] + Array(" owners happy\n\nThe caf".utf8) + [0xE9] + Array(" opened.".utf8)
        let response = await api.call("POST", "/v1/analyze", headers: ["Content-Type: text/plain; charset=ISO-8859-1"], body: body)
        #expect(response.status == .ok)
        #expect(response.json["article"]?["headline"]?.stringValue == "Café owners happy")
    }

    @Test func emptyAndBlankBodiesAre422() async {
        await api.call("POST", "/v1/analyze", headers: ["Content-Type: text/plain"]).expectProblem(.unprocessableContent, containing: "empty")
        await api.call("POST", "/v1/analyze", headers: ["Content-Type: application/json"]).expectProblem(.unprocessableContent, containing: "empty")
        await api.call("POST", "/v1/analyze").expectProblem(.unprocessableContent, containing: "empty")
        await api.call("POST", "/v1/analyze", contentType: "text/plain", " \n\t\u{A0}\u{3000}\u{85}\u{FEFF} ").expectProblem(.unprocessableContent, containing: "white space")
        await api.call("POST", "/v1/analyze", contentType: "text/html", "\r\n").expectProblem(.unprocessableContent, containing: "empty")
        await api.call("POST", "/v1/analyze", contentType: "application/json", #"{"text": "  "}"#).expectProblem(.unprocessableContent, containing: "\"text\" member is empty")
        await api.call("POST", "/v1/analyze", contentType: "application/json", #"{"html": "\u2028"}"#).expectProblem(.unprocessableContent, containing: "\"html\" member is empty")
        // One character that is not white space is enough.
        #expect(await api.call("POST", "/v1/analyze", contentType: "text/plain", " \u{85}x ").status == .ok)
    }

    /// `AnalysisLimits`: a body of nothing but quotation marks is refused before the engine runs, as text,
    /// as a page and through POST /v1/articles (which then stores nothing); a real article's marks pass.
    @Test func moreQuotationMarksThanAnyArticleAre422() async {
        let marks = String(repeating: "\"", count: 1_000_000)
        await api.call("POST", "/v1/analyze", contentType: "text/plain", marks)
            .expectProblem(.unprocessableContent, containing: "more than 10000 quotation marks")
        await api.call("POST", "/v1/analyze", contentType: "text/plain", String(repeating: "\u{201C}a\u{201D} ", count: 5001))
            .expectProblem(.unprocessableContent, containing: "quotation marks")
        let page = "<html><body><article><h1>Marks</h1>" + (0..<3000).map { "<p>\u{201C}Plan \($0) is here to stay,\u{201D} said Ana Silva, the harbour board chair. \u{201C}The ferry runs on,\u{201D} she added.</p>" }.joined()
            + "</article></body></html>"
        await api.call("POST", "/v1/analyze", contentType: "text/html", page)
            .expectProblem(.unprocessableContent, containing: "quotation marks")
        await api.call("POST", "/v1/analyze", contentType: "application/json", #"{"text": ""# + String(repeating: #"\""#, count: 10_001) + #""}"#)
            .expectProblem(.unprocessableContent, containing: "quotation marks")
        await api.call("POST", "/v1/articles", contentType: "text/plain", marks)
            .expectProblem(.unprocessableContent, containing: "quotation marks")
        #expect(api.store?.count == 0)
        #expect(await api.call("POST", "/v1/analyze", contentType: "text/plain", Articles.ferry).status == .ok)
    }

    @Test func blanknessAgreesWithTheSchemaPattern() {
        // The pattern is "[^...]": a class of single characters and a-b ranges; blank = in the class.
        let pattern = OpenAPIDocument.document["components"]?["schemas"]?["NonBlankText"]?["pattern"]?.stringValue ?? ""
        let members = Array(pattern.unicodeScalars.dropFirst(2).dropLast()).map(\.value)
        var ranges: [ClosedRange<UInt32>] = []
        var i = 0
        while i < members.count {
            if i + 2 < members.count, members[i + 1] == 0x2D {
                ranges.append(members[i]...members[i + 2])
                i += 3
            } else {
                ranges.append(members[i]...members[i])
                i += 1
            }
        }
        #expect(pattern.hasPrefix("[^") && pattern.hasSuffix("]") && ranges.count > 10)
        let disagreements = (0..<UInt32(0x10000)).filter { v in Blankness.isBlankScalar(v) != ranges.contains { $0.contains(v) } }
        #expect(disagreements.isEmpty, "\(disagreements.map { String($0, radix: 16) })")
        #expect(OpenAPIDocument.document["components"]?["schemas"]?["PageText"]?["pattern"]?.stringValue == pattern)
        #expect(!Blankness.isBlankScalar(0x41) && !Blankness.isBlankScalar(0x200B) && !Blankness.isBlankScalar(0x1B))
        #expect(Blankness.isBlank([0x20, 0xC2, 0x85, 0xEF, 0xBB, 0xBF]))
        #expect(!Blankness.isBlank([0x20, 0xFF]), "an invalid byte counts as text")
    }

    @Test func invalidUTF8Is400WithTheOffset() async {
        let body = Array("Headline\n\nSome text ".utf8) + [0xC3, 0x28] + Array(" more".utf8)
        let response = await api.call("POST", "/v1/analyze", headers: ["Content-Type: text/plain; charset=utf-8"], body: body)
        response.expectProblem(.badRequest, containing: "offset 20")
        let json = [UInt8](#"{"text": ""#.utf8) + [0xFF] + [UInt8](#""}"#.utf8)
        await api.call("POST", "/v1/analyze", headers: ["Content-Type: application/json"], body: json)
            .expectProblem(.badRequest, containing: "not valid UTF-8")
    }

    @Test func malformedJSONGivesLineAndColumn() async {
        let response = await api.call("POST", "/v1/analyze", contentType: "application/json", "{\n  \"text\": \"abc\",\n  \"url\" 5\n}")
        let detail = response.expectProblem(.badRequest, containing: "line 3")
        #expect(detail.contains("column"))
        #expect(response.json["line"]?.stringValue == "3")
    }

    @Test func wrongJSONShapes() async {
        await api.call("POST", "/v1/analyze", contentType: "application/json", "[1, 2]").expectProblem(.badRequest, containing: "an object")
        await api.call("POST", "/v1/analyze", contentType: "application/json", #"{"text": 5}"#).expectProblem(.badRequest, containing: "\"text\" must be a string")
        await api.call("POST", "/v1/analyze", contentType: "application/json", #"{"text": "a", "html": "<p>b</p>"}"#).expectProblem(.badRequest, containing: "both")
        await api.call("POST", "/v1/analyze", contentType: "application/json", #"{"title": "a"}"#).expectProblem(.badRequest, containing: "needs a \"text\"")
        await api.call("POST", "/v1/analyze", contentType: "application/json", #"{"text": "ok", "url": 7}"#).expectProblem(.badRequest, containing: "\"url\"")
    }

    @Test func unsupportedMediaTypesAre415() async {
        let xml = await api.call("POST", "/v1/analyze", contentType: "application/xml", "<a/>")
        xml.expectProblem(.unsupportedMediaType, containing: "application/xml")
        #expect(xml.header("Accept-Post")?.contains("application/json") == true)
        await api.call("POST", "/v1/analyze", headers: [], body: Array("text".utf8)).expectProblem(.unsupportedMediaType, containing: "no Content-Type")
        await api.call("POST", "/v1/analyze", contentType: "text/plain; charset=utf-16", "x").expectProblem(.unsupportedMediaType, containing: "utf-16")
        await api.call("POST", "/v1/analyze", contentType: "application/json; charset=latin1", "{}").expectProblem(.unsupportedMediaType, containing: "UTF-8")
    }

    @Test func analyzeRunsOffTheIOQueue() {
        let routes = api.router.registeredRoutes.map { "\($0.method) \($0.pattern)" }
        #expect(routes.contains("POST /v1/analyze"))
        #expect(api.context.articleRoute.execution == .offloaded)
        #expect(api.context.articleRoute.maxBodyBytes == 1 << 20)
    }
}
