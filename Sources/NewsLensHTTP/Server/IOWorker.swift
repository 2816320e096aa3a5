import Dispatch
import NewsLensTransport

/// One serial I/O queue and the connections confined to it: their readiness multiplexer, their registry,
/// the deadline reaper that ticks over them, and the Date header cache. Every method runs on `queue`.
final class IOWorker: @unchecked Sendable {
    let queue: DispatchQueue
    let context: ServerContext
    private(set) var connections: [Connection] = []
    var dateCache = DateHeaderCache()
    private var reaper: DispatchSourceTimer?
    /// Created by `prepare()` before the server accepts anything.
    private(set) var multiplexer: EventMultiplexer!
    /// Called on `queue` whenever a connection of this worker closes.
    var onConnectionClosed: (@Sendable () -> Void)?

    init(index: Int, context: ServerContext) {
        self.context = context
        queue = DispatchQueue(label: "newslens.http.io.\(index)", qos: .userInitiated)
    }

    /// Creates the epoll set; called on any thread before `start()`.
    func prepare() throws(SocketError) {
        multiplexer = try EventMultiplexer(queue: queue)
    }

    /// Starts readiness delivery and the deadline reaper. Deadlines are instants on each connection; one coarse timer per queue
    /// checks them, instead of re-arming a timer per request.
    func start() {
        multiplexer.start()
        let timer = DispatchSource.makeTimerSource(queue: queue)
        let interval = context.configuration.timeouts.reaperInterval
        timer.schedule(deadline: .now() + .nanoseconds(Int(interval.nanoseconds)),
                       repeating: .nanoseconds(Int(interval.nanoseconds)), leeway: .milliseconds(1))
        timer.setEventHandler { [unowned self] in self.checkDeadlines() }
        reaper = timer
        timer.activate()
    }

    func stop() {
        reaper?.cancel()
        reaper = nil
        multiplexer.stop()
    }

    func register(_ connection: Connection) {
        connection.slot = connections.count
        connections.append(connection)
    }

    func unregister(_ connection: Connection) {
        let slot = connection.slot
        guard slot >= 0, slot < connections.count, connections[slot] === connection else { return }
        let last = connections.removeLast()
        if slot < connections.count {
            connections[slot] = last
            last.slot = slot
        }
        connection.slot = -1
        onConnectionClosed?()
    }

    private func checkDeadlines() {
        let now = MonotonicClock.now()
        // Backwards: a connection that closes is replaced by the last one, which was already visited.
        var i = connections.count - 1
        while i >= 0 {
            if i < connections.count { connections[i].checkDeadlines(now: now) }
            i -= 1
        }
    }

    /// Graceful shutdown: idle connections close now, busy ones after their current response.
    func drain() {
        var i = connections.count - 1
        while i >= 0 {
            if i < connections.count { connections[i].drain() }
            i -= 1
        }
        for connection in connections {
            context.logger.debug("draining", metadata: ["connection": .string(connection.stateDescription)])
        }
    }

    /// End of the shutdown grace period: close whatever is left.
    func closeAll() {
        for connection in connections.reversed() { connection.close() }
    }
}
