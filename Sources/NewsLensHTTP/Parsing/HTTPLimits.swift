/// Size limits on what a client may send; each has the status it earns when exceeded.
public struct HTTPLimits: Sendable, Equatable {
    /// Longest request line (method, target, version) → 414.
    public var maxRequestLineBytes: Int = 8 * 1024
    /// Largest header section (all field lines, without the request line) → 431.
    public var maxHeaderBytes: Int = 32 * 1024
    /// Most header fields → 431.
    public var maxHeaderCount: Int = 100
    /// Largest request body unless a route sets its own → 413 (decided from Content-Length before reading).
    public var maxBodyBytes: Int = 4 * 1024 * 1024
    /// Most simultaneous connections; further ones get 503 and are closed.
    public var maxConnections: Int = 1024
    /// Request bodies held in memory at once, across every connection (received so far, or waiting for
    /// their handler): a body that would go past it gets 503 with Retry-After. Without it, 1,024
    /// connections uploading 4 MiB each could make the server hold 4 GiB.
    public var maxBufferedBodyBytes: Int = 256 * 1024 * 1024

    public init() {}
}
