import Dispatch
import NewsLensTransport

/// One client connection: reads requests, runs handlers, writes responses in request order.
///
/// Confined to its worker's serial queue: every method runs there, so no locks. Readiness comes from the
/// worker's `EventMultiplexer` (one read per event, level-triggered); write readiness is asked for only
/// while a write would block. While output is blocked, reading stops (backpressure); while an offloaded
/// handler runs, reading stops too. This file holds the I/O lifecycle; `Connection+Requests.swift` the
/// HTTP exchange.
final class Connection: ReadinessHandler, @unchecked Sendable {
    enum Phase { case handshake, head, body, handling, closing, lingering, closed }

    unowned let worker: IOWorker
    let context: ServerContext
    let stream: ByteStream
    let peer: SocketAddress
    /// "host:port" for the request log, made once per connection.
    lazy var peerText = peer.description
    /// Index in the worker's registry.
    var slot = -1

    var input: InputBuffer
    var output = OutputQueue()
    var parser: RequestHeadParser
    var phase: Phase = .head
    /// Deadline of the current phase (header, body, idle, linger) and of a blocked write.
    var deadline = ConnectionDeadline()
    var writeDeadline = ConnectionDeadline()

    // The request being read or handled.
    var head: RequestHead?
    var resolution: Router.Resolution?
    var body: [UInt8] = []
    var bodyRemaining = 0
    /// Bytes of `body` counted in the server-wide body budget, released with the request.
    var reservedBodyBytes = 0
    var chunkedDecoder: ChunkedDecoder?
    var requestStarted: UInt64 = 0
    /// Close (lingering if unread input may remain) once the output is written.
    var closeAfterFlush = false
    var lingerAfterFlush = false
    /// `holdSegmentsUntilClose()` was called: the last response is being written.
    private var heldForClose = false
    var inputClosed = false
    var draining = false

    /// Registration with the worker's multiplexer, and the interest it currently carries.
    private var token: EventMultiplexer.Token?
    private var interest: EventMultiplexer.Interest = []
    /// A write would block: wait for writability (and stop reading).
    private var writeBlocked = false
    /// A blocked write waits for readability instead (a TLS write may first need to read).
    private var writeWaitsForRead = false
    /// A read waits for writability (a TLS read may first need to write, e.g. a key update reply).
    private var readWaitsForWrite = false
    /// What the unfinished handshake waits for.
    private var handshakeWaitsFor: IOResult.Readiness = .read
    /// Requests wait in the input because the output passed its high-water mark.
    var pausedForOutput = false
    /// A later turn of the queue will resume processing (see `scheduleResume`).
    private var resumeQueued = false

    /// Output above this stops the processing of further pipelined requests until it drains.
    static let outputHighWater = 256 * 1024
    static let initialBuffer = 16 * 1024

    init(stream: ByteStream, peer: SocketAddress, worker: IOWorker) {
        self.stream = stream
        self.peer = peer
        self.worker = worker
        context = worker.context
        input = InputBuffer(capacity: Self.initialBuffer)
        parser = RequestHeadParser(limits: worker.context.configuration.limits)
    }

    /// Registers with the worker and starts reading. Runs on the worker's queue.
    func start() {
        worker.register(self)
        if stream.isEstablished {
            deadline.set(.header, now: MonotonicClock.now(), timeout: context.configuration.timeouts.header)
            // The first request usually arrives with the connection: answering it before any read source exists
            // saves an epoll round trip, and a connection that closes after one response never registers at all.
            onReadable()
        } else {
            // TLS: the handshake has its own deadline; the header deadline starts once it is done.
            phase = .handshake
            deadline.set(.handshake, now: MonotonicClock.now(), timeout: context.configuration.timeouts.handshake)
            continueHandshake()
        }
        guard phase != .closed else { return }
        let wanted = wantedInterest
        do {
            token = try worker.multiplexer.register(stream.fileDescriptor, interest: wanted, handler: self)
            interest = wanted
        } catch {
            close()
        }
    }

