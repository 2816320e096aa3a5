import CSocketShims
import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Receives readiness for one registered descriptor. Called on the multiplexer's queue.
public protocol ReadinessHandler: AnyObject {
    /// `readable` includes end of stream and errors (EPOLLHUP/EPOLLERR): a read will not block.
    func descriptorReady(readable: Bool, writable: Bool)
}

/// Readiness of many sockets through one epoll set, which a single DispatchSourceRead watches.
///
/// Dispatch with one source per socket hands every event from its manager thread to a worker thread and
/// re-arms the socket after each handler (two epoll_ctl and a thread wake-up per request). Here Dispatch
/// only reports "the epoll set has events"; the handler then collects up to 64 ready sockets with one
/// non-blocking epoll_wait and serves them in one turn of the queue. Registrations are level-triggered, so
/// nothing is re-armed per event and a socket with data left is simply reported again.
public final class EventMultiplexer: @unchecked Sendable {
    public struct Interest: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let read = Interest(rawValue: 1)
        public static let write = Interest(rawValue: 2)
        /// EPOLLEXCLUSIVE: when several multiplexers watch one descriptor (a shared listening socket), wake
        /// only one of them. Registration only: an exclusive registration cannot be updated, only removed.
        public static let exclusive = Interest(rawValue: 4)
    }

    /// Identifies a registration; stale events for a reused slot are told apart by the generation.
    public struct Token: Sendable, Equatable {
        let slot: UInt32
        let generation: UInt32
        let fd: Int32
    }

    private struct Entry {
        var handler: ReadinessHandler?
        var generation: UInt32 = 0
    }

    private let epollFD: Int32
    private let source: DispatchSourceRead
    private var entries: [Entry] = []
    private var freeSlots: [UInt32] = []
    private let events: UnsafeMutablePointer<epoll_event>
    private static let batch: Int32 = 64
    public private(set) var registered = 0

    /// Events are delivered on `queue`; every method must be called on it.
    public init(queue: DispatchQueue) throws(SocketError) {
        let fd = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard fd >= 0 else { throw SocketError("epoll_create1") }
        epollFD = fd
        events = .allocate(capacity: Int(Self.batch))
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
    }

    public func start() {
        source.setEventHandler { [unowned self] in self.drain() }
        source.setCancelHandler { [epollFD, events] in
            _ = Glibc.close(epollFD)
            events.deallocate()
        }
        source.activate()
    }

    /// Stops delivering events; the epoll descriptor closes once Dispatch lets go of it.
    public func stop() { source.cancel() }

    public func register(_ fd: Int32, interest: Interest, handler: ReadinessHandler) throws(SocketError) -> Token {
        let slot: UInt32
        if let free = freeSlots.popLast() {
            slot = free
        } else {
            slot = UInt32(entries.count)
            entries.append(Entry())
        }
        entries[Int(slot)].handler = handler
        let token = Token(slot: slot, generation: entries[Int(slot)].generation, fd: fd)
        var event = epoll_event(events: Self.mask(interest), data: epoll_data_t(u64: Self.key(token)))
        guard epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event) == 0 else {
            let error = SocketError("epoll_ctl ADD")
            release(token)
            throw error
        }
        registered += 1
        return token
    }

    public func update(_ token: Token, interest: Interest) {
        var event = epoll_event(events: Self.mask(interest), data: epoll_data_t(u64: Self.key(token)))
        _ = epoll_ctl(epollFD, EPOLL_CTL_MOD, token.fd, &event)
    }

    /// Removes the registration; call before closing the descriptor.
    public func unregister(_ token: Token) {
        var event = epoll_event()
        _ = epoll_ctl(epollFD, EPOLL_CTL_DEL, token.fd, &event)
        release(token)
        registered -= 1
    }

    private func release(_ token: Token) {
        entries[Int(token.slot)].handler = nil
        entries[Int(token.slot)].generation &+= 1
        freeSlots.append(token.slot)
    }

    private func drain() {
        // A full batch means more may be waiting: take a few more before yielding the queue.
        for _ in 0..<4 {
            let count = epoll_wait(epollFD, events, Self.batch, 0)
            guard count > 0 else { return }
            for i in 0..<Int(count) {
                let key = events[i].data.u64
                let slot = Int(truncatingIfNeeded: key & 0xFFFF_FFFF)
                let generation = UInt32(truncatingIfNeeded: key >> 32)
                guard slot < entries.count, entries[slot].generation == generation,
                      let handler = entries[slot].handler else { continue }  // closed earlier in this batch
                let flags = events[i].events
                let failed = flags & (EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0
                handler.descriptorReady(readable: flags & EPOLLIN.rawValue != 0 || failed,
                                        writable: flags & EPOLLOUT.rawValue != 0)
            }
            if count < Self.batch { return }
        }
    }

    private static func key(_ token: Token) -> UInt64 { UInt64(token.generation) << 32 | UInt64(token.slot) }

    private static func mask(_ interest: Interest) -> UInt32 {
        var mask: UInt32 = 0
        if interest.contains(.read) { mask |= EPOLLIN.rawValue }
        if interest.contains(.write) { mask |= EPOLLOUT.rawValue }
        if interest.contains(.exclusive) { mask |= EPOLLEXCLUSIVE.rawValue }
        return mask
    }
}
