import NewsLensCompression
import NewsLensTransport

/// A response whose representation has been chosen (304, gzip or identity) and whose header lines other
/// than Date and Connection are ready. Planning may compress, so offloaded routes plan on the worker queue
/// and the I/O queue only copies bytes.
struct PlannedResponse: Sendable {
    var status: HTTPStatus
    /// Header lines (each ending CRLF) other than Date and Connection, Content-Length included when due.
    var headerLines: [UInt8]
    /// Shared header lines of a prepared body, written before `headerLines`.
    var preparedLines: [UInt8]?
    var body: [UInt8]
    /// `body` mirrored in a body file (a prepared body), for sendfile.
    var bodyFile: BodyFile? = nil
    var sendsBody: Bool
    /// Body length for the log (what GET would send, also for HEAD).
    var bodyLength: Int
}

/// Turns a handler's `Response` into bytes on the wire (RFC 9110 / 9112): picks 304 for a matching
/// If-None-Match, gzip when the client accepts it and the body is compressible and big enough, drops the
/// body for HEAD, 204 and 304, and writes the head with cached status lines and Date.
struct ResponseEncoder: Sendable {
    var gzipMinimumBytes: Int
    var gzipLevel: Int32
    var cors: CORSPolicy?

    init(gzipMinimumBytes: Int, gzipLevel: Int32, cors: CORSPolicy?) {
        self.gzipMinimumBytes = gzipMinimumBytes
        self.gzipLevel = gzipLevel
        self.cors = cors
    }

    func plan(_ response: Response, for head: RequestHead?) -> PlannedResponse {
        let isHead = head?.method == .head
        // Not reserved up front: a prepared body with no extra fields (the hot path) needs no lines at all.
        var lines: [UInt8] = []
        let etagBytes: [UInt8]? =
            switch response.body {
            case .prepared(let prepared): prepared.etagBytes
            case .bytes: response.etag.map { Array($0.utf8) }
            }
        // RFC 9110 §13.1.2: If-None-Match on GET/HEAD that matches → 304 with the validator, no body.
        if let head, let etagBytes, response.status == .ok, head.method == .get || head.method == .head,
           head.noneMatch(etagBytes)
        {
            append(&lines, "ETag: ", etagBytes)
            if case .prepared(let prepared) = response.body, prepared.gzipBytes != nil {
                append(&lines, "Vary: Accept-Encoding")
            }
            appendFields(&lines, response.headers, head: head)
            return PlannedResponse(status: .notModified, headerLines: lines, preparedLines: nil, body: [],
                                   sendsBody: false, bodyLength: 0)
        }
        let status = response.status
        switch response.body {
        case .prepared(let prepared):
            let gzip = prepared.gzipBytes != nil && (head?.acceptsGzip ?? false)
            let body = gzip ? prepared.gzipBytes! : prepared.bytes
            appendFields(&lines, response.headers, head: head)
            return PlannedResponse(status: status, headerLines: lines,
                                   preparedLines: gzip ? prepared.gzipHeaderLines! : prepared.identityHeaderLines,
                                   body: body, bodyFile: gzip ? prepared.gzipFile : prepared.identityFile,
                                   sendsBody: status.allowsBody && !isHead, bodyLength: body.count)
        case .bytes(var body):
            lines.reserveCapacity(128)
            if let contentType = response.contentType { append(&lines, "Content-Type: ", Array(contentType.utf8)) }
            if let etagBytes { append(&lines, "ETag: ", etagBytes) }
            if status.allowsBody, body.count >= gzipMinimumBytes, let type = response.contentType,
               ContentNegotiation.isCompressible(contentType: type),
               !response.headers.contains(where: { $0.name.lowercased() == "content-encoding" })
            {
                append(&lines, "Vary: Accept-Encoding")
                if head?.acceptsGzip ?? false {
                    let packed = Gzip.compress(body, level: gzipLevel)
                    if packed.count < body.count {
                        body = packed
                        append(&lines, "Content-Encoding: gzip")
                    }
                }
            }
            if status.allowsBody {
                append(&lines, "Content-Length: ", Array(String(body.count).utf8))
            }
            appendFields(&lines, response.headers, head: head)
            return PlannedResponse(status: status, headerLines: lines, preparedLines: nil, body: body,
                                   sendsBody: status.allowsBody && !isHead && !body.isEmpty,
                                   bodyLength: body.count)
        }
    }

    /// Appends the full response to `output`.
    func write(_ planned: PlannedResponse, keepAlive: Bool, version: HTTPVersion, date: [UInt8],
               into output: inout OutputQueue) {
        output.append(HTTPStatus.statusLines[planned.status.code])
        output.append(date)
        if let shared = planned.preparedLines { output.append(shared) }
        output.append(planned.headerLines)
        if !keepAlive {
            output.append(ascii: "Connection: close\r\n")
        } else if version == .http1_0 {
            output.append(ascii: "Connection: keep-alive\r\n")
        }
        output.append(ascii: "\r\n")
        if planned.sendsBody { output.append(planned.body, file: planned.bodyFile) }
    }

    private func appendFields(_ lines: inout [UInt8], _ fields: [HTTPField], head: RequestHead?) {
        for field in fields where Self.isSafe(field) {
            lines.append(contentsOf: field.name.utf8)
            lines.append(contentsOf: ": ".utf8)
            lines.append(contentsOf: field.value.utf8)
            lines.append(contentsOf: "\r\n".utf8)
        }
        if let cors, let head, !head.headers.indices(ofLowercase: "origin").isEmpty {
            lines.append(contentsOf: cors.responseLines(for: head))
        }
    }

    /// Field names must be tokens and values free of CR, LF and other controls: no header injection.
    static func isSafe(_ field: HTTPField) -> Bool {
        !field.name.isEmpty && field.name.utf8.allSatisfy(ByteClass.isToken)
            && field.value.utf8.allSatisfy(ByteClass.isFieldValue)
    }

    private func append(_ lines: inout [UInt8], _ literal: StaticString, _ value: [UInt8]) {
        literal.withUTF8Buffer { lines.append(contentsOf: $0) }
        lines.append(contentsOf: value)
        lines.append(0x0D)
        lines.append(0x0A)
    }

    private func append(_ lines: inout [UInt8], _ literal: StaticString) {
        literal.withUTF8Buffer { lines.append(contentsOf: $0) }
        lines.append(0x0D)
        lines.append(0x0A)
    }
}
