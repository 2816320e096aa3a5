import CSocketShims
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A socket the listener accepted: non-blocking, close-on-exec, owned by whoever receives it.
public struct AcceptedSocket: Sendable {
    public let fileDescriptor: Int32
    public let peer: SocketAddress
}

/// Accepts connections on a `ListeningSocket` when its `EventMultiplexer` reports it readable, and hands
/// each socket on, on the multiplexer's queue. Each I/O queue can run its own Listener on the same socket
/// (registered EPOLLEXCLUSIVE, so one queue wakes per connection): a connection is accepted by the queue
/// that will serve it, with no hand-off. When the process runs out of descriptors (EMFILE/ENFILE) it
/// stops accepting for `backoff` instead of spinning on a listener that stays readable; connections wait
/// in the kernel backlog meanwhile.
public final class Listener: ReadinessHandler, @unchecked Sendable {
    public let socket: ListeningSocket
    private let multiplexer: EventMultiplexer
    private let queue: DispatchQueue
    private let onAccept: (AcceptedSocket) -> Void
    private let backoff: DispatchTimeInterval
    private var token: EventMultiplexer.Token?
    private var pausedUntilBackoff = false
    private var stopped = false
    /// How often accept ran out of descriptors; visible for tests and metrics.
    public private(set) var descriptorExhaustions = 0

    /// `onAccept` runs on `queue` (the multiplexer's queue), once per accepted socket.
    public init(
        socket: ListeningSocket, multiplexer: EventMultiplexer, queue: DispatchQueue,
        backoff: DispatchTimeInterval = .milliseconds(100), onAccept: @escaping (AcceptedSocket) -> Void
    ) {
        self.socket = socket
        self.multiplexer = multiplexer
        self.queue = queue
        self.backoff = backoff
        self.onAccept = onAccept
    }

    /// Starts accepting. Must run on the queue.
    public func start() throws(SocketError) {
        token = try multiplexer.register(socket.fileDescriptor, interest: [.read, .exclusive], handler: self)
    }

    /// Stops accepting on this queue. Must run on the queue; the owner closes the socket once every
    /// listener on it has stopped.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        if let token { multiplexer.unregister(token) }
        token = nil
    }

    public func descriptorReady(readable: Bool, writable: Bool) {
        guard readable, !stopped, !pausedUntilBackoff else { return }
        acceptPending()
    }

    private func acceptPending() {
        // Bounded per event so one flood of connections cannot starve the connections sharing this queue;
        // the level-triggered listener is reported again if more are waiting.
        for _ in 0..<16 {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    newslens_accept_nonblocking(socket.fileDescriptor, $0, &length)
                }
            }
            if fd >= 0 {
                let peer = SocketAddress(storage: &storage) ?? SocketAddress(host: "unknown", port: 0)
                onAccept(AcceptedSocket(fileDescriptor: fd, peer: peer))
                continue
            }
            switch errno {
            case EAGAIN, EWOULDBLOCK:
                return
            case EINTR, ECONNABORTED, EPROTO, EPERM:
                continue  // that one connection failed; others may be waiting
            case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                descriptorExhaustions += 1
                pauseAccepting()
                return
            default:
                return
            }
        }
    }

    private func pauseAccepting() {
        guard let token, !stopped else { return }
        pausedUntilBackoff = true
        multiplexer.unregister(token)  // an exclusive registration cannot be modified, only removed
        self.token = nil
        queue.asyncAfter(deadline: .now() + backoff) { [weak self] in
            guard let self, !self.stopped else { return }
            self.pausedUntilBackoff = false
            self.token = try? self.multiplexer.register(self.socket.fileDescriptor, interest: [.read, .exclusive],
                                                         handler: self)
        }
    }
}
