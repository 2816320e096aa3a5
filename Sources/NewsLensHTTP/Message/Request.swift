import NewsLensTransport

/// What a handler receives: method, path, decoded query and path parameters, header fields, the complete
/// body bytes and the client's address. A value type: safe to hand to another queue.
public struct Request: Sendable {
    public let head: RequestHead
    /// Values captured by `{name}` segments of the matched route, percent-decoded.
    public let parameters: PathParameters
    public let body: [UInt8]
    public let clientAddress: SocketAddress

    public init(head: RequestHead, pathParameters: PathParameters, body: [UInt8] = [],
                clientAddress: SocketAddress = SocketAddress(host: "127.0.0.1", port: 0)) {
        self.head = head
        parameters = pathParameters
        self.body = body
        self.clientAddress = clientAddress
    }

    public init(head: RequestHead, pathParameters: [String: String] = [:], body: [UInt8] = [],
                clientAddress: SocketAddress = SocketAddress(host: "127.0.0.1", port: 0)) {
        self.init(head: head, pathParameters: pathParameters.isEmpty ? .none : PathParameters(pathParameters),
                  body: body, clientAddress: clientAddress)
    }

    /// The captured parameters by name.
    public var pathParameters: [String: String] { parameters.dictionary }

    public var method: HTTPMethod { head.method }
    public var version: HTTPVersion { head.version }
    public var headers: RequestHeaders { head.headers }
    /// The path as sent (percent-encoded), "/" for an absolute-form target without a path.
    public var path: String { head.pathRange.isEmpty ? "/" : head.path }
    /// The query string parsed into decoded pairs (computed on each access; keep the value if used twice).
    public var query: QueryParameters {
        guard let range = head.queryRange else { return QueryParameters() }
        return QueryParameters(parsing: head.headers.storage[range])
    }

    /// A path parameter by name (`{id}` in the route pattern).
    public func parameter(_ name: String) -> String? { parameters[name] }

    /// The Content-Type field's media type, lowercased, without parameters ("application/json").
    public var mediaType: String? {
        guard let value = headers["Content-Type"] else { return nil }
        let type = value.split(separator: ";", maxSplits: 1).first.map(String.init) ?? value
        return type.trimmingASCIISpaces().lowercased()
    }

    /// Builds a request from text, for router tests and internal calls; nil when `text` is not a valid head.
    public static func parse(_ text: String, body: [UInt8] = [], pathParameters: [String: String] = [:]) -> Request? {
        var parser = RequestHeadParser()
        let bytes = Array(text.utf8)
        let outcome = bytes.withUnsafeBytes { parser.parse($0) }
        guard case .complete(let head, _) = outcome else { return nil }
        return Request(head: head, pathParameters: pathParameters, body: body)
    }
}

extension String {
    func trimmingASCIISpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(scalars[first...last])
    }
}
