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

/// Accepts connections on a `ListeningSocket` when Dispatch reports it readable, and hands each socket on.
/// When the process runs out of descriptors (EMFILE/ENFILE) it stops accepting for `backoff` instead of
/// spinning on a listener that stays readable; connections wait in the kernel backlog meanwhile.
public final class Listener: @unchecked Sendable {
    public let socket: ListeningSocket
    private let queue: DispatchQueue
    private let source: DispatchSourceRead
    private let onAccept: (AcceptedSocket) -> Void
    private let backoff: DispatchTimeInterval
    private var suspended = false
    private var stopped = false
    /// How often accept ran out of descriptors; visible for tests and metrics.
    public private(set) var descriptorExhaustions = 0

    /// `onAccept` runs on `queue`, once per accepted socket.
    public init(
        socket: ListeningSocket, queue: DispatchQueue, backoff: DispatchTimeInterval = .milliseconds(100),
        onAccept: @escaping (AcceptedSocket) -> Void
    ) {
        self.socket = socket
        self.queue = queue
        self.backoff = backoff
        self.onAccept = onAccept
        source = DispatchSource.makeReadSource(fileDescriptor: socket.fileDescriptor, queue: queue)
    }

    public func start() {
        source.setEventHandler { [unowned self] in self.acceptPending() }
        source.setCancelHandler { [socket] in socket.close() }
        source.activate()
    }

    /// Stops accepting and closes the listening socket. Must run on the listener's queue.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        if suspended { suspended = false; source.resume() }
        source.cancel()
    }

    private func acceptPending() {
        // Bounded per event so one flood of connections cannot starve the connections sharing this queue.
        for _ in 0..<64 {
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
        guard !suspended, !stopped else { return }
        suspended = true
        source.suspend()
        queue.asyncAfter(deadline: .now() + backoff) { [weak self] in
            guard let self, self.suspended, !self.stopped else { return }
            self.suspended = false
            self.source.resume()
        }
    }
}
