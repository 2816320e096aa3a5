import Dispatch
import Logging
import NewsLensTransport
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The HTTP/1.1 server: listeners on POSIX sockets (plain HTTP, HTTPS, or both on separate ports),
/// connections spread over serial I/O queues, requests answered by a `Router`.
///
///     let server = HTTPServer(configuration: config, router: router)
///     try server.start()              // binds; `server.port` is the bound port
///     server.runUntilSignalled()      // SIGTERM/SIGINT → graceful shutdown → exit(0)
public final class HTTPServer: @unchecked Sendable {
    public let configuration: HTTPServerConfiguration
    private let context: ServerContext
    let workers: [IOWorker]
    /// Plain HTTP and/or HTTPS listening sockets.
    private var sockets: [ListeningSocket] = []
    /// One per worker and socket.
    private var listeners: [(listener: Listener, worker: IOWorker)] = []
    private var signalSources: [DispatchSourceSignal] = []
    private let shutdownStarted = Atomic<Bool>(false)
    /// The plain HTTP port actually bound (useful with port 0); 0 when only HTTPS is served.
    public private(set) var port: Int = 0
    /// The HTTPS port actually bound; nil without TLS.
    public private(set) var tlsPort: Int?

    public init(configuration: HTTPServerConfiguration, router: Router) {
        self.configuration = configuration
        let context = ServerContext(configuration: configuration, router: router)
        self.context = context
        workers = (0..<max(1, configuration.ioQueues)).map { IOWorker(index: $0, context: context) }
    }

    /// Connections currently open.
    public var activeConnections: Int { context.activeConnections.load(ordering: .relaxed) }
    /// Bytes of request bodies held in memory now (see `HTTPLimits.maxBufferedBodyBytes`).
    public var bufferedBodyBytes: Int { context.bufferedBodyBytes.load(ordering: .relaxed) }

    /// Binds and starts accepting. Throws when the address cannot be bound.
    public func start() throws(SocketError) {
        ProcessSignals.ignoreBrokenPipe()
        ProcessSignals.ignoreFileSizeLimit()
        var endpoints: [(socket: ListeningSocket, tls: TLSContext?)] = []
        do throws(SocketError) {
            guard configuration.servesPlainHTTP || configuration.tls != nil else {
                throw SocketError("neither plain HTTP nor HTTPS is configured", code: EINVAL)
            }
            if configuration.servesPlainHTTP {
                let socket = try ListeningSocket(host: configuration.host, port: configuration.port,
                                                 backlog: configuration.backlog)
                endpoints.append((socket, nil))
                port = socket.address.port
            }
            if let tls = configuration.tls {
                let socket = try ListeningSocket(host: configuration.host, port: tls.port, backlog: configuration.backlog)
                endpoints.append((socket, tls.context))
                tlsPort = socket.address.port
            }
            for worker in workers { try worker.prepare() }
        } catch {
            for endpoint in endpoints { endpoint.socket.close() }
            throw error
        }
        sockets = endpoints.map(\.socket)
        // Every worker accepts on each shared socket itself: a connection is served by the queue that accepted it.
        for (socket, tls) in endpoints {
            for worker in workers {
                let listener = Listener(socket: socket, multiplexer: worker.multiplexer, queue: worker.queue) {
                    [unowned self] accepted in self.accepted(accepted, on: worker, tls: tls)
                }
                listeners.append((listener, worker))
            }
        }
        for worker in workers {
            let own = listeners.filter { $0.worker === worker }.map(\.listener)
            worker.queue.async { [configuration] in
                worker.start()
                for listener in own {
                    do {
                        try listener.start()
                    } catch {
                        configuration.logger.error("cannot watch the listening socket", metadata: ["error": .string(String(describing: error))])
                    }
                }
            }
        }
        for (socket, tls) in endpoints {
            configuration.logger.info("listening", metadata: [
                "address": .string(socket.address.description), "scheme": .string(tls == nil ? "http" : "https"),
                "io_queues": .stringConvertible(workers.count),
            ])
        }
    }