    deinit { input.deallocate() }

    func descriptorReady(readable: Bool, writable: Bool) {
        if phase == .handshake {
            continueHandshake()
            return
        }
        if writeBlocked && (writeWaitsForRead ? readable : writable) { onWritable() }
        if readWaitsForWrite && writable && phase != .closed {
            readWaitsForWrite = false
            onReadable()
        }
        if readable && phase != .closed && !writeWaitsForRead { onReadable() }
    }

    // MARK: handshake

    /// Drives the TLS handshake on readiness; never blocks. A failed handshake (wrong version, no shared
    /// cipher, not TLS at all) just closes: there is no HTTP to answer in yet.
    private func continueHandshake() {
        switch stream.handshake() {
        case .complete:
            phase = .head
            deadline.set(.header, now: MonotonicClock.now(), timeout: context.configuration.timeouts.header)
            onReadable()  // the request may already be here, in the kernel or in OpenSSL's buffer
        case .wouldBlock(let direction):
            handshakeWaitsFor = direction
            updateInterest()
        case .failed(let reason):
            context.logger.debug("TLS handshake failed", metadata: ["client": .string(peerText), "reason": .string(reason)])
            close()
        }
    }

    // MARK: reading

    private func onReadable() {
        guard phase != .closed else { return }
        // One read per readiness event: the multiplexer is level-triggered and reports a socket with data
        // left again. Only a stream holding decrypted input the kernel cannot see (TLS) is read again here.
        for _ in 0..<8 {
            let limit = phase == .head ? context.maxHeadBuffer : max(Self.initialBuffer, context.maxHeadBuffer)
            let space = input.writableSpace(minimum: 4096, maxCapacity: limit)
            if space.count == 0 { break }
            var drained = false
            switch stream.read(into: space) {
            case .transferred(let n):
                input.didWrite(n)
            case .wouldBlock(let direction):
                drained = true
                readWaitsForWrite = direction == .write
            case .endOfStream:
                inputClosed = true
            case .failed:
                close()
                return
            }
            if phase == .lingering {
                input.consumeAll()
                if inputClosed { close() }
                if drained || inputClosed { return }
                continue
            }
            processInput()
            if inputClosed || phase == .closed || drained || !stream.hasBufferedInput { break }
        }
        if inputClosed { inputEnded() }
        flush()
    }

    /// The client closed its sending side. A complete request still gets its response; a partial one is
    /// abandoned.
    private func inputEnded() {
        guard phase != .closed else { return }
        switch phase {
        case .head where !parser.hasStartedRequest && input.isEmpty:
            closeAfterFlush = true
        case .handling, .closing:
            closeAfterFlush = true
        default:
            close()
        }
    }

    // MARK: writing

    /// Writes pending output; on completion closes when asked to, otherwise adjusts read interest.
    func flush() {
        guard phase != .closed else { return }
        if !output.isEmpty {
            if closeAfterFlush && phase != .handling && !heldForClose {
                heldForClose = true
                stream.holdSegmentsUntilClose()  // the last response leaves with the FIN
            }
            let (outcome, written) = output.write(to: stream)
            switch outcome {
            case .drained:
                writeDeadline.clear()
                writeBlocked = false
                writeWaitsForRead = false
            case .blocked(let direction):
                if written > 0 || writeDeadline.kind == .none {
                    writeDeadline.set(.write, now: MonotonicClock.now(), timeout: context.configuration.timeouts.writeStall)
                }
                writeBlocked = true
                writeWaitsForRead = direction == .read
            case .failed:
                close()
                return
            }
        }
        if output.isEmpty && closeAfterFlush && phase != .handling {
            if lingerAfterFlush && !inputClosed { startLinger() } else { close() }
            return
        }
        // Pipelined requests held back by the high-water mark: the output drained without blocking, so
        // no writability event will come to resume them.
        if output.isEmpty && pausedForOutput { scheduleResume() }
        updateInterest()
    }

