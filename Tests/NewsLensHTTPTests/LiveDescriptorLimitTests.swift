import NewsLensHTTP
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Descriptors never run out for good: `newslens serve` runs as a child with a low RLIMIT_NOFILE and gets
/// more connections than it has descriptors. It must survive, not spin, refuse politely at its connection
/// limit, and answer again once the flood is gone.
@Suite(.serialized) struct LiveDescriptorLimitTests {
    /// Opens `count` connections and sends a request on each (the kernel queues them in the backlog even
    /// when the server cannot accept); returns the clients and how many were answered, with which statuses.
    static func flood(port: Int, count: Int) throws -> (clients: [RawClient], statuses: [Int: Int]) {
        var clients: [RawClient] = []
        for _ in 0..<count {
            let client = try RawClient(port: port)
            client.send(request("GET", "/healthz"))
            clients.append(client)
        }
        var statuses: [Int: Int] = [:]
        usleep(500_000)  // time to answer whatever it accepted; then each read waits briefly
        for client in clients {
            client.setTimeout(0.02)
            if let status = try? client.readResponse().status { statuses[status, default: 0] += 1 }
        }
        return (clients, statuses)
    }

    @Test func acceptBacksOffWhenDescriptorsRunOutAndRecovers() async throws {
        try await onOwnThread {
            let child = try ChildServer(descriptorLimit: 64, arguments: ["--io-queues", "2"])
            #expect(child.status(of: "/healthz") == 200)
            var (clients, statuses) = try Self.flood(port: child.port, count: 200)
            // Only what the descriptors allow was accepted; the rest wait in the backlog.
            let answered = statuses.values.reduce(0, +)
            #expect(answered > 0 && answered < 200, "\(statuses)")
            #expect(child.openDescriptors <= 64)
            // Out of descriptors, the server backs off instead of spinning on a listener that stays readable.
            let cpuBefore = child.cpuSeconds
            usleep(2_000_000)
            let cpuUsed = child.cpuSeconds - cpuBefore
            #expect(cpuUsed < 0.3, "used \(cpuUsed) s of CPU in 2 s while out of descriptors")
            #expect(child.process.isRunning)
            // The flood leaves; the server serves again.
            clients.removeAll()
            var recovered: Int?
            for _ in 0..<50 where recovered != 200 {
                recovered = child.status(of: "/healthz", timeout: 1)
                if recovered != 200 { usleep(100_000) }
            }
            #expect(recovered == 200, "no answer after the flood closed: \(child.log.suffix(2000))")
            print("descriptor limit 64: \(answered) of 200 flood connections answered, \(cpuUsed) s CPU in 2 s while "
                  + "out of descriptors, answering again after the flood: \(recovered == 200)")
            statuses = [:]
            #expect(child.stop() == 0)
        }
    }

    @Test func connectionLimitAnswers503BeforeDescriptorsRunOut() async throws {
        try await onOwnThread {
            let child = try ChildServer(descriptorLimit: 256, arguments: ["--io-queues", "2", "--max-connections", "50"])
            var (clients, statuses) = try Self.flood(port: child.port, count: 150)
            #expect(statuses[200] == 50, "\(statuses)")
            #expect(statuses[503] == 100, "\(statuses)")
            #expect(child.openDescriptors < 256)
            clients.removeAll()
            var recovered: Int?
            for _ in 0..<50 where recovered != 200 {
                recovered = child.status(of: "/healthz", timeout: 1)
                if recovered != 200 { usleep(100_000) }
            }
            #expect(recovered == 200)
            statuses = [:]
            #expect(child.stop() == 0)
        }
    }

    /// `--max-buffered-bodies` reaches the server: a body that would pass it gets 503 while another upload
    /// holds most of it; a budget below `--max-body` is refused at start with a clear message.
    @Test func requestBodyBudgetFlag() async throws {
        try await onOwnThread {
            do {
                _ = try ChildServer(arguments: ["--max-body", "64KiB", "--max-buffered-bodies", "32KiB"])
                Issue.record("a budget below --max-body was accepted")
            } catch let failure as ChildServer.Failure {
                #expect(failure.description.contains("smaller than the largest request body"), "\(failure)")
            }
            let child = try ChildServer(arguments: ["--max-body", "64KiB", "--max-buffered-bodies", "100KiB"])
            let slow = try RawClient(port: child.port)
            slow.send("POST /v1/analyze HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nContent-Length: 65536\r\n\r\n"
                      + String(repeating: "a ", count: 30_000))
            usleep(300_000)
            let refused = try child.exchange(request("POST", "/v1/analyze", ["Content-Type: text/plain"],
                                                     body: String(repeating: "b ", count: 25_000)))
            #expect(refused.status == 503 && refused.header("Retry-After") == "1", "\(refused.status) \(refused.text)")
            slow.reset()
            var status = 0
            for _ in 0..<50 where status != 200 {
                status = (try? child.exchange(request("POST", "/v1/analyze", ["Content-Type: text/plain"],
                                                      body: "The mayor said the budget passed.")))?.status ?? 0
                if status != 200 { usleep(50_000) }
            }
            #expect(status == 200)
            #expect(child.stop() == 0)
        }
    }
}