    /// Runs on the accepting worker's queue, which then serves the connection.
    private func accepted(_ socket: AcceptedSocket, on worker: IOWorker, tls: TLSContext?) {
        if context.draining.load(ordering: .relaxed) {
            _ = Glibc.close(socket.fileDescriptor)
            return
        }
        let count = context.activeConnections.add(1, ordering: .relaxed).newValue
        if count > configuration.limits.maxConnections {
            context.activeConnections.subtract(1, ordering: .relaxed)
            // Over TLS a 503 would need a handshake first, spending what the limit protects: just close.
            if tls == nil {
                context.overloadResponse.withUnsafeBytes {
                    _ = send(socket.fileDescriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                }
            }
            _ = Glibc.close(socket.fileDescriptor)
            return
        }
        let stream: ByteStream
        if let tls {
            guard let session = TLSStream(fileDescriptor: socket.fileDescriptor, context: tls) else {
                context.activeConnections.subtract(1, ordering: .relaxed)
                _ = Glibc.close(socket.fileDescriptor)
                return
            }
            stream = session
        } else {
            stream = PlainSocketStream(fileDescriptor: socket.fileDescriptor)
        }
        Connection(stream: stream, peer: socket.peer, worker: worker).start()
    }

    /// Graceful shutdown: stop accepting, close idle connections, let requests in flight finish (up to
    /// `timeouts.shutdownGrace`), then close the rest. `completion` runs once everything is closed.
    public func shutdown(completion: @escaping @Sendable () -> Void = {}) {
        guard !shutdownStarted.exchange(true, ordering: .relaxed) else { return }
        context.draining.store(true, ordering: .relaxed)
        let stopped = DispatchGroup()
        for worker in workers {
            let own = listeners.filter { $0.worker === worker }.map(\.listener)
            worker.queue.async(group: stopped) {
                for listener in own { listener.stop() }
                worker.drain()
            }
            worker.multiplexer.wakeUp()
        }
        let sockets = self.sockets
        stopped.notify(queue: Self.shutdownQueue) { for socket in sockets { socket.close() } }
        let deadline = MonotonicClock.now() &+ configuration.timeouts.shutdownGrace.nanoseconds
        waitForConnections(deadline: deadline, completion: completion)
    }

    /// Serial queues always get a thread, even while offloaded handlers occupy the global pool.
    private static let shutdownQueue = DispatchQueue(label: "newslens.http.shutdown")

    private func waitForConnections(deadline: UInt64, completion: @escaping @Sendable () -> Void) {
        Self.shutdownQueue.async { [self] in
            if context.activeConnections.load(ordering: .relaxed) == 0 {
                for worker in workers {
                    worker.queue.async { worker.stop() }
                    worker.multiplexer.wakeUp()
                }
                completion()
                return
            }
            if MonotonicClock.now() >= deadline {
                for worker in workers {
                    worker.queue.async { worker.closeAll() }
                    worker.multiplexer.wakeUp()
                }
            }
            Self.shutdownQueue.asyncAfter(deadline: .now() + .milliseconds(10)) {
                self.waitForConnections(deadline: deadline, completion: completion)
            }
        }
    }

    /// Shuts down and blocks until done (tests, embedding).
    public func shutdownAndWait() {
        let done = DispatchSemaphore(value: 0)
        shutdown { done.signal() }
        done.wait()
    }

    /// Installs SIGTERM and SIGINT handlers that shut down gracefully and exit with status 0, then parks
    /// the main thread. A second signal exits at once. `whenStopped` runs after the last connection has
    /// closed, before the exit (e.g. to close a store's files). The handlers run on a queue of their own and
    /// the main thread waits on a semaphore rather than in `dispatchMain()` (nothing here needs the main
    /// queue), which also lets the server run under valgrind: it crashes inside `dispatchMain()`.
    public func runUntilSignalled(whenStopped: (@Sendable () -> Void)? = nil) -> Never {
        for signalNumber in [SIGTERM, SIGINT] {
            _ = signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: Self.signalQueue)
            source.setEventHandler { [unowned self] in
                if self.shutdownStarted.load(ordering: .relaxed) { exit(1) }
                self.configuration.logger.info("shutting down", metadata: ["signal": .stringConvertible(signalNumber)])
                self.shutdown {
                    whenStopped?()
                    self.configuration.logger.info("stopped")
                    exit(0)
                }
            }
            source.activate()
            signalSources.append(source)
        }
        while true { Self.parked.wait() }
    }

    private static let signalQueue = DispatchQueue(label: "newslens.http.signals")
    /// Never signalled: the main thread sleeps here until a handler exits the process.
    private static let parked = DispatchSemaphore(value: 0)
}

extension HTTPServer {
    /// One line per open connection (phase, buffers, deadlines): for tests and debugging.
    func connectionStates() -> [String] {
        workers.flatMap { worker in
            worker.multiplexer.wakeUp()
            return worker.queue.sync { worker.connections.map { $0.stateDescription } }
        }
    }
}
