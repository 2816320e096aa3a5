import FuzzSupport
import NewsLensHTTP

// Request-head parser: the input is the bytes a client sends on a fresh connection.
// Invariants: consumed ≤ input; every refusal carries one of the statuses a head can earn; parsing the
// input in one call and fed in growing prefixes (the way bytes arrive from a socket) agree; a parsed head
// reads back (target, fields, query) and routes without trapping.

/// Small limits so that inputs of a few hundred bytes reach every limit check.
let limits: HTTPLimits = {
    var l = HTTPLimits()
    l.maxRequestLineBytes = 200
    l.maxHeaderBytes = 600
    l.maxHeaderCount = 12
    return l
}()

/// Statuses a request head may be refused with (RFC 9112 / RFC 9110).
let headStatuses: Set<Int> = [400, 414, 417, 431, 501, 505]

let router: Router = {
    let r = Router()
    let ok: @Sendable (Request) -> Response = { _ in Response(status: .ok) }
    r.get("/healthz", ok)
    r.get("/v1/articles", ok)
    r.post("/v1/articles", ok)
    r.get("/v1/articles/{id}", ok)
    r.delete("/v1/articles/{id}", ok)
    r.get("/v1/participants/{id}", ok)
    r.post("/v1/analyze", ok)
    r.fallback = ok
    return r
}()

enum Summary: Equatable {
    case needMore
    case complete(consumed: Int)
    case failed(status: Int)

    /// Same outcome. Which refusal a broken head earns may depend on where the bytes were cut (an over-long
    /// line that also ends in a bare LF is 414/431 before the LF arrives, 400 after), so failures agree with
    /// failures; completion must happen at the same byte.
    func agrees(with other: Summary) -> Bool {
        switch (self, other) {
        case (.failed, .failed): return true
        default: return self == other
        }
    }
}

func summarize(_ outcome: RequestHeadParser.Outcome, inputCount: Int) -> Summary {
    switch outcome {
    case .needMore:
        return .needMore
    case .complete(let head, let consumed):
        require(consumed > 0 && consumed <= inputCount, "consumed \(consumed) of \(inputCount) bytes")
        exercise(head)
        return .complete(consumed: consumed)
    case .failed(let error):
        require(headStatuses.contains(error.status.code), "\(error) earned status \(error.status.code)")
        require(!error.detail.isEmpty, "\(error) has no detail")
        return .failed(status: error.status.code)
    }
}

/// Reads everything a handler can read from a head, and routes it.
func exercise(_ head: RequestHead) {
    let request = Request(head: head)
    require(!request.path.isEmpty, "empty path")
    _ = head.target
    _ = head.query
    _ = head.acceptsGzip
    _ = request.mediaType
    if case .contentLength(let n) = head.framing { require(n > 0, "Content-Length framing of \(n) bytes") }
    var fieldCount = 0
    for field in head.headers {
        fieldCount += 1
        require(!field.name.isEmpty, "empty field name")
        require(head.headers[field.name] != nil, "field \(field.name) not found by name")
    }
    require(fieldCount == head.headers.count, "iterated \(fieldCount) of \(head.headers.count) fields")
    require(fieldCount <= limits.maxHeaderCount, "\(fieldCount) fields over the limit")
    for (name, value) in request.query { _ = name.utf8.count + value.utf8.count }
    switch router.resolve(head) {
    case .route(_, let parameters):
        for (_, value) in parameters.dictionary { _ = value.utf8.count }
    case .respond(let response):
        require(response.status.code >= 200 && response.status.code < 500, "router answered \(response.status.code)")
    case .fallback:
        break
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: data, count: size)

    var whole = RequestHeadParser(limits: limits)
    let once = summarize(whole.parse(input), inputCount: size)

    // The same bytes in growing prefixes, cut where the input's own bytes say.
    var choices = InputChoices(UnsafeBufferPointer(start: data, count: size))
    var incremental = RequestHeadParser(limits: limits)
    var available = 0
    var fed: Summary = .needMore
    repeat {
        available = min(size, available + choices.step(upTo: 24))
        fed = summarize(incremental.parse(UnsafeRawBufferPointer(start: data, count: available)), inputCount: available)
    } while fed == .needMore && available < size
    require(once.agrees(with: fed), "one call gave \(once), prefixes gave \(fed)")

    // A reset parser reads the same input the same way again (keep-alive reuse).
    incremental.reset()
    require(summarize(incremental.parse(input), inputCount: size) == once, "reset parser disagrees")
    return 0
}
