import NewsLensHTTP
import NewsLensJSON
import NewsLensStore
import Testing
@testable import NewsLensAPI

/// `/healthz`, `/readyz`, `/metrics`, `/openapi.json` and `/` through the router.
@Suite struct OperationalRouteTests {
    @Test func healthAndReadiness() async throws {
        let slot = StoreSlot()
        let router = Router()
        let context = APIContext(stores: slot, analyzer: APIHarness.analyzer, cors: nil)
        APIRoutes.register(on: router, context: context)
        func call(_ path: String) async -> Response { await APIHarness.respond(router, Request.parse("GET \(path) HTTP/1.1\r\nHost: t\r\n\r\n")!) }
        #expect(await call("/healthz").text == #"{"status":"ok"}"#)
        let before = await call("/readyz")
        before.expectProblem(.serviceUnavailable, containing: "loading")
        slot.fill(try ArticleStore(configuration: StoreConfiguration()))
        let after = await call("/readyz")
        #expect(after.status == .ok)
        #expect(after.json["status"]?.stringValue == "ready")
        #expect(after.json["durable"]?.boolValue == false)
    }

    @Test func metricsCountRequestsAndReadTheStore() async {
        let api = APIHarness()
        await api.store(Articles.ferry)
        api.context.metrics.observe(RequestObservation(method: .get, match: .route(pattern: "/v1/articles/{id}"),
                                                       status: 200, durationNanos: 300_000, bodyBytes: 10))
        api.context.metrics.observe(RequestObservation(method: .get, match: .route(pattern: "/v1/articles/{id}"),
                                                       status: 404, durationNanos: 20_000_000, bodyBytes: 10))
        api.context.metrics.observe(RequestObservation(method: nil, match: .unreadable, status: 400, durationNanos: 0, bodyBytes: 0))
        api.context.metrics.setConnectionCount { 7 }
        let response = await api.call("GET", "/metrics")
        #expect(response.status == .ok)
        #expect(response.contentType == "text/plain; version=0.0.4; charset=utf-8")
        let text = response.text
        #expect(text.contains(#"newslens_http_requests_total{route="/v1/articles/{id}",method="GET",status="200"} 1"#))
        #expect(text.contains(#"newslens_http_requests_total{route="/v1/articles/{id}",method="GET",status="404"} 1"#))
        #expect(text.contains(#"newslens_http_requests_total{route="unreadable",method="-",status="400"} 1"#))
        #expect(text.contains(#"newslens_http_request_duration_seconds_bucket{route="/v1/articles/{id}",le="0.0005"} 1"#))
        #expect(text.contains(#"newslens_http_request_duration_seconds_bucket{route="/v1/articles/{id}",le="0.025"} 2"#))
        #expect(text.contains(#"newslens_http_request_duration_seconds_count{route="/v1/articles/{id}"} 2"#))
        #expect(text.contains("newslens_http_open_connections 7"))
        #expect(text.contains("newslens_articles_stored 1"))
        #expect(text.contains("newslens_quotes_stored "))
        #expect(text.contains("newslens_participants "))
        #expect(text.contains(#"newslens_analysis_duration_seconds_count{input="text"} 1"#))
        #expect(text.contains("# TYPE newslens_http_request_duration_seconds histogram"))
        // Every sample line is "name{labels} value" with a number.
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            #expect(Double(line.split(separator: " ").last.map(String.init) ?? "") != nil, "\(line)")
        }
    }

    @Test func labelValuesAreEscaped() {
        var out = PrometheusText()
        out.sample("m", [("route", "a\"b\\c\nd")], 1)
        #expect(String(decoding: out.bytes, as: UTF8.self) == "m{route=\"a\\\"b\\\\c\\nd\"} 1\n")
    }

    @Test func openAPIDocumentIsServedFromCachedBytes() async {
        let api = APIHarness()
        let response = await api.call("GET", "/openapi.json")
        #expect(response.status == .ok)
        guard case .prepared(let body) = response.body else {
            Issue.record("openapi.json is served from prepared bytes")
            return
        }
        #expect(body === OpenAPIDocument.preparedBody)
        #expect(body.gzipBytes != nil)
        #expect(response.json["openapi"]?.stringValue == "3.1.0")
    }

    @Test func everyRouteIsDocumentedAndEveryOperationIsARoute() {
        let api = APIHarness()
        let routes = Set(api.router.registeredRoutes.map { "\($0.method.name) \($0.pattern)" })
        let documented = Set(OpenAPIDocument.operations.map { "\($0.method) \($0.path)" })
        #expect(routes == documented, "routes only: \(routes.subtracting(documented)); documented only: \(documented.subtracting(routes))")
        #expect(routes.count == 15)
    }

    @Test func everyReferenceResolvesAndEveryOperationDocumentsItsErrors() {
        let document = OpenAPIDocument.document
        var references: [String] = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let object):
                for (key, member) in object {
                    if key == "$ref", let text = member.stringValue { references.append(text) } else { collect(member) }
                }
            case .array(let array): array.forEach(collect)
            default: break
            }
        }
        collect(document)
        #expect(references.count > 50)
        for reference in Set(references) {
            var node: JSONValue? = document
            for part in reference.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
            #expect(node != nil, "unresolved \(reference)")
        }
        let paths = document["paths"]?.objectValue ?? JSONObject()
        for (path, item) in paths {
            for (method, operation) in item.objectValue ?? JSONObject() where method != "parameters" {
                let responses = operation["responses"]?.objectValue?.keys ?? []
                #expect(!responses.isEmpty, "\(method) \(path) documents no response")
                #expect(operation["operationId"]?.stringValue != nil, "\(method) \(path) has no operationId")
                if path.hasPrefix("/v1/") && method == "get" { #expect(responses.contains("503"), "\(method) \(path)") }
                if method == "post" { #expect(["400", "413", "415", "422", "401"].allSatisfy(responses.contains), "\(method) \(path)") }
                if path.contains("{id}") { #expect(responses.contains("404"), "\(method) \(path)") }
            }
        }
    }

    @Test func webPageRoute() async {
        let api = APIHarness()
        await api.call("GET", "/").expectProblem(.notFound, containing: "web page")
        let withPage = Router()
        APIRoutes.register(on: withPage, context: api.context, webPage: { _ in .text("<html>") })
        let page = await APIHarness.respond(withPage, Request.parse("GET / HTTP/1.1\r\nHost: t\r\n\r\n")!)
        #expect(page.text == "<html>")
        let post = await APIHarness.respond(withPage, Request.parse("POST / HTTP/1.1\r\nHost: t\r\n\r\n")!)
        #expect(post.status == .methodNotAllowed)
    }
}
