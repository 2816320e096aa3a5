import Dispatch
import NewsLensTransport

/// The HTTP exchange of a connection: parse heads, read bodies, run handlers, queue responses in order.
extension Connection {
    /// Handles every complete request in the input buffer (pipelining), stopping when a handler is
    /// offloaded, the connection is to close, or the output backs up.
    func processInput() {
        pausedForOutput = false
        while phase == .head || phase == .body {
            if output.pendingBytes > Connection.outputHighWater {
                pausedForOutput = true  // flush() resumes once the output has drained
                return
            }
            if phase == .head {
                if input.isEmpty { return }
                switch parser.parse(input.readable) {
                case .needMore:
                    if deadline.kind == .idle && parser.hasStartedRequest {
                        deadline.set(.header, now: MonotonicClock.now(), timeout: context.configuration.timeouts.header)
                    }
                    return
                case .failed(let error):
                    fail(error)
                    return
                case .complete(let parsed, let consumed):
                    input.consume(consumed)
                    parser.reset()
                    begin(parsed)
                }
            } else if !readBody() {
                return
            }
        }
    }

    /// A head arrived: route it, check the body against the route's limit, answer 100-continue.
    private func begin(_ parsed: RequestHead) {
        requestStarted = MonotonicClock.now()
        let routed = context.router.resolve(parsed)
        if case .none = parsed.framing, !parsed.expectsContinue {
            // The common case (GET, HEAD, DELETE): answered now, with the head and route passed along
            // rather than stored and copied back (each copy of them costs a handful of reference counts).
            run(parsed, routed, body: [])
            return
        }
        head = parsed
        resolution = routed
        var limit = context.configuration.limits.maxBodyBytes
        if case .route(let route, _) = routed, let routeLimit = route.options.maxBodyBytes { limit = routeLimit }
        // RFC 9110 §15.5.14: refuse an oversized body from its declared length, before reading it.
        if case .contentLength(let length) = parsed.framing, length > limit {
            fail(.bodyTooLarge(limit: limit))
            return
        }
        if parsed.expectsContinue && parsed.framing != .none {
            if case .respond(let response) = routed {
                // RFC 9110 §10.1.1: a final status instead of 100; the unsent body is never read.
                respond(context.encoder.plan(response, for: parsed), keepAlive: false, linger: true)
                return
            }
            // RFC 9110 §10.1.1: ask for the body at once, unless it is already arriving.
            if input.isEmpty { output.append(ascii: "HTTP/1.1 100 Continue\r\n\r\n") }
        }
        switch parsed.framing {
        case .none:
            dispatch()
        case .contentLength(let length):
            body = []
            body.reserveCapacity(min(length, 64 * 1024))
            bodyRemaining = length
            phase = .body
            deadline.set(.body, now: requestStarted, timeout: context.configuration.timeouts.body)
        case .chunked:
            body = []
            chunkedDecoder = ChunkedDecoder(maxBodyBytes: limit, maxTrailerBytes: context.configuration.limits.maxHeaderBytes)
            phase = .body
            deadline.set(.body, now: requestStarted, timeout: context.configuration.timeouts.body)
        }
    }

    /// Moves body bytes from the input buffer; returns true when the request went on to its handler.
    private func readBody() -> Bool {
        if input.isEmpty { return false }
        if var decoder = chunkedDecoder {
            let (consumed, progress) = decoder.decode(input.readable, into: &body)
            chunkedDecoder = decoder
            input.consume(consumed)
            guard countBody() else { return false }
            switch progress {
            case .needMore: return false
            case .failed(let error): fail(error); return false
            case .done:
                chunkedDecoder = nil
                dispatch()
                return true
            }
        }
        let take = min(bodyRemaining, input.count)
        body.append(contentsOf: UnsafeRawBufferPointer(rebasing: input.readable[0..<take]))
        input.consume(take)
        bodyRemaining -= take
        guard countBody() else { return false }
        guard bodyRemaining == 0 else { return false }
        dispatch()
        return true
    }

    /// Counts the body received so far in the server-wide budget; past it, 503 and close (lingering: the
    /// rest of the body may still be on its way). Memory is counted as it arrives, so a client that only
    /// announces a large body holds nothing.
    private func countBody() -> Bool {
        let grown = body.count - reservedBodyBytes
        guard grown > 0 else { return true }
        guard context.reserveBodyBytes(grown) else {
            let detail = "The server holds too many request bodies at once (limit \(context.configuration.limits.maxBufferedBodyBytes) bytes); retry shortly."
            body = []
            releaseBodyBytes()
            respond(context.encoder.plan(.problem(.serviceUnavailable, detail, headers: [HTTPField("Retry-After", "1")]), for: nil),
                    keepAlive: false, linger: true)
            return false
        }
        reservedBodyBytes = body.count
        return true
    }

    /// Gives the body's bytes back to the budget (the request is answered, or the connection closed).
    func releaseBodyBytes() {
        guard reservedBodyBytes > 0 else { return }
        context.bufferedBodyBytes.subtract(reservedBodyBytes, ordering: .relaxed)
        reservedBodyBytes = 0
    }

