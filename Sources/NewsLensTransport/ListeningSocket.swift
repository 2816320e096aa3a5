import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bound, listening, non-blocking TCP socket. Owns its descriptor until `close()`.
public final class ListeningSocket: @unchecked Sendable {
    public let fileDescriptor: Int32
    /// The address actually bound (the kernel's choice when port 0 was asked for).
    public let address: SocketAddress
    private let closed = Atomic<Bool>(false)

    /// Binds `host:port` (numeric address or a name resolved with getaddrinfo) and listens.
    /// SO_REUSEADDR lets a restarted server bind while old connections sit in TIME_WAIT; TCP_NODELAY set on
    /// the listener is inherited by accepted sockets on Linux, so small responses leave at once.
    public init(host: String, port: Int, backlog: Int32 = 1024) throws(SocketError) {
        guard (0...65535).contains(port) else { throw SocketError("port \(port) out of range", code: EINVAL) }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw SocketError("resolve \(host): \(String(cString: gai_strerror(status)))", code: EINVAL)
        }
        defer { freeaddrinfo(list) }

        #if canImport(Glibc)
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        #else
        let type = SOCK_STREAM
        #endif
        let fd = socket(first.pointee.ai_family, type, 0)
        guard fd >= 0 else { throw SocketError("socket") }
        do throws(SocketError) {
            try Self.setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1, "SO_REUSEADDR")
            try Self.setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1, "TCP_NODELAY")
            guard bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
                throw SocketError("bind \(host):\(port)")
            }
            guard listen(fd, backlog) == 0 else { throw SocketError("listen") }
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let named = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            guard named == 0, let bound = SocketAddress(storage: &storage) else { throw SocketError("getsockname") }
            fileDescriptor = fd
            address = bound
        } catch {
            _ = Glibc.close(fd)
            throw error
        }
    }

    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32, _ label: String)
        throws(SocketError)
    {
        var value = value
        guard setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw SocketError("setsockopt \(label)")
        }
    }

    /// Stops listening; pending connections in the backlog are reset by the kernel.
    /// Safe to call from several queues; closes once.
    public func close() {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        _ = Glibc.close(fileDescriptor)
    }

    deinit { close() }
}
