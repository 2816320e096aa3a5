/// Cross-origin resource sharing (Fetch standard): which web pages on other origins may call the API from a
/// browser. Reads (GET, HEAD) are public: any origin may make them (`Access-Control-Allow-Origin: *`).
/// Writes (POST, PUT, PATCH, DELETE) are allowed from `writeOrigins` only — "*" allows any — and the answer
/// then names the origin (with `Vary: Origin`). Preflight (OPTIONS with Access-Control-Request-Method) is
/// answered by the router and judged by the method it asks about.
///
/// CORS only tells browsers what they may show; a server that wants to refuse writes from other origins
/// must also check `allowsWrite(origin:host:)` itself, since "simple" requests are sent without preflight.
public struct CORSPolicy: Sendable, Equatable {
    /// Exact origins ("https://app.example.org") whose pages may write, or ["*"] for any.
    public var writeOrigins: [String]
    /// Request headers a browser may send (answer to Access-Control-Request-Headers).
    public var allowedHeaders: String
    /// Response headers scripts may read.
    public var exposedHeaders: String
    /// How long a browser may cache a preflight answer, in seconds.
    public var maxAgeSeconds: Int

    public init(writeOrigins: [String] = ["*"],
                allowedHeaders: String = "Authorization, Content-Type, If-None-Match, Accept-Encoding",
                exposedHeaders: String = "ETag, Location, WWW-Authenticate, Retry-After", maxAgeSeconds: Int = 600) {
        self.writeOrigins = writeOrigins
        self.allowedHeaders = allowedHeaders
        self.exposedHeaders = exposedHeaders
        self.maxAgeSeconds = maxAgeSeconds
        readLines = Array("Access-Control-Allow-Origin: *\r\nAccess-Control-Expose-Headers: \(exposedHeaders)\r\n".utf8)
    }

    /// Parses a comma-separated list ("https://a.example, https://b.example", or "*"); nil when empty.
    public init?(originList: String) {
        let origins = originList.split(separator: ",").map { String($0).trimmingASCIISpaces() }.filter { !$0.isEmpty }
        guard !origins.isEmpty else { return nil }
        self.init(writeOrigins: origins.contains("*") ? ["*"] : origins.map(Self.normalize))
    }

    public var allowsAnyWriteOrigin: Bool { writeOrigins.contains("*") }

    /// Whether a page on `origin` may write: a listed origin, any origin under "*", or the server's own
    /// origin (`http(s)://` + the request's Host), which browsers also send on same-origin writes.
    public func allowsWrite(origin: String, host: String?) -> Bool {
        if allowsAnyWriteOrigin { return true }
        let origin = Self.normalize(origin)
        if writeOrigins.contains(origin) { return true }
        guard let host = host?.lowercased() else { return false }
        return origin == "http://" + host || origin == "https://" + host
    }

    /// Origins compare as scheme://host[:port], lowercase, without a trailing slash.
    static func normalize(_ origin: String) -> String {
        var text = origin.lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// "Access-Control-Allow-Origin: *" and the exposed headers, for every read.
    private let readLines: [UInt8]

    /// Header lines for a response to a request that carries Origin.
    func responseLines(for head: RequestHead) -> [UInt8] {
        var method = head.method
        if method == .options, let requested = head.headers["Access-Control-Request-Method"] {
            // An unknown method is judged as a write: the stricter answer.
            method = Array(requested.utf8).withUnsafeBytes { HTTPMethod.recognize($0) } ?? .post
        }
        if method == .get || method == .head || method == .options || allowsAnyWriteOrigin { return readLines }
        guard let origin = head.headers["Origin"], allowsWrite(origin: origin, host: nil) else {
            return Array("Vary: Origin\r\n".utf8)
        }
        return Array("Access-Control-Allow-Origin: \(origin)\r\nAccess-Control-Expose-Headers: \(exposedHeaders)\r\nVary: Origin\r\n".utf8)
    }

    /// The preflight answer for a path that allows `allow` (the encoder adds the Allow-Origin lines).
    func preflight(allow: String) -> Response {
        .empty(status: .noContent, headers: [
            HTTPField("Allow", allow),
            HTTPField("Access-Control-Allow-Methods", allow),
            HTTPField("Access-Control-Allow-Headers", allowedHeaders),
            HTTPField("Access-Control-Max-Age", String(maxAgeSeconds)),
        ])
    }
}
