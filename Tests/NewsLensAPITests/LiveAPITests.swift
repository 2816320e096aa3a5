import Foundation
import NewsLensJSON
import Testing
@testable import NewsLensAPI

/// Every endpoint and error against the real server on an ephemeral port, over sockets: framing, content
/// coding, conditional requests and headers as a client really sees them.
@Suite struct LiveAPITests {
    @Test func articleLifecycleOverTheWire() async throws {
        let live = try LiveAPI()
        defer { live.stop() }
        _ = try await onThreads { _ in
            let c = try live.client()
            let created = try c.request("POST", "/v1/articles", contentType: "text/plain; charset=utf-8", Articles.ferry)
            #expect(created.status == 201)
            let id = created.json["id"]?.stringValue ?? ""
            #expect(created.header("Location") == "/v1/articles/\(id)")
            #expect(created.header("Content-Type") == "application/json")
            let again = try c.request("POST", "/v1/articles", contentType: "text/plain", Articles.ferry)
            #expect(again.status == 200 && again.header("Location") == "/v1/articles/\(id)")

            let plain = try c.request("GET", "/v1/articles/\(id)")
            #expect(plain.status == 200)
            let etag = try #require(plain.header("ETag"))
            let zipped = try c.request("GET", "/v1/articles/\(id)", headers: ["Accept-Encoding: gzip"])
            #expect(zipped.header("Content-Encoding") == "gzip")
            #expect(zipped.header("Vary") == "Accept-Encoding")
            #expect(zipped.decodedBody == plain.body)
            #expect(zipped.body.count < plain.body.count)
            let notModified = try c.request("GET", "/v1/articles/\(id)", headers: ["If-None-Match: \(etag)"])
            #expect(notModified.status == 304 && notModified.body.isEmpty && notModified.header("ETag") == etag)
            let head = try c.request("HEAD", "/v1/articles/\(id)")
            #expect(head.status == 200 && head.body.isEmpty && head.header("Content-Length") == String(plain.body.count))

            #expect(try c.request("GET", "/v1/articles").json.items.map { $0["id"]?.stringValue } == [id])
            #expect(try c.request("GET", "/v1/articles/\(id)/quotes?kind=direct").json.items.count >= 2)
            #expect(try c.request("GET", "/v1/articles/\(id)/participants?type=person").json.items.count >= 2)
            #expect(try c.request("GET", "/v1/quotes?speaker=Keller").json.items.count == 1)
            let participants = try c.request("GET", "/v1/participants")
            #expect(participants.status == 200 && participants.header("ETag") != nil)
            let listETag = participants.header("ETag") ?? ""
            #expect(try c.request("GET", "/v1/participants", headers: ["If-None-Match: \(listETag)"]).status == 304)
            let keller = try c.request("GET", "/v1/participants/maria-keller").json
            #expect(keller["articles"]?.items.count == 1 && keller["quotes"]?.items.count == 1)

            let deleted = try c.request("DELETE", "/v1/articles/\(id)")
            #expect(deleted.status == 204 && deleted.body.isEmpty)
            let gone = try c.request("GET", "/v1/articles/\(id)")
            #expect(gone.status == 404 && gone.header("Content-Type") == "application/problem+json")
            #expect(try c.request("GET", "/v1/participants/maria-keller").status == 404)
        }
    }

