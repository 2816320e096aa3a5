import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `newslens healthcheck`: GET /healthz on the configured host and port, exit 0 when it answers 2xx, else 1.
/// It exists so a container can check itself without curl in the image (Dockerfile `HEALTHCHECK`).
struct HealthcheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck",
        abstract: "Ask a running server for GET /healthz; exit 0 when healthy, 1 otherwise (for container HEALTHCHECK)."
    )

    @Option(help: "Host of the server (env NEWSLENS_HOST; 0.0.0.0 and :: mean this machine). Default 127.0.0.1.")
    var host: String?

    @Option(help: "Port of the server (env NEWSLENS_PORT). Default 8080.")
    var port: Int?

    @Option(help: "Path to request.")
    var path: String = "/healthz"

    @Option(help: "Seconds to wait for the whole exchange.")
    var timeout: Int = 3

    func run() throws {
        let configuredHost = host ?? environment("NEWSLENS_HOST") ?? "127.0.0.1"
        let portText = port.map(String.init) ?? environment("NEWSLENS_PORT") ?? "8080"
        guard let portNumber = Int(portText), (1...65535).contains(portNumber) else {
            throw ValidationError("Port '\(portText)' is not a number from 1 to 65535.")
        }
        // A server listening on every address is reached through loopback.
        let target = configuredHost == "0.0.0.0" || configuredHost.isEmpty ? "127.0.0.1"
            : configuredHost == "::" || configuredHost == "[::]" ? "::1" : configuredHost
        switch HealthProbe.get(host: target, port: portNumber, path: path, timeoutSeconds: max(1, timeout)) {
        case .success(let status) where (200..<300).contains(status):
            print("healthy: GET \(path) on \(target):\(portNumber) answered \(status)")
        case .success(let status):
            print("unhealthy: GET \(path) on \(target):\(portNumber) answered \(status)")
            throw ExitCode(1)
        case .failure(let reason):
            print("unhealthy: GET \(path) on \(target):\(portNumber): \(reason)")
            throw ExitCode(1)
        }
    }

    private func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}

/// One blocking HTTP/1.1 GET over a plain socket, reading only the status line: no Foundation networking
/// (which would pull libcurl into the image) and nothing to configure.
enum HealthProbe {
    enum Outcome { case success(Int), failure(String) }

    static func get(host: String, port: Int, path: String, timeoutSeconds: Int) -> Outcome {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let bareHost = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        guard getaddrinfo(bareHost, String(port), &hints, &list) == 0, let first = list else {
            return .failure("cannot resolve host '\(host)'")
        }
        defer { freeaddrinfo(list) }
        var lastError = "no address to connect to"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            entry = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd < 0 { lastError = "socket: \(errnoText())"; continue }
            defer { close(fd) }
            var limit = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            guard connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
                lastError = "connect: \(errnoText())"
                continue
            }
            let hostHeader = bareHost.contains(":") ? "[\(bareHost)]:\(port)" : "\(bareHost):\(port)"
            let request = Array("GET \(path) HTTP/1.1\r\nHost: \(hostHeader)\r\nConnection: close\r\nUser-Agent: newslens-healthcheck\r\n\r\n".utf8)
            var sent = 0
            while sent < request.count {
                let n = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if n <= 0 { return .failure("send: \(errnoText())") }
                sent += n
            }
            return readStatus(fd)
        }
        return .failure(lastError)
    }

    /// RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ].
    private static func readStatus(_ fd: Int32) -> Outcome {
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 512)
        while head.count < 1024, !head.contains(UInt8(ascii: "\n")) {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 { return .failure("no answer: \(errnoText())") }
            if n == 0 { break }
            head.append(contentsOf: buffer[..<n])
        }
        let prefix = Array("HTTP/1.".utf8)
        guard head.count >= 12, Array(head[0..<7]) == prefix, head[8] == UInt8(ascii: " ") else {
            return .failure("not an HTTP/1.x answer")
        }
        var status = 0
        for byte in head[9..<12] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return .failure("bad status line") }
            status = status * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return .success(status)
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