    /// Continues on a later turn of the queue (after other connections had theirs): requests paused for
    /// output, or input the stream decrypted ahead (TLS), which epoll cannot report.
    private func scheduleResume() {
        guard !resumeQueued else { return }
        resumeQueued = true
        worker.queue.async { [self] in
            resumeQueued = false
            guard phase != .closed else { return }
            if pausedForOutput && output.isEmpty { processInput() }
            if wantedInterest.contains(.read) && stream.hasBufferedInput { onReadable() } else { flush() }
        }
        worker.multiplexer.wakeUp()
    }

    private func onWritable() {
        guard phase != .closed else { return }
        flush()
        // Requests that waited behind a full output can go on now.
        if phase != .closed && output.isEmpty && (phase == .head || phase == .body) && !input.isEmpty {
            processInput()
            flush()
        }
    }

    /// Read while a request is being received or we linger, not while output is blocked or a handler runs;
    /// wait for writability only while a write is blocked.
    private var wantedInterest: EventMultiplexer.Interest {
        if phase == .handshake { return handshakeWaitsFor == .read ? .read : .write }
        var wanted: EventMultiplexer.Interest = []
        let wantsInput = !inputClosed && !writeBlocked && (phase == .head || phase == .body || phase == .lingering)
        if wantsInput && !readWaitsForWrite { wanted.insert(.read) }
        if wantsInput && readWaitsForWrite { wanted.insert(.write) }
        if writeBlocked { wanted.insert(writeWaitsForRead ? .read : .write) }
        return wanted
    }

    private func updateInterest() {
        let wanted = wantedInterest
        if let token, wanted != interest {
            interest = wanted
            worker.multiplexer.update(token, interest: wanted)
        }
        // Input the stream decrypted ahead (TLS) is invisible to epoll: read it on a later turn of the queue.
        if wanted.contains(.read) && stream.hasBufferedInput { scheduleResume() }
    }

    /// After an error response: stop sending, keep reading and discarding until the client closes or the
    /// linger deadline passes, so our response is not destroyed by a reset caused by unread input.
    private func startLinger() {
        phase = .lingering
        stream.shutdownWrite()
        input.consumeAll()
        deadline.set(.linger, now: MonotonicClock.now(), timeout: context.configuration.timeouts.linger)
        updateInterest()
    }

    // MARK: deadlines and shutdown

    func checkDeadlines(now: UInt64) {
        guard phase != .closed else { return }
        if writeDeadline.expired(at: now) != nil { close(); return }
        switch deadline.expired(at: now) {
        case .header?:
            // A silent connection is closed quietly; a started request learns why it was dropped.
            if parser.hasStartedRequest || !input.isEmpty { fail(.headerTimeout); flush() } else { close() }
        case .body?:
            fail(.bodyTimeout)
            flush()
        case .idle?, .linger?, .write?, .handshake?:
            close()
        case .none?, nil:
            break
        }
    }

    /// Graceful shutdown: an idle connection closes now; a busy one closes after its current response.
    func drain() {
        draining = true
        if phase == .handshake || (phase == .head && !parser.hasStartedRequest && input.isEmpty && output.isEmpty) {
            close()
        }
    }

    /// Releases the connection: unregistered, descriptor closed, registry and connection count updated.
    /// The input buffer is freed with the object, so code still on the stack never sees freed memory.
    func close() {
        guard phase != .closed else { return }
        phase = .closed
        deadline.clear()
        writeDeadline.clear()
        output.discardAll()
        body = []
        releaseBodyBytes()
        head = nil
        resolution = nil
        if let token {
            worker.multiplexer.unregister(token)
            self.token = nil
        }
        stream.close()
        worker.unregister(self)
        context.activeConnections.subtract(1, ordering: .relaxed)
    }

    var stateDescription: String {
        "\(peer) phase=\(phase) input=\(input.count) output=\(output.pendingBytes) interest=\(interest.rawValue) "
            + "writeBlocked=\(writeBlocked) inputClosed=\(inputClosed) deadline=\(deadline.kind) write=\(writeDeadline.kind)"
    }
}
