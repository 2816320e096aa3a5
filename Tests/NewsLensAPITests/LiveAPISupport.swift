import Foundation
import Logging
import NewsLensCompression
import NewsLensHTTP
import NewsLensJSON
import NewsLensStore
import Testing
@testable import NewsLensAPI

#if canImport(Glibc)
import Glibc
#endif

/// The real server with every API route on an ephemeral loopback port, as `newslens serve` wires it
/// (request observer for metrics, open-connection gauge, CORS), over an in-memory store.
final class LiveAPI: @unchecked Sendable {
    let server: HTTPServer
    let context: APIContext
    var port: Int { server.port }

    init(store: ArticleStore? = try! ArticleStore(configuration: StoreConfiguration()), apiKey: String? = nil,
         maxArticleBytes: Int = 256 << 10) throws {
        let router = Router()
        router.cors = CORSPolicy()
        let metrics = MetricsRegistry()
        context = APIContext(configuration: APIConfiguration(apiKey: apiKey, maxArticleBytes: maxArticleBytes),
                             stores: StoreSlot(store), metrics: metrics, analyzer: APIHarness.analyzer, cors: router.cors)
        APIRoutes.register(on: router, context: context)
        var configuration = HTTPServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.ioQueues = 2
        configuration.logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        configuration.requestObserver = metrics.requestObserver
        server = HTTPServer(configuration: configuration, router: router)
        metrics.setConnectionCount { [server] in server.activeConnections }
        try server.start()
    }

    func client() throws -> HTTPClient { try HTTPClient(port: port) }

    func stop() { server.shutdownAndWait() }
}

/// A response as a client sees it on the wire.
struct WireResponse: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    var text: String { String(decoding: body, as: UTF8.self) }
    var json: JSONValue { (try? JSONParser().parse(body)) ?? .null }
    /// The body with any gzip content coding removed.
    var decodedBody: [UInt8] {
        header("Content-Encoding") == "gzip" ? ((try? Gzip.decompress(body)) ?? []) : body
    }
}

/// A blocking HTTP/1.1 client on one keep-alive connection (responses framed by Content-Length, which
/// this server always sends).
final class HTTPClient {
    let fd: Int32
    private var buffer: [UInt8] = []

    enum Failure: Error { case connect(Int32), closed, malformed(String) }

    init(host: String = "127.0.0.1", port: Int, timeoutSeconds: Int = 60) throws {
        // Close-on-exec: a child process another test starts must not inherit (and keep open) this socket.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let code = errno
            close(fd)
            throw Failure.connect(code)
        }
        // Assigned only once connected: `deinit` runs even for an `init` that throws after every stored
        // property is set, and would close the number a second time (another test's descriptor by then).
        self.fd = fd
        var tv = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure.closed }
            offset += n
        }
    }

    /// Sends one request (Content-Length added for a body) and reads its response.
    func request(_ method: String, _ target: String, headers: [String] = [], body: [UInt8] = []) throws -> WireResponse {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for h in headers { head += h + "\r\n" }
        if !body.isEmpty || method == "POST" { head += "Content-Length: \(body.count)\r\n" }
        try send(Array((head + "\r\n").utf8) + body)
        return try readResponse(head: method == "HEAD")
    }

    func request(_ method: String, _ target: String, contentType: String, _ body: String, headers: [String] = []) throws -> WireResponse {
        try request(method, target, headers: ["Content-Type: \(contentType)"] + headers, body: Array(body.utf8))
    }

    func readResponse(head: Bool = false) throws -> WireResponse {
        while true {
            if let end = find([13, 10, 13, 10]) {
                let lines = String(decoding: buffer[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
                let statusParts = lines[0].split(separator: " ")
                guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure.malformed(lines[0]) }
                let headers = lines.dropFirst().map { line -> (String, String) in
                    let parts = line.split(separator: ":", maxSplits: 1)
                    return (String(parts[0]), parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
                }
                var response = WireResponse(status: status, headers: headers, body: [])
                let length = head || status == 204 || status == 304 || status < 200
                    ? 0 : Int(response.header("Content-Length") ?? "0") ?? 0
                while buffer.count < end + 4 + length { try fill() }
                response.body = Array(buffer[(end + 4)..<(end + 4 + length)])
                buffer.removeFirst(end + 4 + length)
                if status < 200 { continue }  // 100 Continue
                return response
            }
            try fill()
        }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { throw Failure.closed }
        buffer += chunk[0..<n]
    }

    private func find(_ pattern: [UInt8]) -> Int? {
        guard buffer.count >= pattern.count else { return nil }
        for i in 0...(buffer.count - pattern.count) where buffer[i] == pattern[0] && buffer[i + 1] == pattern[1] {
            if Array(buffer[i..<(i + pattern.count)]) == pattern { return i }
        }
        return nil
    }
}

/// Runs blocking socket code on threads of its own (never on Swift's small cooperative pool, which the
/// server's async handlers and other suites need): `count` threads, each given its index.
func onThreads<T: Sendable>(_ count: Int = 1, _ body: @escaping @Sendable (Int) throws -> T) async throws -> [T] {
    try await withThrowingTaskGroup(of: (Int, T).self) { group in
        for index in 0..<count {
            group.addTask {
                try await withCheckedThrowingContinuation { continuation in
                    let thread = Thread { continuation.resume(with: Result { (index, try body(index)) }) }
                    thread.stackSize = 1 << 20
                    thread.start()
                }
            }
        }
        var results: [(Int, T)] = []
        for try await result in group { results.append(result) }
        return results.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
