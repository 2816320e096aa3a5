import NewsLensHTTP
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Every configurable size limit, made small, against the real server.
@Suite struct LiveLimitsTests {
    static func server(maxConnections: Int = 100) throws -> LiveServer {
        try LiveServer(router: LiveServer.standardRouter()) { configuration in
            configuration.limits.maxRequestLineBytes = 100
            configuration.limits.maxHeaderBytes = 300
            configuration.limits.maxHeaderCount = 5
            configuration.limits.maxBodyBytes = 1000
            configuration.limits.maxConnections = maxConnections
        }
    }

    @Test func requestLineLimitGives414() async throws {
        try await onOwnThread {
            let live = try Self.server()
            defer { live.stop() }
            let ok = try live.client()
            ok.send(request("GET", "/echo?" + String(repeating: "a", count: 60)))
            #expect(try ok.readResponse().status == 200)
            let client = try live.client()
            client.send(request("GET", "/echo?" + String(repeating: "a", count: 5000)))
            let response = try client.readResponse()
            #expect(response.status == 414)
            #expect(response.header("Connection") == "close")
            #expect(client.closesWithin(5))
        }
    }

    @Test func headerSectionAndCountLimitsGive431() async throws {
        try await onOwnThread {
            let live = try Self.server()
            defer { live.stop() }
            let big = try live.client()
            big.send(request("GET", "/json", ["X-Big: " + String(repeating: "b", count: 400)]))
            #expect(try big.readResponse().status == 431)
            let many = try live.client()
            many.send(request("GET", "/json", (0..<6).map { "X-\($0): v" }))
            #expect(try many.readResponse().status == 431)
            let fine = try live.client()
            fine.send(request("GET", "/json", (0..<4).map { "X-\($0): v" }))
            #expect(try fine.readResponse().status == 200)
        }
    }

    @Test func bodyLimitsGive413BeforeTheBodyIsRead() async throws {
        try await onOwnThread {
            let live = try Self.server()
            defer { live.stop() }
            // Declared too large: refused from Content-Length alone, nothing of the body sent.
            let declared = try live.client()
            declared.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1001\r\n\r\n")
            let refused = try declared.readResponse()
            #expect(refused.status == 413)
            #expect(refused.header("Content-Type") == "application/problem+json")
            // A route's own smaller limit.
            let small = try live.client()
            small.send(request("POST", "/small", body: String(repeating: "x", count: 17)))
            #expect(try small.readResponse().status == 413)
            small.send(request("POST", "/small", body: String(repeating: "x", count: 16)))
            #expect(small.closesWithin(5))
            let exact = try live.client()
            exact.send(request("POST", "/small", body: String(repeating: "x", count: 16)))
            #expect(try exact.readResponse().text == "got 16")
            // Chunked: no length up front, refused once the chunks exceed the limit.
            let chunked = try live.client()
            chunked.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3e8\r\n"
                         + String(repeating: "y", count: 1000) + "\r\n1\r\nz\r\n0\r\n\r\n")
            let chunkedResponse = try chunked.readResponse()
            #expect(chunkedResponse.status == 413, "\(chunkedResponse.status) \(chunkedResponse.text)")
        }
    }

    @Test func connectionLimitGives503() async throws {
        try await onOwnThread {
            let live = try Self.server(maxConnections: 3)
            defer { live.stop() }
            let held = try (0..<3).map { _ in try live.client() }
            for client in held {
                client.send(request("GET", "/json"))
                #expect(try client.readResponse().status == 200)
            }
            let extra = try live.client()
            let response = try extra.readResponse()
            #expect(response.status == 503)
            #expect(response.header("Retry-After") == "1")
            #expect(extra.closesWithin(5))
            held[0].reset()
            var waited = 0
            while live.server.activeConnections > 2 && waited < 100 { usleep(10_000); waited += 1 }
            let again = try live.client()
            again.send(request("GET", "/json"))
            #expect(try again.readResponse().status == 200)
        }
    }
}

