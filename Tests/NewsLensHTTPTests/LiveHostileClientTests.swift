@testable import NewsLensHTTP
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Clients that attack by being slow: a thousand header tricklers, readers that never read, a pipelined
/// flood that outruns its own reading. Each must cost only its own connection, at its deadline.
@Suite(.serialized) struct LiveHostileClientTests {
    @Test func thousandTricklingClientsAreClosedAtTheHeaderDeadlineWhileOthersAreServed() async throws {
        try await onOwnThread {
            // Two descriptors per trickler (ours and the server's) plus room for the rest of the suite.
            let available = raiseDescriptorLimit(to: 4096)
            let count = min(1000, (available - 400) / 2)
            #expect(count == 1000, "descriptor limit \(available) allows only \(count) tricklers")
            let deadline = 2.0
            let live = try LiveServer(router: LiveServer.standardRouter()) { configuration in
                configuration.timeouts.header = .milliseconds(Int64(deadline * 1000))
                configuration.limits.maxConnections = 2 * count
            }
            defer { live.stop() }
            let swarm = try TricklingSwarm(port: live.port, count: count)
            let probe = LatencyProbe(port: live.port)
            probe.start()
            swarm.trickle(interval: 1.0, limit: deadline + 5)
            let (latencies, failures) = probe.stop()

            let closed = swarm.closedAfter.compactMap { $0 }.sorted()
            #expect(closed.count == count, "\(count - closed.count) tricklers still open after \(deadline + 5) s")
            // Closed at the header deadline, counted from each connection's start. (Never earlier: the server's
            // deadline starts at its accept, after our clock started. Later by the reaper tick, the accept
            // backlog of a thousand connects and a busy machine.)
            #expect((closed.first ?? 0) >= deadline - 0.1, "first closed early: \(swarm.firstClosedStory)")
            #expect((closed.last ?? .infinity) <= deadline + 1.5, "last closed after \(closed.last ?? 0) s")
            #expect(swarm.answered408 == count, "\(swarm.answered408) of \(count) were told 408; \(swarm.firstClosedStory)")
            // Meanwhile a normal client kept being served. A server held up by the tricklers would make it wait
            // for a trickle tick (1 s) or the header deadline (2 s); the bounds stay well below both while
            // leaving room for a loaded 2-core machine running every suite at once.
            #expect(failures.isEmpty, "\(failures.prefix(3))")
            // Served again and again during the trickle (one request per 20 ms at best; a loaded machine
            // stretches the sleeps, so the count proves continuity, not throughput).
            #expect(latencies.count >= 10, "only \(latencies.count) requests served")
            #expect(latencies.percentile(0.5) < 0.25, "median \(latencies.percentile(0.5)) s")
            #expect(latencies.percentile(1) < 0.9, "slowest \(latencies.percentile(1)) s")
            print("tricklers: \(count) closed between \(closed.first ?? 0) and \(closed.last ?? 0) s "
                  + "(header deadline \(deadline) s), \(swarm.answered408) told 408; normal client: "
                  + "\(latencies.count) requests, median \(latencies.percentile(0.5) * 1000) ms, "
                  + "p99 \(latencies.percentile(0.99) * 1000) ms, max \(latencies.percentile(1) * 1000) ms")
        }
    }

    @Test(arguments: [false, true])
    func clientsThatNeverReadAreDroppedAtTheWriteDeadline(tls: Bool) async throws {
        try await onOwnThread {
            let stall = 1.0
            let router = LiveServer.standardRouter()
            let huge = Self.huge  // built here, not in the first request's handler
            router.get("/huge") { _ in Response(prepared: huge) }  // shared bytes: no time spent per request
            let live = try LiveServer.withTLS(router: router) { $0.timeouts.writeStall = .milliseconds(Int64(stall * 1000)) }
            defer { live.stop() }
            let port = tls ? live.tlsPort : live.port
            let started = MonotonicClock.now()
            func elapsed() -> Double { Double(MonotonicClock.now() - started) / 1e9 }
            var readers: [RawClient] = []
            for _ in 0..<20 {
                let client = try RawClient(port: port, tls: tls ? TLSClientOptions() : nil)
                var small: Int32 = 4096
                setsockopt(client.fd, SOL_SOCKET, SO_RCVBUF, &small, socklen_t(MemoryLayout<Int32>.size))
                client.send(String(repeating: request("GET", "/huge"), count: 2))
                readers.append(client)  // and never read
            }
            let probe = LatencyProbe(port: live.port)
            probe.start()
            usleep(UInt32(stall * 0.5 * 1e6))
            #expect(live.server.activeConnections >= 20, "dropped before the write deadline")
            while live.server.activeConnections > 0 && elapsed() < stall + 3 { usleep(10_000) }
            let droppedAfter = elapsed()
            let (latencies, failures) = probe.stop()
            #expect(live.server.activeConnections == 0, "\(live.server.connectionStates())")
            #expect(droppedAfter >= stall * 0.9 && droppedAfter < stall + 1.5, "dropped after \(droppedAfter) s")
            // A server stuck on the stalled writers would keep the normal client waiting until they are dropped.
            #expect(failures.isEmpty && latencies.percentile(1) < stall * 0.9, "\(failures.prefix(3)) \(latencies)")
            print("never-reading clients (\(tls ? "TLS" : "plain")): 20 dropped after \(droppedAfter) s "
                  + "(write deadline \(stall) s); normal client: \(latencies.count) requests, max \(latencies.percentile(1) * 1000) ms")
        }
    }