    @Test func analyzeAcceptsEveryInputFormOverTheWire() async throws {
        let live = try LiveAPI()
        defer { live.stop() }
        _ = try await onThreads { _ in
            let c = try live.client()
            let text = try c.request("POST", "/v1/analyze", contentType: "text/plain", Articles.harbour)
            #expect(text.status == 200 && text.json["article"]?["headline"]?.stringValue == "Harbour works to start in May")
            // A chunked body, as streaming clients send it.
            var chunked = Array("POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
            let body = Array(Articles.harbour.utf8)
            for start in stride(from: 0, to: body.count, by: 100) {
                let piece = body[start..<min(start + 100, body.count)]
                chunked += Array((String(piece.count, radix: 16) + "\r\n").utf8) + piece + Array("\r\n".utf8)
            }
            try c.send(chunked + Array("0\r\n\r\n".utf8))
            let viaChunks = try c.readResponse()
            #expect(viaChunks.status == 200 && viaChunks.json["id"] == text.json["id"])
            let json = try c.request("POST", "/v1/analyze", contentType: "application/json",
                                     #"{"html": "<article><h1>Bridge</h1><p>The bridge opened on Monday after two years of work on the river crossing.</p></article>", "url": "https://example.org/x"}"#)
            #expect(json.status == 200 && json.json["article"]?["paragraphs"]?.arrayValue?.isEmpty == false)
            let html = try c.request("POST", "/v1/analyze", contentType: "text/html; charset=utf-8",
                                     "<html><body><article><p>The bridge opened on Monday after two years of work on the river crossing, the city said.</p></article></body></html>")
            #expect(html.status == 200)
            let zipped = try c.request("POST", "/v1/analyze", headers: ["Content-Type: text/plain", "Accept-Encoding: gzip"],
                                       body: Array(Articles.ferry.utf8))
            #expect(zipped.header("Content-Encoding") == "gzip" && zipped.header("Vary") == "Accept-Encoding")
            #expect((try? JSONParser().parse(zipped.decodedBody))?["quotes"] != nil)
        }
    }

    @Test func errorsOverTheWire() async throws {
        let live = try LiveAPI(maxArticleBytes: 4096)
        defer { live.stop() }
        _ = try await onThreads { _ in
            func expectProblem(_ r: WireResponse, _ status: Int, _ fragment: String) {
                #expect(r.status == status, "\(r.status) \(r.text)")
                #expect(r.header("Content-Type") == "application/problem+json")
                #expect(r.json["status"]?.intValue == status)
                #expect(r.json["detail"]?.stringValue?.contains(fragment) == true, "\(r.text)")
            }
            // 413 from Content-Length, before the body is read: the server closes after answering.
            let big = try live.client()
            try big.send(Array("POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 10000\r\nExpect: 100-continue\r\n\r\n".utf8))
            expectProblem(try big.readResponse(), 413, "4096 bytes")
            let c = try live.client()
            expectProblem(try c.request("POST", "/v1/analyze", contentType: "application/json", "{\"text\": \"a\",}"), 400, "line 1, column")
            expectProblem(try c.request("POST", "/v1/analyze", headers: ["Content-Type: text/plain"], body: [0x41, 0xFF, 0x42]), 400, "UTF-8")
            expectProblem(try c.request("POST", "/v1/analyze", contentType: "application/pdf", "%PDF"), 415, "application/pdf")
            expectProblem(try c.request("POST", "/v1/analyze", headers: ["Content-Type: application/json"]), 422, "empty")
            expectProblem(try c.request("GET", "/v1/articles/abc"), 404, "'abc'")
            expectProblem(try c.request("GET", "/v1/articles?limit=500"), 400, "'limit'")
            expectProblem(try c.request("GET", "/v1/quotes?kind=x"), 400, "'kind'")
            let notAllowed = try c.request("PUT", "/v1/articles", contentType: "text/plain", "x")
            #expect(notAllowed.status == 405 && notAllowed.header("Allow") == "GET, HEAD, POST, OPTIONS")
            let query = try c.request("QUERY", "/v1/quotes")
            #expect(query.status == 405 && query.header("Allow") == "GET, HEAD, OPTIONS")
            expectProblem(try c.request("GET", "/v2/nothing"), 404, "Nothing")
        }
    }

    @Test func apiKeyAndCORSOverTheWire() async throws {
        let live = try LiveAPI(apiKey: "k-123")
        defer { live.stop() }
        _ = try await onThreads { _ in
            let c = try live.client()
            let refused = try c.request("POST", "/v1/articles", contentType: "text/plain", Articles.ferry)
            #expect(refused.status == 401 && refused.header("WWW-Authenticate") == #"Bearer realm="newslens""#)
            let stored = try c.request("POST", "/v1/articles", contentType: "text/plain", Articles.ferry,
                                       headers: ["Authorization: Bearer k-123"])
            #expect(stored.status == 201)
            let read = try c.request("GET", "/v1/articles", headers: ["Origin: https://elsewhere.example"])
            #expect(read.status == 200 && read.header("Access-Control-Allow-Origin") == "*")
            #expect(read.header("Access-Control-Expose-Headers")?.contains("ETag") == true)
            let preflight = try c.request("OPTIONS", "/v1/articles/x", headers: [
                "Origin: https://elsewhere.example", "Access-Control-Request-Method: DELETE",
                "Access-Control-Request-Headers: Authorization"])
            #expect(preflight.status == 204)
            #expect(preflight.header("Access-Control-Allow-Origin") == "*")
            #expect(preflight.header("Access-Control-Allow-Methods") == "GET, HEAD, DELETE, OPTIONS")
            #expect(preflight.header("Access-Control-Allow-Headers")?.contains("Authorization") == true)
        }
    }

    @Test func operationalEndpointsOverTheWire() async throws {
        let live = try LiveAPI()
        defer { live.stop() }
        _ = try await onThreads { _ in
            let c = try live.client()
            #expect(try c.request("GET", "/healthz").text == #"{"status":"ok"}"#)
            #expect(try c.request("GET", "/readyz").json["status"]?.stringValue == "ready")
            _ = try c.request("POST", "/v1/articles", contentType: "text/plain", Articles.election)
            _ = try c.request("GET", "/v1/articles/nope")
            let document = try c.request("GET", "/openapi.json", headers: ["Accept-Encoding: gzip"])
            #expect(document.status == 200 && document.header("Content-Encoding") == "gzip")
            #expect((try? JSONParser().parse(document.decodedBody))?["openapi"]?.stringValue == "3.1.0")
            let metrics = try c.request("GET", "/metrics").text
            #expect(metrics.contains(#"newslens_http_requests_total{route="/v1/articles",method="POST",status="201"} 1"#))
            #expect(metrics.contains(#"newslens_http_requests_total{route="/v1/articles/{id}",method="GET",status="404"} 1"#))
            #expect(metrics.contains(#"newslens_http_request_duration_seconds_count{route="/healthz"} 1"#))
            #expect(metrics.contains("newslens_http_open_connections 1"))
            #expect(metrics.contains("newslens_articles_stored 1"))
            #expect(metrics.contains("newslens_store_ready 1"))
        }
    }
}
