import Dispatch
import Logging
import Synchronization

/// State every connection of one server shares: configuration, router, encoder, logger, the queue for
/// offloaded handlers and the live connection count. Immutable after start except the atomics.
final class ServerContext: Sendable {
    let configuration: HTTPServerConfiguration
    let router: Router
    let encoder: ResponseEncoder
    let logger: Logger
    let logsRequests: Bool
    /// Where `.offloaded` handlers run.
    let offloadQueue: DispatchQueue
    let activeConnections = Atomic<Int>(0)
    let draining = Atomic<Bool>(false)
    /// Bytes of request bodies held by all connections (`HTTPLimits.maxBufferedBodyBytes`).
    let bufferedBodyBytes = Atomic<Int>(0)
    /// Largest input buffer a request head may need.
    let maxHeadBuffer: Int
    /// Sent to connections beyond `maxConnections`.
    let overloadResponse: [UInt8]
    /// `timeouts.idle` in nanoseconds, set after every keep-alive response (converting a Duration costs
    /// 128-bit arithmetic).
    let idleTimeoutNanos: UInt64

    /// Counts `bytes` more of buffered request bodies; false (and nothing counted) past the limit.
    func reserveBodyBytes(_ bytes: Int) -> Bool {
        let total = bufferedBodyBytes.add(bytes, ordering: .relaxed).newValue
        if total > configuration.limits.maxBufferedBodyBytes {
            bufferedBodyBytes.subtract(bytes, ordering: .relaxed)
            return false
        }
        return true
    }

    init(configuration: HTTPServerConfiguration, router: Router) {
        self.configuration = configuration
        self.router = router
        encoder = ResponseEncoder(gzipMinimumBytes: configuration.gzipMinimumBytes,
                                  gzipLevel: configuration.gzipLevel, cors: router.cors)
        logger = configuration.logger
        logsRequests = configuration.logger.logLevel <= .info
        offloadQueue = DispatchQueue(label: "newslens.http.handlers", qos: .userInitiated, attributes: .concurrent)
        let limits = configuration.limits
        idleTimeoutNanos = configuration.timeouts.idle.nanoseconds
        maxHeadBuffer = max(16 * 1024, limits.maxRequestLineBytes + limits.maxHeaderBytes + 1024)
        let problem = Problem(.serviceUnavailable,
                              detail: "The server is at its connection limit (\(limits.maxConnections)); retry shortly.")
        let body = problem.jsonBytes
        overloadResponse = Array(
            ("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\nRetry-After: 1\r\n"
                + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n").utf8) + body
    }
}
