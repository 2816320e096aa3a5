import Foundation
import NewsLensExtraction
import NewsLensHTTP
import NewsLensJSON
import NewsLensStore
import Testing
@testable import NewsLensAPI

/// The API without sockets: a router with every route over an in-memory store, requests built from text
/// and answered through `Router.respond(to:)`.
struct APIHarness {
    let router: Router
    let context: APIContext
    let store: ArticleStore?

    /// One engine for every test: loading its resources is the slow part.
    static let analyzer = ArticleAnalyzer()

    init(store: ArticleStore? = try! ArticleStore(configuration: StoreConfiguration()), apiKey: String? = nil,
         cors: CORSPolicy? = CORSPolicy(), maxArticleBytes: Int = 1 << 20) {
        router = Router()
        router.cors = cors
        context = APIContext(configuration: APIConfiguration(apiKey: apiKey, maxArticleBytes: maxArticleBytes),
                             stores: StoreSlot(store), analyzer: Self.analyzer, cors: cors)
        APIRoutes.register(on: router, context: context)
        self.store = store
    }

    func call(_ method: String, _ target: String, headers: [String] = [], body: [UInt8] = []) async -> Response {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: newslens.test\r\n"
        for h in headers { head += h + "\r\n" }
        if !body.isEmpty { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        guard let request = Request.parse(head, body: body) else {
            Issue.record("not a valid request head: \(head)")
            return .empty(status: .badRequest)
        }
        return await Self.respond(router, request)
    }

    /// `Router.respond(to:)`, but with the handler on a Dispatch queue as the server runs it: analyses must
    /// not hold the few threads of Swift's cooperative pool, which other suites' tests need meanwhile.
    static func respond(_ router: Router, _ request: Request) async -> Response {
        switch router.resolve(request.head) {
        case .respond(let response):
            return response
        case .fallback(let handler):
            return handler(request)
        case .route(let route, let parameters):
            let routed = Request(head: request.head, pathParameters: parameters, body: request.body,
                                 clientAddress: request.clientAddress)
            switch route.handler {
            case .async(let handler):
                return await handler(routed)
            case .sync(let handler):
                return await withCheckedContinuation { done in
                    DispatchQueue.global().async { done.resume(returning: handler(routed)) }
                }
            }
        }
    }

    func call(_ method: String, _ target: String, contentType: String, _ body: String, headers: [String] = []) async -> Response {
        await call(method, target, headers: ["Content-Type: \(contentType)"] + headers, body: Array(body.utf8))
    }

    /// POST /v1/articles with plain text; returns the stored id.
    @discardableResult
    func store(_ text: String) async -> String {
        let response = await call("POST", "/v1/articles", contentType: "text/plain; charset=utf-8", text)
        #expect(response.status == .created || response.status == .ok, "\(response.status) \(response.text)")
        return response.json["id"]?.stringValue ?? ""
    }
}

extension Response {
    var text: String { String(decoding: bodyBytes, as: UTF8.self) }

    /// The body parsed as JSON (`.null` when it is not JSON, which the assertions then catch).
    var json: JSONValue { (try? JSONParser().parse(bodyBytes)) ?? .null }

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Checks an RFC 9457 problem response and returns its detail.
    @discardableResult
    func expectProblem(_ status: HTTPStatus, containing fragment: String? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) -> String {
        #expect(self.status == status, "status \(self.status), body \(text)", sourceLocation: sourceLocation)
        #expect(contentType == "application/problem+json", sourceLocation: sourceLocation)
        let body = json
        #expect(body["type"]?.stringValue != nil, sourceLocation: sourceLocation)
        #expect(body["title"]?.stringValue == status.reasonPhrase, sourceLocation: sourceLocation)
        #expect(body["status"]?.intValue == status.code, sourceLocation: sourceLocation)
        let detail = body["detail"]?.stringValue ?? ""
        #expect(!detail.isEmpty, sourceLocation: sourceLocation)
        if let fragment {
            #expect(detail.contains(fragment), "detail: \(detail)", sourceLocation: sourceLocation)
        }
        return detail
    }
}

extension JSONValue {
    var items: [JSONValue] { self["items"]?.arrayValue ?? [] }
}

/// Short news articles written for these tests: people quoted across several articles ("Maria Keller" and
/// "Keller"), an organization, a country, direct and indirect quotes.
enum Articles {
    static let ferry = """
        Island council votes to keep the night ferry

        PORT ELLEN — The island council voted on Tuesday to keep the night ferry running through the winter.

        "This ferry is a lifeline for all of us, not a luxury," council leader Maria Keller told reporters after the vote.

        Transport minister Jonas Berg said the government would cover half of the cost.

        "We will look at the numbers again in spring," Berg said.
        """

    static let harbour = """
        Harbour works to start in May

        PORT ELLEN — Work on the new harbour wall will start in May, the island council said on Friday.

        "The old wall will not survive another winter," Maria Keller said. "We cannot wait any longer."

        Engineers from Nordbau Group will lead the work, according to the council.
        """

    static let election = """
        Keller to stand again for council leader

        PORT ELLEN — Maria Keller will stand again for the post of council leader, she said on Monday.

        "There is more to do for the island," Keller said at a meeting in the town hall.

        Her rival Ana Sousa said the council had spent too much on the ferry.
        """

    static let all = [ferry, harbour, election]

    /// A different article each call (for tests that need many).
    static func numbered(_ n: Int) -> String {
        """
        Council report number \(n)

        PORT ELLEN — The island council published report number \(n) on Thursday.

        "Report \(n) shows the ferry is full most nights," Maria Keller said.
        """
    }
}
