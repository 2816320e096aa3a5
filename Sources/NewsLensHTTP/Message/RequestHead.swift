/// How the body of a request is delimited (RFC 9112 §6.3).
public enum BodyFraming: Equatable, Sendable {
    case none
    case contentLength(Int)
    case chunked
}

/// A parsed and validated request head: request line, header fields and what they mean for framing.
/// Produced by `RequestHeadParser`; the connection turns it into a `Request` once the body is read.
public struct RequestHead: Sendable {
    public let method: HTTPMethod
    public let version: HTTPVersion
    public let headers: RequestHeaders
    /// Offsets in `headers.storage`: the whole request-target, its path and its query (after '?').
    let targetRange: Range<Int>
    let pathRange: Range<Int>
    let queryRange: Range<Int>?
    public let framing: BodyFraming
    /// False when the client asked to close (Connection: close, or HTTP/1.0 without keep-alive).
    public let keepAlive: Bool
    /// `Expect: 100-continue` was sent (RFC 9110 §10.1.1).
    public let expectsContinue: Bool

    /// The request-target exactly as sent.
    public var target: String { String(decoding: headers.storage[targetRange], as: UTF8.self) }
    /// The path (still percent-encoded); "*" for `OPTIONS *`.
    public var path: String { String(decoding: headers.storage[pathRange], as: UTF8.self) }
    /// The raw query string without '?', or nil.
    public var query: String? { queryRange.map { String(decoding: headers.storage[$0], as: UTF8.self) } }

    /// Runs `body` over the path bytes without making a String.
    func withPathBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        headers.storage.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[pathRange])) }
    }

    /// Does an If-None-Match field match `etag` (weak comparison, RFC 9110 §13.1.2)?
    func noneMatch(_ etag: [UInt8]) -> Bool {
        for i in headers.indices(ofLowercase: "if-none-match")
        where headers.withValueBytes(at: i, { ContentNegotiation.noneMatchHits($0, etag: etag) }) {
            return true
        }
        return false
    }

    /// Does the request say `Accept-Encoding: gzip` with a non-zero weight (RFC 9110 §12.5.3)?
    public var acceptsGzip: Bool {
        for i in headers.indices(ofLowercase: "accept-encoding") {
            if let accepted = headers.withValueBytes(at: i, { ContentNegotiation.gzipAccepted($0) }) { return accepted }
        }
        return false
    }
}
