/// A header field a handler adds to its response.
public struct HTTPField: Sendable, Equatable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// What a handler returns: status, header fields and body. The server adds Date, Content-Length,
/// Connection, gzip (when negotiated) and 304 handling. A body is either bytes made for this response or a
/// shared `PreparedBody` whose encodings and header bytes were computed once.
public struct Response: Sendable {
    public enum Body: Sendable {
        case bytes([UInt8])
        case prepared(PreparedBody)
    }

    public var status: HTTPStatus
    /// Content-Type of a `.bytes` body (a prepared body carries its own).
    public var contentType: String?
    /// Extra fields, written as given (after CR/LF/NUL are rejected).
    public var headers: [HTTPField]
    public var body: Body
    /// Strong or weak entity-tag with quotes (`"abc"`, `W/"abc"`) of a `.bytes` body; enables 304.
    public var etag: String?

    public init(status: HTTPStatus = .ok, contentType: String? = nil, headers: [HTTPField] = [],
                body: [UInt8] = [], etag: String? = nil) {
        self.status = status
        self.contentType = contentType
        self.headers = headers
        self.body = .bytes(body)
        self.etag = etag
    }

    /// A response whose body, gzip encoding and entity-tag were prepared once and are shared.
    public init(status: HTTPStatus = .ok, prepared: PreparedBody, headers: [HTTPField] = []) {
        self.status = status
        self.contentType = prepared.contentType
        self.headers = headers
        self.body = .prepared(prepared)
        self.etag = prepared.etag
    }

    /// JSON bytes (`application/json`).
    public static func json(_ bytes: [UInt8], status: HTTPStatus = .ok, headers: [HTTPField] = []) -> Response {
        Response(status: status, contentType: "application/json", headers: headers, body: bytes)
    }

    /// UTF-8 text (`text/plain; charset=utf-8`).
    public static func text(_ text: String, status: HTTPStatus = .ok) -> Response {
        Response(status: status, contentType: "text/plain; charset=utf-8", body: Array(text.utf8))
    }

    /// No content (204 by default).
    public static func empty(status: HTTPStatus = .noContent, headers: [HTTPField] = []) -> Response {
        Response(status: status, headers: headers)
    }

    /// Adds or replaces a header field (names compared case-insensitively).
    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.lowercased() == name.lowercased() }
        headers.append(HTTPField(name, value))
    }

    /// Body bytes as they would be sent without content coding.
    public var bodyBytes: [UInt8] {
        switch body {
        case .bytes(let bytes): bytes
        case .prepared(let prepared): prepared.bytes
        }
    }
}
