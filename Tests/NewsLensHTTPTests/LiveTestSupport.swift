import Dispatch
import Foundation
import Logging
import NewsLensHTTP
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A real server on an ephemeral port, shut down by `stop()`.
final class LiveServer: @unchecked Sendable {
    let server: HTTPServer
    var port: Int { server.port }

    init(router: Router, configure: (inout HTTPServerConfiguration) -> Void = { _ in }) throws {
        var configuration = HTTPServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.ioQueues = 2
        configuration.logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        configure(&configuration)
        server = HTTPServer(configuration: configuration, router: router)
        try server.start()
    }

    func client() throws -> RawClient { try RawClient(port: port) }

    func stop() { server.shutdownAndWait() }

    /// The router most live tests use: echo, JSON, a slow offloaded route, a big body.
    static func standardRouter() -> Router {
        let router = Router()
        for method in [HTTPMethod.get, .post, .put] {
            router.add(method, "/echo") { request in
                Response(status: .ok, contentType: request.headers["Content-Type"] ?? "text/plain", body: request.body)
            }
        }
        router.get("/json") { _ in .json(Array(#"{"ok":true}"#.utf8)) }
        router.post("/small", options: RouteOptions(maxBodyBytes: 16)) { request in .text("got \(request.body.count)") }
        router.get("/slow", options: .offloaded) { _ in
            usleep(400_000)
            return .text("slow done")
        }
        router.addAsync(.get, "/async") { _ in
            try? await Task.sleep(for: .milliseconds(10))
            return .text("async done")
        }
        router.get("/big") { request in
            let size = Int(request.query["size"] ?? "") ?? 100_000
            return Response(status: .ok, contentType: "application/json", body: LiveServer.bigJSON(size))
        }
        router.get("/prepared") { _ in Response(prepared: LiveServer.prepared) }
        return router
    }

    static func bigJSON(_ size: Int) -> [UInt8] {
        let unit = Array(#"{"speaker":"Taro Aso","text":"close solidarity"},"#.utf8)
        var out: [UInt8] = [UInt8(ascii: "[")]
        while out.count + unit.count < size { out += unit }
        out.append(UInt8(ascii: "]"))
        return out
    }

    static let prepared = PreparedBody(contentType: "application/json", bytes: bigJSON(5000))
}

/// A parsed response as a client sees it.
struct RawResponse {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// A blocking TCP (or TLS) client that sends raw bytes and parses responses by hand.
final class RawClient {
    let fd: Int32
    private var buffer: [UInt8] = []
    private(set) var sawClose = false
    /// Set when the client speaks TLS (`tls:` options given).
    private(set) var session: TLSClientSession?

    init(port: Int, timeout: Double = 10, tls: TLSClientOptions? = nil) throws {
        // Close-on-exec: a child process started by another test must not inherit (and keep open) this socket.
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let code = errno
            closeOnce()
            throw ClientError.connect(code)
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        setTimeout(timeout)
        if let tls {
            do {
                session = try TLSClientSession(fileDescriptor: fd, options: tls)
            } catch {
                closeOnce()
                throw error
            }
        }
    }

    enum ClientError: Error { case connect(Int32), timeout, closed, malformed(String) }

    func setTimeout(_ seconds: Double) {
        var tv = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    func send(_ text: String) { send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                let rest = UnsafeRawBufferPointer(rebasing: raw[offset...])
                return session.map { $0.write(rest) } ?? Glibc.send(fd, rest.baseAddress!, rest.count, Int32(MSG_NOSIGNAL))
            }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Reads more bytes; false on timeout, close or reset.
    @discardableResult
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        if let session {
            switch chunk.withUnsafeMutableBytes({ session.read(into: $0) }) {
            case .bytes(let n):
                buffer += chunk[0..<n]
                return true
            case .closed:
                sawClose = true
                return false
            case .timeout:
                return false
            }
        }
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n > 0 {
            buffer += chunk[0..<n]
            return true
        }
        if n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) { sawClose = true }
        return false
    }

    /// Reads one response (interim 1xx responses included); `head: true` for a response to HEAD.
    func readResponse(head: Bool = false) throws -> RawResponse {
        while true {
            if let end = find([13, 10, 13, 10]) {
                let headText = String(decoding: buffer[0..<end], as: UTF8.self)
                var lines = headText.split(separator: "\r\n" as Character, omittingEmptySubsequences: false).map(String.init)
                let statusLine = lines.removeFirst().split(separator: " ")
                guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
                    throw ClientError.malformed(headText)
                }
                let headers = lines.map { line -> (String, String) in
                    let parts = line.split(separator: ":", maxSplits: 1)
                    return (String(parts[0]), parts.count > 1 ? String(parts[1]).trimmingCharacters(in: " ") : "")
                }
                var response = RawResponse(status: status, headers: headers, body: [])
                let length = head || status < 200 || status == 204 || status == 304
                    ? 0 : Int(response.header("Content-Length") ?? "0") ?? 0
                while buffer.count < end + 4 + length {
                    guard fill() else { throw sawClose ? ClientError.closed : ClientError.timeout }
                }
                response.body = Array(buffer[(end + 4)..<(end + 4 + length)])
                buffer.removeFirst(end + 4 + length)
                return response
            }
            guard fill() else { throw sawClose ? ClientError.closed : ClientError.timeout }
        }
    }

    /// Does the server close the connection within `seconds` (EOF or reset, after any pending bytes)?
    func closesWithin(_ seconds: Double) -> Bool {
        setTimeout(seconds)
        let start = MonotonicClock.now()
        while !sawClose {
            if fill() { buffer.removeAll(); continue }
            if sawClose { return true }
            if Double(MonotonicClock.now() - start) / 1e9 >= seconds { return false }
        }
        return true
    }

    /// Bytes received but not parsed.
    var pending: [UInt8] { buffer }

    private func find(_ pattern: [UInt8]) -> Int? {
        guard buffer.count >= pattern.count else { return nil }
        for i in 0...(buffer.count - pattern.count) where buffer[i] == pattern[0] {
            if Array(buffer[i..<(i + pattern.count)]) == pattern { return i }
        }
        return nil
    }

    /// Closes with a reset (SO_LINGER 0), like a client that crashed.
    func reset() {
        var option = linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        closeOnce()
    }

    /// Closes the descriptor exactly once. Swift runs `deinit` even when `init` throws after every stored
    /// property is set, so the failure paths above must mark it closed: a second close(2) of the number
    /// would close whatever another test had opened under it meanwhile (all suites share one process).
    private func closeOnce() {
        guard !closed else { return }
        closed = true
        close(fd)
    }

    private var closed = false
    deinit { closeOnce() }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let first = s.first, set.contains(first) { s.removeFirst() }
        while let last = s.last, set.contains(last) { s.removeLast() }
        return String(s)
    }

}

func request(_ method: String, _ target: String, _ headers: [String] = [], body: String = "") -> String {
    var text = "\(method) \(target) HTTP/1.1\r\nHost: test\r\n"
    for header in headers { text += header + "\r\n" }
    if !body.isEmpty && !headers.contains(where: { $0.lowercased().hasPrefix("transfer-encoding") }) {
        text += "Content-Length: \(body.utf8.count)\r\n"
    }
    return text + "\r\n" + body
}

/// Runs blocking socket code on its own thread, so the test does not occupy one of the few threads of the
/// Swift concurrency pool (which `async` route handlers of the server under test need).
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.stackSize = 1 << 20
        thread.start()
    }
}
