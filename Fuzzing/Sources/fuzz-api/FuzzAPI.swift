import Dispatch
import FuzzSupport
#if canImport(Glibc)
import Glibc
#endif
import NewsLensAPI
import NewsLensExtraction
import NewsLensHTTP
import NewsLensJSON
import NewsLensStore

// The whole API without sockets: the input is the bytes of one request (head, then body), answered by the
// router with every route of `APIRoutes` over an in-memory store holding three articles. Requests that would
// change the store (POST /v1/articles, DELETE, ...) are skipped so every input meets the same store and a
// finding replays; POST /v1/analyze (no store) is fuzzed, bodies included.
// Invariants: no 5xx (the store is loaded, so nothing may fail on the server's side); every body has a
// Content-Type; JSON bodies parse; problem documents repeat their status.

final class ResponseBox: @unchecked Sendable { var response: Response? }

/// `Router.respond(to:)` run to completion on this thread (the fuzzer's callback cannot be async).
func respond(_ router: Router, _ request: Request) -> Response {
    switch router.resolve(request.head) {
    case .respond(let response):
        return response
    case .fallback(let handler):
        return handler(request)
    case .route(let route, let parameters):
        let routed = Request(head: request.head, pathParameters: parameters, body: request.body,
                             clientAddress: request.clientAddress)
        switch route.handler {
        case .sync(let handler):
            return handler(routed)
        case .async(let handler):
            let box = ResponseBox()
            let done = DispatchSemaphore(value: 0)
            Task {
                box.response = await handler(routed)
                done.signal()
            }
            done.wait()
            return box.response!
        }
    }
}

func request(_ text: String, body: [UInt8] = []) -> Request {
    guard let request = Request.parse(text, body: body) else { fatalError("harness request does not parse: \(text)") }
    return request
}

let articles = [
    """
    Harbour town votes to rebuild its old pier

    By Mara Lindqvist

    PORTVALE (Coastal Wire) - The council of Portvale voted on Tuesday to rebuild the town's wooden pier.

    "This pier is the heart of the harbour," said Mayor Tomas Ekwall. "We will not let it rot."

    Council member Ines Faro told reporters that the money should go to the school instead.
    """,
    """
    Library extends opening hours

    The city library will stay open until 10 p.m., its director, Anna Petrova, announced on Friday.

    “People asked for evenings,” Petrova said. Mayor Tomas Ekwall said the city would pay for it.
    """,
    """
    WELLINGTON, March 3 (Southern Press) - New Zealand's central bank held interest rates steady.

    "Inflation is slowing," Governor Ruth Adler said. The Treasury said growth would pick up.
    """,
]

let router: Router = {
    let store: ArticleStore
    do { store = try ArticleStore(configuration: StoreConfiguration()) } catch {
        fatalError("cannot create the store: \(error)")
    }
    let router = Router()
    let cors = CORSPolicy()
    router.cors = cors
    let context = APIContext(configuration: APIConfiguration(), stores: StoreSlot(store), cors: cors)
    APIRoutes.register(on: router, context: context)
    for text in articles {
        let body = Array(text.utf8)
        let post = request("POST /v1/articles HTTP/1.1\r\nHost: a\r\nContent-Type: text/plain; charset=utf-8\r\n"
                           + "Content-Length: \(body.count)\r\n\r\n", body: body)
        let answer = respond(router, post)
        guard answer.status.code == 201 || answer.status.code == 200 else {
            fatalError("cannot store a seed article: \(answer.status) \(String(decoding: answer.bodyBytes, as: UTF8.self))")
        }
        if let id = (try? JSONParser().parse(answer.bodyBytes))?["id"]?.stringValue {
            SetupLog.note("stored seed article \(id)")
        }
    }
    return router
}()

/// Prints the stored articles' ids and each answer (for seeds and for replaying a finding) only when
/// FUZZ_VERBOSE is set.
enum SetupLog {
    static let enabled = getenv("FUZZ_VERBOSE") != nil
    static func note(_ message: String) {
        if enabled { print("[fuzz-api] \(message)") }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: data, count: size)
    var parser = RequestHeadParser()
    guard case .complete(let head, let consumed) = parser.parse(input) else { return 0 }
    let rest = UnsafeRawBufferPointer(rebasing: input[consumed...])
    var body: [UInt8] = []
    switch head.framing {
    case .none:
        break
    case .contentLength(let n):
        body = Array(rest.prefix(n))
    case .chunked:
        var decoder = ChunkedDecoder(maxBodyBytes: 1 << 20)
        guard case (_, .done) = decoder.decode(rest, into: &body) else { return 0 }
    }
    let writes: Set<HTTPMethod> = [.post, .put, .patch, .delete]
    if writes.contains(head.method) && head.path != "/v1/analyze" { return 0 }

    let response = respond(router, Request(head: head, body: body))
    let status = response.status.code
    SetupLog.note("\(head.method) \(head.target) → \(status) \(String(decoding: response.bodyBytes.prefix(400), as: UTF8.self))")
    require(status >= 100 && status < 500, "\(head.method) \(head.target) answered \(status): \(String(decoding: response.bodyBytes, as: UTF8.self).prefix(300))")
    let bytes = response.bodyBytes
    if !bytes.isEmpty {
        guard let type = response.contentType else {
            fatalError("invariant failed: \(head.method) \(head.target): a body without a Content-Type")
        }
        if type.hasPrefix("application/json") || type.hasPrefix("application/problem+json") {
            let document: JSONValue
            do { document = try JSONParser().parse(bytes) } catch {
                fatalError("invariant failed: \(head.method) \(head.target): \(type) body does not parse: \(error)")
            }
            if type.hasPrefix("application/problem+json") {
                require(document["status"]?.intValue == status, "problem document does not repeat status \(status)")
            }
        }
    }
    return 0
}