    /// The request is complete: answer it inline or hand it to the worker queue.
    private func dispatch() {
        guard let head, let resolution else { return }
        let requestBody = body
        body = []
        run(head, resolution, body: requestBody)
    }

    /// Runs the handler inline or offloads it. `head` and `routed` are kept on the connection only for
    /// an offloaded handler, whose response arrives later.
    private func run(_ head: RequestHead, _ routed: Router.Resolution, body requestBody: [UInt8]) {
        deadline.clear()
        switch routed {
        case .respond(let response):
            respond(context.encoder.plan(response, for: head), to: head, routed: routed)
        case .fallback(let handler):
            let request = Request(head: head, body: requestBody, clientAddress: peer)
            respond(context.encoder.plan(handler(request), for: head), to: head, routed: routed)
        case .route(let route, let parameters):
            let request = Request(head: head, pathParameters: parameters, body: requestBody, clientAddress: peer)
            if !route.runsOffQueue, case .sync(let handler) = route.handler {
                respond(context.encoder.plan(handler(request), for: head), to: head, routed: routed)
            } else {
                self.head = head
                resolution = routed
                offload(route.handler, request)
            }
        }
    }

    /// Runs a slow handler off the I/O queue; plans (and compresses) there too, then hops back.
    private func offload(_ handler: RouteHandler, _ request: Request) {
        phase = .handling
        let encoder = context.encoder
        let queue = worker.queue
        let multiplexer = worker.multiplexer!
        let finish: @Sendable (Response) -> Void = { [self] response in
            let planned = encoder.plan(response, for: request.head)
            queue.async { self.offloadedResponseReady(planned) }
            multiplexer.wakeUp()  // the queue may be inside its event loop turn
        }
        switch handler {
        case .sync(let run):
            context.offloadQueue.async { finish(run(request)) }
        case .async(let run):
            Task { finish(await run(request)) }
        }
    }

    private func offloadedResponseReady(_ planned: PlannedResponse) {
        guard phase == .handling else { return }  // closed meanwhile (shutdown grace ran out)
        respond(planned)
        processInput()
        if inputClosed && phase == .head && input.isEmpty { closeAfterFlush = true }
        flush()
    }

    /// Queues the response of the current request and sets up for the next one (or for closing).
    func respond(_ planned: PlannedResponse, keepAlive requestedKeepAlive: Bool = true, linger: Bool = false) {
        respond(planned, to: head, routed: resolution, keepAlive: requestedKeepAlive, linger: linger)
    }

    /// `respond` for the request `current` (nil: unreadable) that the router placed as `routed`.
    private func respond(_ planned: PlannedResponse, to current: RequestHead?, routed: Router.Resolution?,
                         keepAlive requestedKeepAlive: Bool = true, linger: Bool = false) {
        releaseBodyBytes()  // the handler is done with the body
        let now = MonotonicClock.now()
        let keepAlive = requestedKeepAlive && (current?.keepAlive ?? false) && !draining && !closeAfterFlush
        context.encoder.write(planned, keepAlive: keepAlive, version: current?.version ?? .http1_1,
                              date: worker.dateCache.current(), into: &output)
        if context.logsRequests { logRequest(current, planned, now: now) }
        if let observer = context.configuration.requestObserver { observe(observer, current, routed, planned, now: now) }
        head = nil
        resolution = nil
        chunkedDecoder = nil
        if keepAlive {
            phase = .head
            deadline.set(.idle, now: now, timeoutNanos: context.idleTimeoutNanos)
        } else {
            phase = .closing
            deadline.clear()
            closeAfterFlush = true
            // Unread input (pipelined requests, an unread body) would turn our close into a reset.
            lingerAfterFlush = linger || !input.isEmpty
        }
    }

    /// A request that cannot be read: problem response, then close (lingering).
    func fail(_ error: HTTPParseError) {
        let problem = Response.problem(error.status, error.detail)
        respond(context.encoder.plan(problem, for: nil), keepAlive: false, linger: true)
    }

    private func observe(_ observer: @Sendable (RequestObservation) -> Void, _ head: RequestHead?,
                         _ routed: Router.Resolution?, _ planned: PlannedResponse, now: UInt64) {
        let match: RequestObservation.Match
        switch routed {
        case _ where head == nil: match = .unreadable
        case .route(let route, _)?: match = .route(pattern: route.pattern.description)
        case .fallback?: match = .fallback
        case .respond?, nil: match = .router
        }
        let duration = head == nil ? 0 : now &- requestStarted
        observer(RequestObservation(method: head?.method, match: match, status: planned.status.code,
                                    durationNanos: duration, bodyBytes: planned.sendsBody ? planned.body.count : 0))
    }

    private func logRequest(_ head: RequestHead?, _ planned: PlannedResponse, now: UInt64) {
        let duration = head == nil ? 0 : now &- requestStarted
        RequestLog.record(context.logger, method: head?.method.name ?? "-", path: head?.target ?? "-",
                          status: planned.status.code, bytes: planned.sendsBody ? planned.bodyLength : 0,
                          durationNanos: duration, client: peerText)
    }
}
