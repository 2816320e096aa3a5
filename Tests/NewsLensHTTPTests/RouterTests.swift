import Testing
@testable import NewsLensHTTP

/// The router, without sockets: requests built from text, answered through `Router.respond(to:)`.
@Suite struct RouterTests {
    static func request(_ method: String, _ target: String, headers: [String] = [], body: String = "") -> Request {
        let text = "\(method) \(target) HTTP/1.1\r\nHost: test\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n"
        return Request.parse(text, body: Array(body.utf8))!
    }

    static func text(_ response: Response) -> String { String(decoding: response.bodyBytes, as: UTF8.self) }

    static func makeRouter() -> Router {
        let router = Router()
        router.get("/v1/articles") { _ in .text("list") }
        router.post("/v1/articles") { request in .text("stored \(request.body.count)", status: .created) }
        router.get("/v1/articles/{id}") { request in .text("article \(request.parameter("id") ?? "?")") }
        router.get("/v1/articles/latest") { _ in .text("latest") }
        router.delete("/v1/articles/{id}") { _ in .empty() }
        router.get("/v1/articles/{id}/quotes") { request in
            .text("quotes of \(request.parameter("id")!) speaker=\(request.query["speaker"] ?? "-")")
        }
        router.addAsync(.post, "/v1/analyze") { request in .text("analysed \(request.body.count)") }
        return router
    }

    @Test func routesByMethodAndPattern() async {
        let router = Self.makeRouter()
        #expect(Self.text(await router.respond(to: Self.request("GET", "/v1/articles"))) == "list")
        let created = await router.respond(to: Self.request("POST", "/v1/articles", body: "abc"))
        #expect(created.status == .created)
        #expect(Self.text(created) == "stored 3")
        #expect(Self.text(await router.respond(to: Self.request("GET", "/v1/articles/9f2c"))) == "article 9f2c")
        #expect(await router.respond(to: Self.request("DELETE", "/v1/articles/9f2c")).status == .noContent)
        #expect(Self.text(await router.respond(to: Self.request("POST", "/v1/analyze", body: "12345"))) == "analysed 5")
    }

    @Test func literalSegmentBeatsParameter() async {
        let router = Self.makeRouter()
        #expect(Self.text(await router.respond(to: Self.request("GET", "/v1/articles/latest"))) == "latest")
    }

    @Test func decodesParametersAndQuery() async {
        let router = Self.makeRouter()
        let response = await router.respond(to: Self.request("GET", "/v1/articles/a%20b/quotes?speaker=Taro+Aso&x=1"))
        #expect(Self.text(response) == "quotes of a b speaker=Taro Aso")
    }

    @Test func segmentCountsAndEmptySegments() async {
        let router = Self.makeRouter()
        router.get("/") { _ in .text("root") }
        #expect(Self.text(await router.respond(to: Self.request("GET", "/"))) == "root")
        // More segments than any route has, an empty parameter segment, a trailing slash: no route.
        for path in ["/v1/articles/a/quotes/b/c/d/e", "/v1/articles//quotes", "/v1/articles/", "/v1//articles", "/v1"] {
            #expect(await router.respond(to: Self.request("GET", path)).status == .notFound, "\(path)")
        }
        // A literal must match whole: neither a prefix nor a longer segment.
        #expect(Self.text(await router.respond(to: Self.request("GET", "/v1/articles/latestx"))) == "article latestx")
        #expect(await router.respond(to: Self.request("GET", "/v1/article")).status == .notFound)
        // Escapes that decode to invalid UTF-8 leave the segment as sent, never a crash.
        #expect(Self.text(await router.respond(to: Self.request("GET", "/v1/articles/%FF"))) == "article %FF")
    }

    @Test func severalParametersByName() async {
        let router = Router()
        router.get("/v1/{kind}/x/{id}/{part}") { request in
            .text("\(request.parameter("kind")!) \(request.parameter("id")!) \(request.parameter("part")!) \(request.parameter("nope") ?? "-")")
        }
        let response = await router.respond(to: Self.request("GET", "/v1/articles/x/a%2Fb/quotes"))
        #expect(Self.text(response) == "articles a/b quotes -")
        guard case .route(_, let parameters) = router.resolve(Self.request("GET", "/v1/k/x/i/p").head) else {
            Issue.record("not routed")
            return
        }
        #expect(parameters.dictionary == ["kind": "k", "id": "i", "part": "p"])
        #expect(PathParameters(["id": "7"])["id"] == "7")
    }

