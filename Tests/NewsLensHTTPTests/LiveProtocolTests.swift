import NewsLensCompression
@testable import NewsLensHTTP
import Dispatch
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The real server on an ephemeral port, spoken to with raw sockets: HTTP/1.1 message exchange.
@Suite struct LiveProtocolTests {
    @Test func keepAliveServesSeveralRequestsOnOneConnection() async throws {
        try await onOwnThread {
            let live = try LiveServer(router: LiveServer.standardRouter())
            defer { live.stop() }
            let client = try live.client()
            for i in 0..<3 {
                client.send(request("POST", "/echo", ["Content-Type: text/plain"], body: "ping \(i)"))
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.text == "ping \(i)")
                #expect(response.header("Connection") == nil)
                #expect(response.header("Date")?.hasSuffix("GMT") == true)
            }
            #expect(!client.closesWithin(0.1))
        }
    }

    @Test func pipelinedRequestsAnswerInOrder() async throws {
        try await onOwnThread {
            let live = try LiveServer(router: LiveServer.standardRouter())
            defer { live.stop() }
            // `/async` runs on the Swift concurrency pool, which the other suites' synchronous tests can keep
            // busy for many seconds on a 2-core machine: this test is about order, so wait as long as it takes.
            let client = try RawClient(port: live.port, timeout: 60)
            // A slow offloaded request first: later ones must wait for it to keep the order.
            client.send(request("GET", "/slow") + request("GET", "/nope") + request("POST", "/echo", body: "third")
                        + request("GET", "/async") + request("GET", "/json"))
            let statuses = try (0..<5).map { _ in try client.readResponse() }
            #expect(statuses.map(\.status) == [200, 404, 200, 200, 200])
            #expect(statuses[0].text == "slow done")
            #expect(statuses[2].text == "third")
            #expect(statuses[3].text == "async done")
            #expect(statuses[4].text == #"{"ok":true}"#)
        }
    }

    /// Large shared bodies, also from body files (sendfile on plain sockets, bytes over TLS), queued behind
    /// one another and read late: writes stop part-way through a segment and resume from the right offset.
    @Test(arguments: [false, true])
    func pipelinedLargeSharedBodiesSurvivePartialWrites(fileBacked: Bool) async throws {
        try await onOwnThread {
            let router = LiveServer.standardRouter()
            let big = PreparedBody(contentType: "application/json", bytes: LiveServer.bigJSON(300_000),
                                   compress: false, fileBacked: fileBacked)
            #expect((big.identityFile != nil) == fileBacked)
            let small = PreparedBody(contentType: "application/json", bytes: LiveServer.bigJSON(9000),
                                     compress: false, fileBacked: fileBacked)
            router.get("/shared") { _ in Response(prepared: big) }
            router.get("/small-shared") { _ in Response(prepared: small) }
            let live = try LiveServer.withTLS(router: router)
            defer { live.stop() }
            for client in [try live.client(), try live.tlsClient()] {
                client.send(request("GET", "/shared") + request("GET", "/json") + request("GET", "/small-shared")
                            + request("GET", "/shared") + request("HEAD", "/shared") + request("GET", "/small-shared"))
                usleep(200_000)
                let responses = try (0..<6).map { i in try client.readResponse(head: i == 4) }
                #expect(responses.map(\.status) == [200, 200, 200, 200, 200, 200])
                #expect(responses[0].body == big.bytes)
                #expect(responses[1].text == #"{"ok":true}"#)
                #expect(responses[2].body == small.bytes)
                #expect(responses[3].body == big.bytes)
                #expect(responses[4].body.isEmpty && responses[4].header("Content-Length") == "\(big.bytes.count)")
                #expect(responses[5].body == small.bytes)
            }
        }
    }

    /// A file-backed body whose last owner is the response being sent (an article deleted meanwhile): its
    /// body file stays open until the last byte left. The gzip variant comes from its own file; 304 and
    /// HEAD send no file bytes.
    @Test func fileBackedBodiesOutliveTheirOwnerInEveryVariant() async throws {
        try await onOwnThread {
            let router = LiveServer.standardRouter()
            let payload = LiveServer.bigJSON(300_000)
            var seed: UInt32 = 12345
            let packed = (0..<40_000).map { _ -> UInt8 in seed = seed &* 1_103_515_245 &+ 12345; return UInt8(seed >> 24) }
            let etag = PreparedBody(contentType: "application/json", bytes: payload, compress: false).etag
            router.get("/transient") { _ in
                let body = PreparedBody(contentType: "application/json", bytes: payload, gzip: packed, etag: etag,
                                        compress: false, fileBacked: true)
                #expect(body.identityFile != nil && body.gzipFile != nil)
                return Response(prepared: body)
            }
            let live = try LiveServer.withTLS(router: router)
            defer { live.stop() }
            for client in [try live.client(), try live.tlsClient()] {
                client.send(request("GET", "/transient") + request("GET", "/transient", ["Accept-Encoding: gzip"])
                            + request("GET", "/transient", ["If-None-Match: \(etag)"])
                            + request("HEAD", "/transient", ["Accept-Encoding: gzip"]) + request("GET", "/transient"))
                usleep(200_000)
                let responses = try (0..<5).map { i in try client.readResponse(head: i == 3) }
                #expect(responses.map(\.status) == [200, 200, 304, 200, 200])
                #expect(responses[0].body == payload)
                #expect(responses[1].body == packed && responses[1].header("Content-Encoding") == "gzip")
                #expect(responses[2].body.isEmpty && responses[2].header("ETag") == etag)
                #expect(responses[3].body.isEmpty && responses[3].header("Content-Length") == "\(packed.count)")
                #expect(responses[4].body == payload)
            }
        }
    }

    @Test func chunkedRequestBodies() async throws {
        try await onOwnThread {
            let live = try LiveServer(router: LiveServer.standardRouter())
            defer { live.stop() }
            let client = try live.client()
            client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n")
            usleep(20_000)
            client.send("6\r\n world\r\n0\r\nX-Trailer: ignored\r\n\r\n" + request("GET", "/json"))
            let echoed = try client.readResponse()
            #expect(echoed.status == 200)
            #expect(echoed.text == "hello world")
            #expect(try client.readResponse().status == 200)
            client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\nhello\r\n0\r\n\r\n")
            #expect(try client.readResponse().status == 400)
            #expect(client.closesWithin(5))
        }
    }

    @Test func expectContinueGetsInterimResponse() async throws {
        try await onOwnThread {
            let live = try LiveServer(router: LiveServer.standardRouter())
            defer { live.stop() }
            let client = try live.client()
            client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
            let interim = try client.readResponse()
            #expect(interim.status == 100)
            client.send("data")
            let final = try client.readResponse()
            #expect(final.status == 200)
            #expect(final.text == "data")

            // A request that will be refused gets its final status instead of 100, and the body is never read.
            let refused = try live.client()
            refused.send("POST /nope HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
            #expect(try refused.readResponse().status == 404)
            #expect(refused.closesWithin(5))
        }
    }

    @Test func headGivesGetHeadersWithoutBody() async throws {
        try await onOwnThread {
            let live = try LiveServer(router: LiveServer.standardRouter())
            defer { live.stop() }
            let client = try live.client()
            client.send(request("HEAD", "/json") + request("GET", "/json"))
            let head = try client.readResponse(head: true)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "11")
            #expect(head.header("Content-Type") == "application/json")
            let get = try client.readResponse()
            #expect(get.text == #"{"ok":true}"#)
        }
    }

    @Test func wrongMethodIs405WithAllowAndConnectionStaysUsable() async throws {
        try await onOwnThread {
            let live = try LiveServer(router: LiveServer.standardRouter())
            defer { live.stop() }
            let client = try live.client()
            client.send(request("DELETE", "/json", body: "ignored body") + request("GET", "/json"))
            let refused = try client.readResponse()
            #expect(refused.status == 405)
            #expect(refused.header("Allow") == "GET, HEAD, OPTIONS")
            #expect(refused.header("Content-Type") == "application/problem+json")
            #expect(try client.readResponse().status == 200)
        }
    }

    @Test func gzipWhenAcceptedAndLargeEnough() async throws {
        try await onOwnThread {
            let live = try LiveServer(router: LiveServer.standardRouter())
            defer { live.stop() }
            let client = try live.client()
            client.send(request("GET", "/big?size=50000", ["Accept-Encoding: br, gzip"]))
            let zipped = try client.readResponse()
            #expect(zipped.header("Content-Encoding") == "gzip")
            #expect(zipped.header("Vary") == "Accept-Encoding")
            #expect(try Gzip.decompress(zipped.body) == LiveServer.bigJSON(50000))
            client.send(request("GET", "/big?size=50000"))
            let plain = try client.readResponse()
            #expect(plain.header("Content-Encoding") == nil)
            #expect(plain.header("Vary") == "Accept-Encoding")
            #expect(plain.body == LiveServer.bigJSON(50000))
            client.send(request("GET", "/big?size=500", ["Accept-Encoding: gzip"]))
            let small = try client.readResponse()
            #expect(small.header("Content-Encoding") == nil)  // under 1 KiB: not worth it
            client.send(request("GET", "/prepared", ["Accept-Encoding: gzip"]))
            let prepared = try client.readResponse()
            #expect(prepared.header("Content-Encoding") == "gzip")
            #expect(try Gzip.decompress(prepared.body) == LiveServer.prepared.bytes)
        }
    }

    @Test func ifNoneMatchGives304() async throws {
        try await onOwnThread {
            let live = try LiveServer(router: LiveServer.standardRouter())
            defer { live.stop() }
            let client = try live.client()
            client.send(request("GET", "/prepared"))
            let first = try client.readResponse()
            let etag = try #require(first.header("ETag"))
            client.send(request("GET", "/prepared", ["If-None-Match: \"other\", \(etag)"]))
            let second = try client.readResponse()
            #expect(second.status == 304)
            #expect(second.header("ETag") == etag)
            #expect(second.body.isEmpty)
            client.send(request("GET", "/prepared", ["If-None-Match: \"other\""]))
            #expect(try client.readResponse().status == 200)
        }
    }

    @Test func http10ClosesAndConnectionCloseIsHonoured() async throws {
        try await onOwnThread {
            let live = try LiveServer(router: LiveServer.standardRouter())
            defer { live.stop() }
            let old = try live.client()
            old.send("GET /json HTTP/1.0\r\n\r\n")
            let response = try old.readResponse()
            #expect(response.status == 200)
            #expect(response.header("Connection") == "close")
            #expect(old.closesWithin(5))
            let closing = try live.client()
            closing.send(request("GET", "/json", ["Connection: close"]))
            #expect(try closing.readResponse().header("Connection") == "close")
            #expect(closing.closesWithin(5))
        }
    }

    @Test func malformedRequestGets400ProblemAndClose() async throws {
        try await onOwnThread {
            let live = try LiveServer(router: LiveServer.standardRouter())
            defer { live.stop() }
            let client = try live.client()
            client.send("GET /json HTTP/1.1\r\nHost: t\r\nX-Bad : v\r\n\r\n" + request("GET", "/json"))
            let response = try client.readResponse()
            #expect(response.status == 400)
            #expect(response.text.contains("whitespace"))
            #expect(client.closesWithin(5))
        }
    }

    @Test func slowHandlerDoesNotDelayOtherConnections() async throws {
        try await onOwnThread {
            // The slow handler runs until the fast request has been answered: causal, not timed, so a loaded
            // machine cannot fail it, and a server that waited for the handler would never answer `fast`.
            let gate = DispatchSemaphore(value: 0)
            let router = LiveServer.standardRouter()
            router.get("/gated", options: .offloaded) { _ in
                _ = gate.wait(timeout: .now() + 20)
                return .text("slow done")
            }
            let live = try LiveServer(router: router)
            defer { live.stop() }
            let slow = try live.client()
            slow.send(request("GET", "/gated"))
            usleep(50_000)
            let fast = try live.client()
            fast.send(request("GET", "/json"))
            #expect(try fast.readResponse().status == 200)
            gate.signal()
            #expect(try slow.readResponse().text == "slow done")
        }
    }

    @Test func resetPeersAffectOnlyTheirConnection() async throws {
        try await onOwnThread {
            let live = try LiveServer(router: LiveServer.standardRouter())
            defer { live.stop() }
            for _ in 0..<20 {
                let mid = try live.client()
                mid.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\nabc")
                mid.reset()
                let uploader = try live.client()
                uploader.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 400000\r\n\r\n"
                              + String(repeating: "u", count: 300_000))
                uploader.reset()  // the reset lands while most of the upload is still unread
                let reader = try live.client()
                reader.send(String(repeating: request("GET", "/big?size=200000"), count: 5))
                reader.reset()
            }
            let client = try live.client()
            client.send(request("GET", "/json"))
            #expect(try client.readResponse().status == 200)
            // Every reset connection is released at once (not at its deadline); only `client` remains.
            var waited = 0
            while live.server.activeConnections > 1 && waited < 100 { usleep(10_000); waited += 1 }
            #expect(live.server.activeConnections == 1, "\(live.server.connectionStates())")
        }
    }
}
