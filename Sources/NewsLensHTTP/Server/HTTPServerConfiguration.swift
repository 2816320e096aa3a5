import Logging
import NewsLensTransport

/// Everything the server needs to know before it starts; `newslens serve` fills it from flags and
/// environment variables.
public struct HTTPServerConfiguration: Sendable {
    public var host: String = "127.0.0.1"
    /// 0 asks the kernel for a free port (tests); read the bound port from `HTTPServer.port`.
    public var port: Int = 8080
    /// Plain HTTP on `port`; false serves HTTPS only (then `tls` is required).
    public var servesPlainHTTP = true
    /// HTTPS on its own port, beside plain HTTP unless `servesPlainHTTP` is false.
    public var tls: TLSListenerConfiguration?
    public var limits = HTTPLimits()
    public var timeouts = HTTPTimeouts()
    /// Serial I/O queues connections are spread over; each runs on at most one thread at a time.
    public var ioQueues: Int = max(1, min(System.activeProcessorCount, 8))
    /// Responses with compressible bodies at least this long are gzipped when the client accepts gzip.
    public var gzipMinimumBytes: Int = 1024
    public var gzipLevel: Int32 = 6
    /// Listen backlog.
    public var backlog: Int32 = 1024
    /// Per-request log lines go here at `.info`; set the level to `.warning` to silence them.
    public var logger = Logger(label: "newslens.http")
    /// Called on the connection's I/O queue once per answered request, right after its response is queued
    /// (metrics). Must be fast and must not block: it runs in the server's hot path.
    public var requestObserver: (@Sendable (RequestObservation) -> Void)?

    public init() {}
}

/// Facts about the machine.
public enum System {
    public static var activeProcessorCount: Int {
        #if canImport(Glibc)
        return Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #else
        return Int(sysconf(_SC_NPROCESSORS_ONLN))
        #endif
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// HTTPS: the loaded certificate and key, and the port that speaks TLS.
public struct TLSListenerConfiguration: Sendable {
    public var context: TLSContext
    /// 0 asks the kernel for a free port; read the bound port from `HTTPServer.tlsPort`.
    public var port: Int

    public init(context: TLSContext, port: Int = 8443) {
        self.context = context
        self.port = port
    }
}
