#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Process-wide signal settings a network server needs.
public enum ProcessSignals {
    /// A write to a socket the peer reset must fail with EPIPE, never kill the process. Sends already pass
    /// MSG_NOSIGNAL; this also covers any library that writes with plain write(2).
    public static func ignoreBrokenPipe() {
        _ = signal(SIGPIPE, SIG_IGN)
    }
}
