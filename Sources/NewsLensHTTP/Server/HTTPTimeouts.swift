/// Deadlines that keep slow or silent clients from holding connections (and memory) for ever.
public struct HTTPTimeouts: Sendable, Equatable {
    /// The whole header section must arrive within this, counted from the connection's start or the first
    /// byte of a later request → 408 and close.
    public var header: Duration = .seconds(10)
    /// A TLS handshake must complete within this, counted from the accept → closed silently (there is no
    /// HTTP to answer in yet). The header deadline starts when it completes.
    public var handshake: Duration = .seconds(10)
    /// The whole body must arrive within this, counted from the end of the head → 408 and close.
    public var body: Duration = .seconds(60)
    /// A keep-alive connection may wait this long for its next request → closed silently.
    public var idle: Duration = .seconds(75)
    /// A client that accepts none of our pending response bytes for this long is dropped.
    public var writeStall: Duration = .seconds(30)
    /// After an error response we keep reading (and discarding) for at most this long before closing,
    /// so the client sees the response instead of a reset (lingering close).
    public var linger: Duration = .seconds(2)
    /// On shutdown, in-flight requests get this long to finish before their connections are closed.
    public var shutdownGrace: Duration = .seconds(10)

    public init() {}

    /// The shortest deadline: the reaper ticks at a quarter of it (bounded to 5–250 ms).
    var reaperInterval: Duration {
        let shortest = [header, handshake, body, idle, writeStall, linger].min()!
        return min(max(shortest / 4, .milliseconds(5)), .milliseconds(250))
    }
}

extension Duration {
    /// Whole nanoseconds, saturating.
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        let (ns, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : ns &+ UInt64(attoseconds / 1_000_000_000)
    }
}
