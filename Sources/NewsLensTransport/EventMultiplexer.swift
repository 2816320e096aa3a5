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
/// only reports "the epoll set has events"; the handler then collects up to 64 ready sockets per
/// epoll_wait and serves them in one turn of the queue. While traffic keeps coming it stays in that turn
/// for up to `slice`, waiting in epoll_wait (at most 1 ms at a time) instead of going back to Dispatch, so
/// a busy server pays no Dispatch wake-up per request. Work submitted to the queue meanwhile calls
/// `wakeUp()` to end the turn at once. Registrations are level-triggered: nothing is re-armed per event
/// and a socket with data left is simply reported again.
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

    /// The epoll set and the wake-up eventfd, closed when the last of this multiplexer and Dispatch's
    /// source lets go (see `OwnedDescriptors`).
    private let descriptors: OwnedDescriptors
    private var epollFD: Int32 { descriptors.epoll }
    /// Written by `wakeUp()`; makes the current turn return to the queue.
    var wakeFD: Int32 { descriptors.wake }
    private let source: DispatchSourceRead
    /// Longest time one turn stays in its epoll loop before letting other work on the queue run.
    public var slice: Duration = .milliseconds(2)
    private var entries: [Entry] = []
    private var freeSlots: [UInt32] = []
    private let events: UnsafeMutablePointer<epoll_event>
    private static let batch: Int32 = 64
    public private(set) var registered = 0

    /// Events are delivered on `queue`; every method must be called on it.
    public init(queue: DispatchQueue) throws(SocketError) {
        let fd = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard fd >= 0 else { throw SocketError("epoll_create1") }
        let wake = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        guard wake >= 0 else {
            _ = Glibc.close(fd)
            throw SocketError("eventfd")
        }
        var event = epoll_event(events: EPOLLIN.rawValue, data: epoll_data_t(u64: Self.wakeKey))
        guard epoll_ctl(fd, EPOLL_CTL_ADD, wake, &event) == 0 else {
            _ = Glibc.close(fd)
            _ = Glibc.close(wake)
            throw SocketError("epoll_ctl ADD eventfd")
        }
        descriptors = OwnedDescriptors(epoll: fd, wake: wake)
        events = .allocate(capacity: Int(Self.batch))
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
    }

    private static let wakeKey = UInt64.max

    /// Ends the current turn soon, so work just submitted to the queue runs. Safe from any thread.
    public func wakeUp() {
        var one: UInt64 = 1
        _ = Glibc.write(wakeFD, &one, 8)
    }

    public func start() {
        source.setEventHandler { [unowned self] in self.drain() }
        // Dispatch needs the epoll descriptor open until this handler has run; holding the descriptors
        // here keeps them open until then even if the multiplexer is gone first.
        source.setCancelHandler { [descriptors, events] in
            withExtendedLifetime(descriptors) {}
            events.deallocate()
        }
        source.activate()
    }

    /// Stops delivering events. The descriptors stay open while this object lives: work that finishes
    /// after the stop (an offloaded handler whose connection was closed meanwhile) may still call
    /// `wakeUp()`, which must write to our own eventfd, never to a number the process has since reused.
    public func stop() {
        stopped = true
        source.cancel()
    }

    private var stopped = false

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
        let start = clockMilliseconds()
        let sliceMilliseconds = Int64(slice.components.seconds * 1000 + slice.components.attoseconds / 1_000_000_000_000_000)
        var timeout: Int32 = 0
        while true {
            let count = epoll_wait(epollFD, events, Self.batch, timeout)
            if count < 0 {
                if errno == EINTR { continue }
                return
            }
            if count == 0 && timeout > 0 { return }  // quiet for a while: back to Dispatch
            var woken = false
            for i in 0..<Int(count) {
                let key = events[i].data.u64
                if key == Self.wakeKey {
                    var value: UInt64 = 0
                    _ = Glibc.read(wakeFD, &value, 8)
                    woken = true
                    continue
                }
                let slot = Int(truncatingIfNeeded: key & 0xFFFF_FFFF)
                let generation = UInt32(truncatingIfNeeded: key >> 32)
                guard slot < entries.count, entries[slot].generation == generation,
                      let handler = entries[slot].handler else { continue }  // closed earlier in this batch
                let flags = events[i].events
                let failed = flags & (EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0
                handler.descriptorReady(readable: flags & EPOLLIN.rawValue != 0 || failed,
                                        writable: flags & EPOLLOUT.rawValue != 0)
            }
            if woken || stopped || clockMilliseconds() - start >= sliceMilliseconds { return }
            // More traffic is likely: wait for it here (1 ms at most) rather than through Dispatch.
            timeout = count == Self.batch ? 0 : 1
        }
    }

    private func clockMilliseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC_COARSE, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
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

/// The multiplexer's two descriptors, closed exactly once, when nothing can use them any more.
///
/// Closing them when the multiplexer stops (as this code once did, in Dispatch's cancel handler) let a
/// late `wakeUp()` write its 8 bytes into whatever the process had opened under the same number since:
/// in a test run with many servers, another connection's socket, which then failed in odd ways (a 400
/// for a request that was fine, a TLS "wrong version number").
final class OwnedDescriptors: Sendable {
    let epoll: Int32
    let wake: Int32

    init(epoll: Int32, wake: Int32) {
        self.epoll = epoll
        self.wake = wake
    }

    deinit {
        _ = Glibc.close(epoll)
        _ = Glibc.close(wake)
    }
}
