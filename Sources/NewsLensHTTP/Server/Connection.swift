import Dispatch
import NewsLensTransport

/// One client connection: reads requests, runs handlers, writes responses in request order.
///
/// Confined to its worker's serial queue: every method runs there, so no locks. Readiness comes from one
/// DispatchSourceRead (one read per event) and a DispatchSourceWrite created only when a write would block.
/// While output is blocked, reading stops (backpressure); while an offloaded handler runs, reading stops too.
/// This file holds the I/O lifecycle; `Connection+Requests.swift` the HTTP exchange.
final class Connection: @unchecked Sendable {
    enum Phase { case head, body, handling, closing, lingering, closed }

    unowned let worker: IOWorker
    let context: ServerContext
    let stream: ByteStream
    let peer: SocketAddress
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
    var chunkedDecoder: ChunkedDecoder?
    var requestStarted: UInt64 = 0
    /// Close (lingering if unread input may remain) once the output is written.
    var closeAfterFlush = false
    var lingerAfterFlush = false
    var inputClosed = false
    var draining = false

    private var readSource: DispatchSourceRead?
    private var writeSource: DispatchSourceWrite?
    private var readSuspended = false
    private var writeActive = false
    private var pendingCancels = 0

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
        deadline.set(.header, now: MonotonicClock.now(), timeout: context.configuration.timeouts.header)
        // The first request usually arrives with the connection: answering it before any read source exists
        // saves an epoll round trip, and a connection that closes after one response never registers at all.
        onReadable()
        guard phase != .closed else { return }
        let source = DispatchSource.makeReadSource(fileDescriptor: stream.fileDescriptor, queue: worker.queue)
        source.setEventHandler { [unowned self] in self.onReadable() }
        source.setCancelHandler { [self] in self.sourceCancelled() }
        readSource = source
        pendingCancels += 1
        source.activate()
        updateReadInterest()
    }

    // MARK: reading

    private func onReadable() {
        guard phase != .closed else { return }
        // One read per readiness event is enough while Dispatch keeps reporting the descriptor. It stops
        // after EPOLLHUP (a reset that arrived with the data we just read), so a request left incomplete
        // after a read is read again until EAGAIN proves the descriptor is still watched.
        var rounds = 0
        while true {
            rounds += 1
            if rounds > 8 {
                // Fairness: let other connections on this queue run, then go on reading (no event may come).
                worker.queue.async { [self] in self.onReadable() }
                break
            }
            let limit = phase == .head ? context.maxHeadBuffer : max(Self.initialBuffer, context.maxHeadBuffer)
            let space = input.writableSpace(minimum: 4096, maxCapacity: limit)
            if space.count == 0 { break }
            var drained = false
            switch stream.read(into: space) {
            case .transferred(let n):
                input.didWrite(n)
            case .wouldBlock:
                drained = true
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
            if inputClosed || phase == .closed { break }
            let incomplete = phase == .body || (phase == .head && !input.isEmpty)
            if drained || !(incomplete || stream.hasBufferedInput) { break }
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
            let (outcome, written) = output.write(to: stream)
            switch outcome {
            case .drained:
                writeDeadline.clear()
                if writeActive { writeSource?.suspend(); writeActive = false }
            case .blocked:
                if written > 0 || writeDeadline.kind == .none {
                    writeDeadline.set(.write, now: MonotonicClock.now(), timeout: context.configuration.timeouts.writeStall)
                }
                enableWriteSource()
            case .failed:
                close()
                return
            }
        }
        if output.isEmpty && closeAfterFlush && phase != .handling {
            if lingerAfterFlush && !inputClosed { startLinger() } else { close() }
            return
        }
        updateReadInterest()
    }

    private func enableWriteSource() {
        guard !writeActive else { return }
        if writeSource == nil {
            let source = DispatchSource.makeWriteSource(fileDescriptor: stream.fileDescriptor, queue: worker.queue)
            source.setEventHandler { [unowned self] in self.onWritable() }
            source.setCancelHandler { [self] in self.sourceCancelled() }
            writeSource = source
            pendingCancels += 1
            writeActive = true
            source.activate()
        } else {
            writeActive = true
            writeSource!.resume()
        }
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

    /// Read while a request is being received or we linger; not while output is blocked or a handler runs.
    private func updateReadInterest() {
        guard let readSource else { return }
        let wanted = !inputClosed && !writeActive && (phase == .head || phase == .body || phase == .lingering)
        if wanted && readSuspended {
            readSuspended = false
            readSource.resume()
        } else if !wanted && !readSuspended {
            readSuspended = true
            readSource.suspend()
        }
    }

    /// After an error response: stop sending, keep reading and discarding until the client closes or the
    /// linger deadline passes, so our response is not destroyed by a reset caused by unread input.
    private func startLinger() {
        phase = .lingering
        stream.shutdownWrite()
        input.consumeAll()
        deadline.set(.linger, now: MonotonicClock.now(), timeout: context.configuration.timeouts.linger)
        updateReadInterest()
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
        case .idle?, .linger?, .write?:
            close()
        case .none?, nil:
            break
        }
    }

    /// Graceful shutdown: an idle connection closes now; a busy one closes after its current response.
    func drain() {
        draining = true
        if phase == .head && !parser.hasStartedRequest && input.isEmpty && output.isEmpty { close() }
    }

    /// Releases the connection: sources cancelled (the descriptor closes when both cancel handlers ran),
    /// registry and connection count updated.
    func close() {
        guard phase != .closed else { return }
        phase = .closed
        deadline.clear()
        writeDeadline.clear()
        output.discardAll()
        body = []
        head = nil
        resolution = nil
        if let readSource {
            if readSuspended { readSuspended = false; readSource.resume() }
            readSource.cancel()
        }
        if let writeSource {
            if !writeActive { writeActive = true; writeSource.resume() }
            writeSource.cancel()
        }
        worker.unregister(self)
        context.activeConnections.subtract(1, ordering: .relaxed)
        if pendingCancels == 0 { release() }
    }

    var stateDescription: String {
        "\(peer) phase=\(phase) input=\(input.count) output=\(output.pendingBytes) readSuspended=\(readSuspended) "
            + "writeActive=\(writeActive) inputClosed=\(inputClosed) deadline=\(deadline.kind) write=\(writeDeadline.kind)"
    }

    private func sourceCancelled() {
        pendingCancels -= 1
        if pendingCancels == 0 { release() }
    }

    /// Closes the descriptor and frees the buffer, once no event source can touch them.
    private func release() {
        stream.close()
        input.deallocate()
        readSource = nil
        writeSource = nil
    }
}