    @Test func unknownPathIs404Problem() async {
        let router = Self.makeRouter()
        for target in ["/nope", "/v1/articles/", "/v1/articles/x/y/z", "/v1"] {
            let response = await router.respond(to: Self.request("GET", target))
            #expect(response.status == .notFound, "\(target)")
            #expect(response.contentType == "application/problem+json")
            #expect(Self.text(response).contains("\"status\":404"))
        }
    }

    @Test func wrongMethodIs405WithAllow() async {
        let router = Self.makeRouter()
        let response = await router.respond(to: Self.request("PUT", "/v1/articles/abc"))
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers.first { $0.name == "Allow" }?.value == "GET, HEAD, DELETE, OPTIONS")
        #expect(Self.text(response).contains("GET, HEAD, DELETE, OPTIONS"))
        let onList = await router.respond(to: Self.request("DELETE", "/v1/articles"))
        #expect(onList.headers.first { $0.name == "Allow" }?.value == "GET, HEAD, POST, OPTIONS")
    }

    @Test func headUsesGetRoute() async {
        let router = Self.makeRouter()
        let response = await router.respond(to: Self.request("HEAD", "/v1/articles/7"))
        #expect(response.status == .ok)
        #expect(Self.text(response) == "article 7")  // the server, not the router, drops HEAD bodies
    }

    @Test func optionsAndCORSPreflight() async {
        let router = Self.makeRouter()
        let plain = await router.respond(to: Self.request("OPTIONS", "/v1/articles"))
        #expect(plain.status == .noContent)
        #expect(plain.headers.first { $0.name == "Allow" }?.value == "GET, HEAD, POST, OPTIONS")
        let preflight = await router.respond(to: Self.request(
            "OPTIONS", "/v1/articles", headers: ["Origin: https://example.org", "Access-Control-Request-Method: POST"]))
        #expect(preflight.status == .noContent)
        #expect(preflight.headers.first { $0.name == "Access-Control-Allow-Methods" }?.value == "GET, HEAD, POST, OPTIONS")
        #expect(preflight.headers.contains { $0.name == "Access-Control-Max-Age" })
        let star = await router.respond(to: Self.request("OPTIONS", "*"))
        #expect(star.headers.first { $0.name == "Allow" }?.value == Router.allMethods)
        let unknown = await router.respond(to: Self.request("OPTIONS", "/nope"))
        #expect(unknown.status == .notFound)
    }

    @Test func fallbackServesOnlyGetAndHeadForUnmatchedPaths() async {
        let router = Self.makeRouter()
        router.fallback = { _ in .text("static") }
        #expect(Self.text(await router.respond(to: Self.request("GET", "/index.html"))) == "static")
        #expect(Self.text(await router.respond(to: Self.request("HEAD", "/app.js"))) == "static")
        #expect(await router.respond(to: Self.request("POST", "/index.html")).status == .notFound)
        #expect(Self.text(await router.respond(to: Self.request("GET", "/v1/articles"))) == "list")
    }

    @Test func resolutionCarriesRouteOptions() {
        let router = Router()
        router.post("/big", options: RouteOptions(maxBodyBytes: 10, execution: .offloaded)) { _ in .empty() }
        guard case .route(let route, _) = router.resolve(Self.request("POST", "/big").head) else {
            Issue.record("not routed")
            return
        }
        #expect(route.options.maxBodyBytes == 10)
        #expect(route.runsOffQueue)
    }

    @Test func absoluteFormWithoutPathRoutesToRoot() async {
        let router = Router()
        router.get("/") { _ in .text("root") }
        let request = Request.parse("GET http://example.org HTTP/1.1\r\n\r\n")!
        #expect(Self.text(await router.respond(to: request)) == "root")
    }
}
