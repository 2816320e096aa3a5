#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps method + path to handlers. Routes are registered before the server starts; afterwards the router is
/// only read (from every I/O queue), so it needs no locking.
///
///     let router = Router()
///     router.get("/healthz") { _ in .json(Array(#"{"status":"ok"}"#.utf8)) }
///     router.post("/v1/analyze", options: RouteOptions(maxBodyBytes: 8 << 20, execution: .offloaded)) { request in … }
///     router.get("/v1/articles/{id}") { request in … request.parameter("id") … }
///
/// Unknown path → 404; known path, other method → 405 with Allow; HEAD runs the GET handler (the server
/// drops the body); OPTIONS is answered with Allow (and as a CORS preflight when the request is one).
/// `fallback` serves GET/HEAD for paths no route matches (static files).
public final class Router: @unchecked Sendable {
    private var routes: [Route] = []
    /// `routes` compiled for matching, grouped by their number of path segments.
    private var table = RouteTable()
    /// Handler for GET/HEAD requests no route matches, e.g. `StaticFiles`.
    public var fallback: (@Sendable (Request) -> Response)?
    /// CORS policy; nil disables CORS headers and preflight answers.
    public var cors: CORSPolicy? = CORSPolicy()

    public init() {}

    /// Registers a synchronous handler.
    public func add(_ method: HTTPMethod, _ pattern: String, options: RouteOptions = .inline,
                    _ handler: @escaping @Sendable (Request) -> Response) {
        insert(Route(method: method, pattern: RoutePattern(pattern), options: options, handler: .sync(handler)))
    }

    /// Registers an `async` handler; it always runs off the I/O queue.
    public func addAsync(_ method: HTTPMethod, _ pattern: String, options: RouteOptions = .offloaded,
                         _ handler: @escaping @Sendable (Request) async -> Response) {
        insert(Route(method: method, pattern: RoutePattern(pattern), options: options, handler: .async(handler)))
    }

    public func get(_ pattern: String, options: RouteOptions = .inline, _ handler: @escaping @Sendable (Request) -> Response) {
        add(.get, pattern, options: options, handler)
    }

    public func post(_ pattern: String, options: RouteOptions = .inline, _ handler: @escaping @Sendable (Request) -> Response) {
        add(.post, pattern, options: options, handler)
    }

    public func put(_ pattern: String, options: RouteOptions = .inline, _ handler: @escaping @Sendable (Request) -> Response) {
        add(.put, pattern, options: options, handler)
    }

    public func delete(_ pattern: String, options: RouteOptions = .inline, _ handler: @escaping @Sendable (Request) -> Response) {
        add(.delete, pattern, options: options, handler)
    }

    public func patch(_ pattern: String, options: RouteOptions = .inline, _ handler: @escaping @Sendable (Request) -> Response) {
        add(.patch, pattern, options: options, handler)
    }

    /// Every registered route (method, pattern), e.g. for an OpenAPI document or a startup log.
    public var registeredRoutes: [(method: HTTPMethod, pattern: String)] {
        routes.map { ($0.method, $0.pattern.description) }
    }

    private func insert(_ route: Route) {
        precondition(!routes.contains { $0.method == route.method && $0.pattern == route.pattern },
                     "route \(route.method) \(route.pattern) registered twice")
        table.add(route.pattern, method: route.method, route: routes.count)
        routes.append(route)
    }

    /// What the router decided for a request head.
    public enum Resolution: Sendable {
        case route(Route, parameters: PathParameters)
        /// An answer that needs no handler (404, 405, OPTIONS, preflight).
        case respond(Response)
        /// The fallback handler (static files).
        case fallback(@Sendable (Request) -> Response)
    }

