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

    /// A write past the file-size limit (RLIMIT_FSIZE, `ulimit -f`) must fail with EFBIG, which the store
    /// reports as unavailable storage (503), instead of killing the process with SIGXFSZ.
    public static func ignoreFileSizeLimit() {
        _ = signal(SIGXFSZ, SIG_IGN)
    }
}
