/// What the server reports about each answered request to `HTTPServerConfiguration.requestObserver`:
/// enough for metrics (requests by route and status, latency) without the observer seeing the bytes.
public struct RequestObservation: Sendable {
    /// How the router placed the request.
    public enum Match: Sendable, Equatable {
        /// A registered route; `pattern` as registered (`/v1/articles/{id}`), so labels stay few.
        case route(pattern: String)
        /// The fallback handler (static files).
        case fallback
        /// Answered by the router itself: 404, 405, OPTIONS and CORS preflight.
        case router
        /// The request could not be read (parse error, limit, timeout): no method or path to trust.
        case unreadable
    }

    /// nil when the request could not be read.
    public var method: HTTPMethod?
    public var match: Match
    public var status: Int
    /// From the first byte of the request head to the response being queued.
    public var durationNanos: UInt64
    /// Body bytes sent (after content coding; 0 for HEAD, 204, 304).
    public var bodyBytes: Int

    public init(method: HTTPMethod?, match: Match, status: Int, durationNanos: UInt64, bodyBytes: Int) {
        self.method = method
        self.match = match
        self.status = status
        self.durationNanos = durationNanos
        self.bodyBytes = bodyBytes
    }
}