    /// Resolves method + path to a route or an immediate answer.
    public func resolve(_ head: RequestHead) -> Resolution {
        if head.pathRange.count == 1 && head.headers.storage[head.pathRange.lowerBound] == UInt8(ascii: "*") {
            return .respond(.empty(status: .noContent, headers: [HTTPField("Allow", Self.allMethods)]))
        }
        return head.withPathBytes { path in
            // Path bytes after the leading '/', cut at each '/'; an empty absolute-form path means "/".
            let relative = path.isEmpty ? path : UnsafeRawBufferPointer(rebasing: path.dropFirst())
            var best: (route: Route, parameters: PathParameters)?
            var allowed: UInt16 = 0  // bit per HTTPMethod.rawValue: no Set allocation per request
            // Segment bounds on the stack; a path with more segments than any route has matches none.
            let capacity = table.maxSegments + 1
            withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: max(capacity, 1)) { storage in
                var count = 0
                var start = 0
                while count < capacity {
                    let rest = relative.count - start
                    let slash = rest > 0 ? memchr(relative.baseAddress! + start, Int32(UInt8(ascii: "/")), rest) : nil
                    let end = slash.map { UnsafeRawPointer($0) - relative.baseAddress! } ?? relative.count
                    storage.initializeElement(at: count, to: start ..< end)
                    count += 1
                    if slash == nil { break }
                    start = end + 1
                }
                defer { storage.baseAddress!.deinitialize(count: count) }
                guard count < capacity else { return }  // the path has more segments than any pattern
                let bounds = UnsafeBufferPointer(rebasing: storage[0 ..< count])
                var winner: RouteTable.Entry?
                table.forEachMatch(relative, bounds) { entry in
                    allowed |= 1 << entry.method.rawValue
                    let applies = entry.method == head.method || (head.method == .head && entry.method == .get)
                    guard applies else { return }
                    // An explicit HEAD route beats GET; otherwise the more specific pattern wins.
                    if let current = winner {
                        let exactBeatsGet = entry.method == head.method && current.method != head.method
                        let sameMethod = entry.method == current.method
                        guard exactBeatsGet
                              || (sameMethod && routes[entry.route].pattern.isMoreSpecific(than: routes[current.route].pattern))
                        else { return }
                    }
                    winner = entry
                }
                if let winner {
                    let route = routes[winner.route]
                    best = (route, route.pattern.captures(relative, bounds))
                }
            }
            if let best { return .route(best.route, parameters: best.parameters) }
            if allowed == 0 {
                if let fallback {
                    switch head.method {
                    case .get, .head: return .fallback(fallback)
                    case .options: return .respond(optionsAnswer(head, allow: "GET, HEAD, OPTIONS"))
                    default: break
                    }
                }
                return .respond(.problem(.notFound, "Nothing is served at this path."))
            }
            let allow = Self.allowHeader(allowed)
            if head.method == .options { return .respond(optionsAnswer(head, allow: allow)) }
            return .respond(
                .problem(Problem(.methodNotAllowed, detail: "This path accepts: \(allow).",
                                 extensions: [("allowed", allow)]),
                         headers: [HTTPField("Allow", allow)]))
        }
    }

    private func optionsAnswer(_ head: RequestHead, allow: String) -> Response {
        if let cors, head.headers.contains("Origin"), head.headers.contains("Access-Control-Request-Method") {
            return cors.preflight(allow: allow)
        }
        return .empty(status: .noContent, headers: [HTTPField("Allow", allow)])
    }

    /// "GET, HEAD, POST, OPTIONS": registered methods, HEAD implied by GET, OPTIONS always.
    static func allowHeader(_ methods: UInt16) -> String {
        var all = methods | 1 << HTTPMethod.options.rawValue
        if all & (1 << HTTPMethod.get.rawValue) != 0 { all |= 1 << HTTPMethod.head.rawValue }
        return HTTPMethod.allCases.filter { all & (1 << $0.rawValue) != 0 }.map(\.name).joined(separator: ", ")
    }

    static let allMethods = "GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS"

    /// Resolves and runs the handler without any socket: for tests and in-process calls. HEAD bodies and
    /// content coding are the server's business and are not applied here.
    public func respond(to request: Request) async -> Response {
        switch resolve(request.head) {
        case .respond(let response):
            return response
        case .fallback(let handler):
            return handler(request)
        case .route(let route, let parameters):
            let routed = Request(head: request.head, pathParameters: parameters, body: request.body,
                                 clientAddress: request.clientAddress)
            switch route.handler {
            case .sync(let handler): return handler(routed)
            case .async(let handler): return await handler(routed)
            }
        }
    }
}
