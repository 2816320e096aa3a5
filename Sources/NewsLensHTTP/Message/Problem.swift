import NewsLensJSON

/// RFC 9457 problem details: every error response of the server and the API is one of these,
/// `application/problem+json` with `type`, `title`, `status` and a `detail` a person can act on.
public struct Problem: Sendable, Equatable {
    public var status: HTTPStatus
    public var detail: String
    /// A URI naming the problem type; "about:blank" means "see the status code".
    public var type: String
    public var title: String
    /// Extra members (e.g. "allowed": "GET, HEAD"), written as JSON strings.
    public var extensions: [(String, String)]

    public init(_ status: HTTPStatus, detail: String, type: String = "about:blank", title: String? = nil,
                extensions: [(String, String)] = []) {
        self.status = status
        self.detail = detail
        self.type = type
        self.title = title ?? status.reasonPhrase
        self.extensions = extensions
    }

    public static func == (a: Problem, b: Problem) -> Bool {
        a.status == b.status && a.detail == b.detail && a.type == b.type && a.title == b.title
            && a.extensions.map(\.0) == b.extensions.map(\.0) && a.extensions.map(\.1) == b.extensions.map(\.1)
    }

    public var jsonBytes: [UInt8] {
        var writer = JSONWriter(capacity: 128 + detail.utf8.count)
        writer.beginObject()
        writer.field("type", type)
        writer.field("title", title)
        writer.field("status", status.code)
        writer.field("detail", detail)
        for (name, value) in extensions { writer.field(name, value) }
        writer.endObject()
        return writer.bytes
    }
}

extension Response {
    public static let problemContentType = "application/problem+json"

    /// An RFC 9457 problem response.
    public static func problem(_ problem: Problem, headers: [HTTPField] = []) -> Response {
        Response(status: problem.status, contentType: problemContentType, headers: headers, body: problem.jsonBytes)
    }

    /// Shorthand: `.problem(.notFound, "No article with id 'x'.")`.
    public static func problem(_ status: HTTPStatus, _ detail: String, headers: [HTTPField] = []) -> Response {
        problem(Problem(status, detail: detail), headers: headers)
    }
}