/// Every deadline, made sub-second, against the real server.
@Suite struct LiveDeadlineTests {
    static func server() throws -> LiveServer {
        try LiveServer(router: LiveServer.standardRouter()) { configuration in
            configuration.timeouts.header = .milliseconds(300)
            configuration.timeouts.body = .milliseconds(300)
            configuration.timeouts.idle = .milliseconds(300)
            configuration.timeouts.writeStall = .milliseconds(300)
            configuration.timeouts.linger = .milliseconds(300)
        }
    }

    @Test func slowHeaderGets408() async throws {
        try await onOwnThread {
            let live = try Self.server()
            defer { live.stop() }
            let client = try live.client()
            client.send("GET /json HTTP/1.1\r\nHost: t\r\n")
            let start = MonotonicClock.now()
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(MonotonicClock.now() - start >= 200_000_000)
            #expect(client.closesWithin(5))
            // A connection that sends nothing is closed silently at the same deadline.
            let silent = try live.client()
            #expect(silent.closesWithin(5))
            #expect(silent.pending.isEmpty)
        }
    }

    @Test func trickledHeaderStillTimesOut() async throws {
        try await onOwnThread {
            let live = try Self.server()
            defer { live.stop() }
            let client = try live.client()
            client.send("GET /json HTTP/1.1\r\n")
            for _ in 0..<5 {
                usleep(100_000)
                client.send("X-A: b\r\n")  // progress does not extend the header deadline
            }
            #expect(try client.readResponse().status == 408)
        }
    }

    @Test func slowBodyGets408() async throws {
        try await onOwnThread {
            let live = try Self.server()
            defer { live.stop() }
            let client = try live.client()
            client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc")
            #expect(try client.readResponse().status == 408)
            #expect(client.closesWithin(5))
        }
    }

    @Test func idleKeepAliveConnectionIsClosed() async throws {
        try await onOwnThread {
            // Its own idle deadline, long next to the pause below: a loaded machine may stretch a 100 ms
            // sleep past a 300 ms deadline, which would close the connection before the second request.
            let live = try LiveServer(router: LiveServer.standardRouter()) { $0.timeouts.idle = .milliseconds(1500) }
            defer { live.stop() }
            let client = try live.client()
            client.send(request("GET", "/json"))
            #expect(try client.readResponse().status == 200)
            usleep(600_000)
            client.send(request("GET", "/json"))  // activity restarts the idle clock
            #expect(try client.readResponse().status == 200)
            let start = MonotonicClock.now()
            #expect(client.closesWithin(5))
            // Counted from the second response: the first one's clock would have closed it 0.9 s from here.
            #expect(MonotonicClock.now() - start >= 1_200_000_000)
            #expect(client.pending.isEmpty)  // closed silently, no 408
        }
    }

    @Test func clientThatStopsReadingIsDropped() async throws {
        try await onOwnThread {
            let live = try Self.server()
            defer { live.stop() }
            let client = try live.client()
            var small: Int32 = 4096
            setsockopt(client.fd, SOL_SOCKET, SO_RCVBUF, &small, socklen_t(MemoryLayout<Int32>.size))
            let start = MonotonicClock.now()
            client.send(String(repeating: request("GET", "/big?size=4000000"), count: 4))
            var waited = 0
            while live.server.activeConnections == 0 && waited < 300 { usleep(1_000); waited += 1 }  // accepted
            waited = 0
            while live.server.activeConnections > 0 && waited < 300 { usleep(10_000); waited += 1 }
            let droppedAfter = Double(MonotonicClock.now() - start) / 1e9
            #expect(live.server.activeConnections == 0)
            // Not before its 300 ms write deadline (its first write blocked after our start).
            #expect(droppedAfter >= 0.25, "dropped after \(droppedAfter) s")
        }
    }
}
