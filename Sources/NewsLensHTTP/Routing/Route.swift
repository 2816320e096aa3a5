/// How a route's handler runs relative to the connection's I/O queue.
public enum RouteExecution: Sendable, Equatable {
    /// On the I/O queue, in the same turn that parsed the request: for handlers that take microseconds
    /// (cached lookups, health checks). No queue hop at all.
    case inline
    /// On the server's concurrent worker queue; the response is handed back to the I/O queue when ready,
    /// so a handler that takes milliseconds (analysing an article) never delays other connections.
    case offloaded
}

/// Per-route settings.
public struct RouteOptions: Sendable {
    /// Largest request body this route accepts; nil uses the server's limit (`HTTPLimits.maxBodyBytes`).
    public var maxBodyBytes: Int?
    public var execution: RouteExecution

    public init(maxBodyBytes: Int? = nil, execution: RouteExecution = .inline) {
        self.maxBodyBytes = maxBodyBytes
        self.execution = execution
    }

    public static let inline = RouteOptions()
    public static let offloaded = RouteOptions(execution: .offloaded)
}

/// A request handler: synchronous (runs inline or offloaded per `RouteOptions.execution`) or `async`
/// (always off the I/O queue, in a Task).
public enum RouteHandler: Sendable {
    case sync(@Sendable (Request) -> Response)
    case async(@Sendable (Request) async -> Response)
}

/// One registered method + pattern. A class: the router hands out references, so resolving a request
/// never copies a route (its pattern arrays and handler closures) per candidate.
public final class Route: Sendable {
    public let method: HTTPMethod
    public let pattern: RoutePattern
    public let options: RouteOptions
    public let handler: RouteHandler

    init(method: HTTPMethod, pattern: RoutePattern, options: RouteOptions, handler: RouteHandler) {
        self.method = method
        self.pattern = pattern
        self.options = options
        self.handler = handler
    }

    /// Whether the handler must leave the I/O queue.
    var runsOffQueue: Bool {
        if case .async = handler { return true }
        return options.execution == .offloaded
    }
}