    @Test(arguments: [false, true])
    func requestBodiesBeyondTheServerWideBudgetGet503UntilOthersFinish(tls: Bool) async throws {
        try await onOwnThread {
            let live = try LiveServer.withTLS { configuration in
                configuration.limits.maxBufferedBodyBytes = 100_000
                configuration.limits.maxBodyBytes = 1_000_000
            }
            defer { live.stop() }
            func client() throws -> RawClient {
                try RawClient(port: tls ? live.tlsPort : live.port, tls: tls ? TLSClientOptions() : nil)
            }
            func waitFor(_ bytes: Int) -> Int {
                for _ in 0..<300 where live.server.bufferedBodyBytes != bytes { usleep(10_000) }
                return live.server.bufferedBodyBytes
            }
            // A slow upload holds 80 kB of its 90 kB body.
            let slow = try client()
            slow.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 90000\r\n\r\n" + String(repeating: "a", count: 80_000))
            #expect(waitFor(80_000) == 80_000)
            // Another 50 kB body would pass the budget: refused, whatever its framing.
            let refused = try client()
            refused.send(request("POST", "/echo", body: String(repeating: "b", count: 50_000)))
            let response = try refused.readResponse()
            #expect(response.status == 503 && response.header("Retry-After") == "1", "\(response.status) \(response.text)")
            #expect(response.text.contains("too many request bodies"))
            let chunked = try client()
            chunked.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nc350\r\n"
                         + String(repeating: "c", count: 50_000) + "\r\n0\r\n\r\n")
            #expect(try chunked.readResponse().status == 503)
            #expect(waitFor(80_000) == 80_000, "refused bodies must give their bytes back")
            // Announcing a large body holds nothing; small bodies still fit beside the slow upload.
            let announced = try client()
            announced.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 500000\r\n\r\n")
            let small = try client()
            small.send(request("POST", "/echo", body: String(repeating: "d", count: 10_000)))
            #expect(try small.readResponse().status == 200)
            // An upload whose client vanishes (reset) gives its bytes back when the connection closes.
            let vanishing = try client()
            vanishing.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 90000\r\n\r\n" + String(repeating: "v", count: 15_000))
            #expect(waitFor(95_000) == 95_000)
            vanishing.reset()
            #expect(waitFor(80_000) == 80_000, "a reset upload must give its bytes back")
            // The slow upload completes; its bytes go back to the budget once it is answered.
            slow.send(String(repeating: "a", count: 10_000))
            #expect(try slow.readResponse().body.count == 90_000)
            let after = try client()
            after.send(request("POST", "/echo", body: String(repeating: "e", count: 50_000)))
            #expect(try after.readResponse().status == 200)
            #expect(waitFor(0) == 0)
        }
    }

    static let huge = PreparedBody(contentType: "application/json", bytes: LiveServer.bigJSON(4_000_000))

    @Test func pipelinedFloodIsAnsweredInFullAfterItsOutputDrains() async throws {
        try await onOwnThread {
            let live = try LiveServer(router: LiveServer.standardRouter())
            defer { live.stop() }
            let client = try live.client()
            // 40 requests at once, 8 MB of answers: the server pauses at its output high-water mark; when the
            // kernel takes the output without blocking, the paused requests must still be answered.
            client.send(String(repeating: request("GET", "/big?size=200000"), count: 40))
            usleep(300_000)
            let expected = LiveServer.bigJSON(200_000)
            for i in 0..<40 {
                let response = try client.readResponse()
                #expect(response.status == 200 && response.body == expected, "response \(i)")
            }
        }
    }
}
