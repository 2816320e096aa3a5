#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Nanoseconds on a clock that never jumps: deadlines and request durations are measured with it.
/// Tests that want to steer time use `ConnectionDeadline` with explicit instants instead.
public enum MonotonicClock {
    @inline(__always) public static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }
}

/// What a connection is waiting for, and until when. Pure value logic, so tests can drive it with any clock.
public struct ConnectionDeadline: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Nothing is awaited (a handler is running).
        case none
        /// The TLS handshake to complete.
        case handshake
        /// The header section of a request (first request, or a later one that has begun).
        case header
        /// The rest of a request body.
        case body
        /// The next request on a kept-alive connection.
        case idle
        /// The client to accept pending response bytes.
        case write
        /// The client to close after our error response (lingering close).
        case linger
    }

    public private(set) var kind: Kind = .none
    public private(set) var instant: UInt64 = .max

    public init() {}

    /// Waits for `kind` until `now + timeout`.
    public mutating func set(_ kind: Kind, now: UInt64, timeout: Duration) {
        set(kind, now: now, timeoutNanos: timeout.nanoseconds)
    }

    public mutating func set(_ kind: Kind, now: UInt64, timeoutNanos: UInt64) {
        self.kind = kind
        let (sum, overflow) = now.addingReportingOverflow(timeoutNanos)
        instant = overflow ? .max : sum
    }

    public mutating func clear() {
        kind = .none
        instant = .max
    }

    /// The kind that expired at `now`, or nil.
    public func expired(at now: UInt64) -> Kind? {
        kind != .none && now >= instant ? kind : nil
    }
}
