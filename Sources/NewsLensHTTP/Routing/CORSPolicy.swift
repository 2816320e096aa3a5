/// Cross-origin resource sharing (Fetch standard): which origins may call the API from a browser.
/// Preflight (OPTIONS with Access-Control-Request-Method) is answered by the router; simple responses
/// get Access-Control-Allow-Origin when the request carries Origin.
public struct CORSPolicy: Sendable, Equatable {
    /// "*" or one exact origin ("https://example.org").
    public var allowedOrigin: String
    /// Request headers a browser may send (answer to Access-Control-Request-Headers).
    public var allowedHeaders: String
    /// Response headers scripts may read.
    public var exposedHeaders: String
    /// How long a browser may cache a preflight answer, in seconds.
    public var maxAgeSeconds: Int

    public init(allowedOrigin: String = "*", allowedHeaders: String = "Content-Type, If-None-Match, Accept-Encoding",
                exposedHeaders: String = "ETag, Location", maxAgeSeconds: Int = 600) {
        self.allowedOrigin = allowedOrigin
        self.allowedHeaders = allowedHeaders
        self.exposedHeaders = exposedHeaders
        self.maxAgeSeconds = maxAgeSeconds
    }

    /// Header lines for an actual (non-preflight) response to a request with Origin.
    var responseLines: [UInt8] {
        var text = "Access-Control-Allow-Origin: \(allowedOrigin)\r\nAccess-Control-Expose-Headers: \(exposedHeaders)\r\n"
        if allowedOrigin != "*" { text += "Vary: Origin\r\n" }
        return Array(text.utf8)
    }

    /// The preflight answer for a path that allows `allow`.
    func preflight(allow: String) -> Response {
        var headers = [
            HTTPField("Allow", allow),
            HTTPField("Access-Control-Allow-Methods", allow),
            HTTPField("Access-Control-Allow-Headers", allowedHeaders),
            HTTPField("Access-Control-Max-Age", String(maxAgeSeconds)),
        ]
        if allowedOrigin != "*" { headers.append(HTTPField("Vary", "Origin")) }
        return .empty(status: .noContent, headers: headers)
    }
}
