import Foundation
import NewsLensHTTP
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Many connections that each send a request one byte per tick (slowloris), watched with poll(2) from one
/// thread: records how long after its connect the server closed each one, and whether it said 408 first.
/// Times count from just before each connect(2), so they never undercount the server's view (its header
/// deadline starts at the accept, later still).
final class TricklingSwarm {
    private var sockets: [Int32] = []
    private var connectedAt: [UInt64] = []
    /// Seconds from each connection's connect to its close by the server; nil while open.
    private(set) var closedAfter: [Double?] = []
    /// The start of the first bytes the server sent each connection ("" while none).
    private var firstBytes: [String] = []
    /// How each connection ended: "end of stream", "errno N", or "descriptor closed under us".
    private var ending: [String] = []
    private(set) var answered408 = 0
    private let message = Array("GET /json HTTP/1.1\r\nHost: slow\r\nX-Padding: aaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n".utf8)

    init(port: Int, count: Int) throws {
        for _ in 0..<count {
            let started = MonotonicClock.now()
            let client = try RawClient(port: port)
            let fd = fcntl(client.fd, F_DUPFD_CLOEXEC, 0)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            sockets.append(fd)
            connectedAt.append(started)
            closedAfter.append(nil)
            firstBytes.append("")
            ending.append("")
        }
    }

    deinit { for (i, fd) in sockets.enumerated() where closedAfter[i] == nil { close(fd) } }

    var openCount: Int { closedAfter.count { $0 == nil } }

    /// What happened to the connection closed first, for assertion messages.
    var firstClosedStory: String {
        guard let (i, seconds) = closedAfter.enumerated().compactMap({ i, t in t.map { (i, $0) } }).min(by: { $0.1 < $1.1 })
        else { return "none closed" }
        return "connection \(i) closed after \(seconds) s, "
            + (firstBytes[i].isEmpty ? "the server sent nothing" : "the server sent \"\(firstBytes[i])\"") + ", then \(ending[i])"
    }

    /// Sends one more byte to every open connection each `interval`, until all are closed or `limit` passed.
    func trickle(interval: Double, limit: Double) {
        let start = MonotonicClock.now()
        var next = 0
        var scratch = [UInt8](repeating: 0, count: 4096)
        let index = Dictionary(uniqueKeysWithValues: sockets.enumerated().map { ($1, $0) })
        func elapsed() -> Double { Double(MonotonicClock.now() - start) / 1e9 }
        while openCount > 0 && elapsed() < limit {
            if next < message.count {
                for (i, fd) in sockets.enumerated() where closedAfter[i] == nil {
                    var byte = message[next]
                    _ = send(fd, &byte, 1, Int32(MSG_NOSIGNAL))
                }
                next += 1
            }
            let tickEnd = Double(next) * interval
            while openCount > 0 && elapsed() < min(tickEnd, limit) {
                var polled = sockets.enumerated().compactMap { i, fd in
                    closedAfter[i] == nil ? pollfd(fd: fd, events: Int16(POLLIN), revents: 0) : nil
                }
                let wait = Int32(max(1, (min(tickEnd, limit) - elapsed()) * 1000))
                guard poll(&polled, nfds_t(polled.count), wait) > 0 else { continue }
                for entry in polled where entry.revents != 0 {
                    guard let i = index[entry.fd] else { continue }
                    if entry.revents & Int16(POLLNVAL) != 0 {
                        // Someone else closed our descriptor: record it, and do not close the number again.
                        closedAfter[i] = Double(MonotonicClock.now() - connectedAt[i]) / 1e9
                        ending[i] = "descriptor closed under us"
                        continue
                    }
                    let n = scratch.withUnsafeMutableBytes { recv(entry.fd, $0.baseAddress, $0.count, 0) }
                    let code = errno
                    if n > 0 {
                        if firstBytes[i].isEmpty {
                            firstBytes[i] = String(decoding: scratch[0..<min(n, 12)], as: UTF8.self)
                                .unicodeScalars.map { $0.value < 32 ? "\\x\(String($0.value, radix: 16))" : String($0) }.joined()
                        }
                        if scratch[0..<min(n, 12)].elementsEqual("HTTP/1.1 408".utf8) { answered408 += 1 }
                        continue
                    }
                    if n < 0 && (code == EAGAIN || code == EINTR) { continue }
                    closedAfter[i] = Double(MonotonicClock.now() - connectedAt[i]) / 1e9
                    ending[i] = n == 0 ? "end of stream" : "errno \(code)"
                    close(entry.fd)
                }
            }
        }
    }
}

/// A well-behaved client that keeps making requests (a new connection each time) on its own thread and
/// records how long each took, to show that hostile clients do not slow the others down.
final class LatencyProbe: @unchecked Sendable {
    private let port: Int
    private let path: String
    private let stopped = Atomic<Bool>(false)
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var samples: [Double] = []
    private var failures: [String] = []

    init(port: Int, path: String = "/json") {
        self.port = port
        self.path = path
    }

    func start() {
        let thread = Thread { [self] in
            while !stopped.load(ordering: .relaxed) {
                let started = MonotonicClock.now()
                do {
                    let client = try RawClient(port: port, timeout: 5)
                    client.send(request("GET", path))
                    let status = try client.readResponse().status
                    let seconds = Double(MonotonicClock.now() - started) / 1e9
                    lock.withLock { status == 200 ? samples.append(seconds) : failures.append("status \(status)") }
                } catch {
                    lock.withLock { failures.append("\(error)") }
                }
                usleep(20_000)
            }
            done.signal()
        }
        thread.start()
    }

    /// Stops and returns the latencies (seconds, sorted) and the failures.
    func stop() -> (latencies: [Double], failures: [String]) {
        stopped.store(true, ordering: .relaxed)
        done.wait()
        return lock.withLock { (samples.sorted(), failures) }
    }
}

extension Array where Element == Double {
    /// The value at fraction `p` of a sorted array (0.5: median).
    func percentile(_ p: Double) -> Double {
        isEmpty ? .nan : self[Swift.min(count - 1, Int(Double(count - 1) * p + 0.5))]
    }
}

/// Raises this process's soft descriptor limit as far as the hard limit allows (the trickle test holds
/// two descriptors per connection: client and server side) and returns the new soft limit.
func raiseDescriptorLimit(to wanted: Int) -> Int {
    var limit = rlimit()
    getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    if limit.rlim_cur < rlim_t(wanted) {
        limit.rlim_cur = Swift.min(rlim_t(wanted), limit.rlim_max)
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
    return Int(limit.rlim_cur)
}
