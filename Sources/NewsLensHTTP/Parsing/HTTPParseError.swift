/// Why a request could not be read, with the status it earns (RFC 9112 / RFC 9110) and a detail a client
/// developer can act on. After any of these the connection is closed: its framing can no longer be trusted.
public enum HTTPParseError: Error, Equatable, Sendable {
    case requestLineTooLong(limit: Int)
    case headerSectionTooLarge(limit: Int)
    case tooManyHeaderFields(limit: Int)
    case tooManyEmptyLines
    case bareLineFeed
    case malformedRequestLine
    case invalidMethod
    case unknownMethod
    case invalidTarget
    case unsupportedVersion
    case obsoleteLineFolding
    case whitespaceBeforeColon
    case invalidHeaderName
    case invalidHeaderValue
    case missingHost
    case duplicateHost
    case invalidHost
    case invalidContentLength
    case conflictingContentLength
    case contentLengthWithTransferEncoding
    case transferEncodingInHTTP10
    case unsupportedTransferCoding
    case chunkedNotFinal
    case unsupportedExpectation
    case invalidChunkSize
    case invalidChunkFraming
    case trailerSectionTooLarge(limit: Int)
    case bodyTooLarge(limit: Int)
    case headerTimeout
    case bodyTimeout

    public var status: HTTPStatus {
        switch self {
        case .requestLineTooLong: .uriTooLong
        case .headerSectionTooLarge, .tooManyHeaderFields, .trailerSectionTooLarge: .requestHeaderFieldsTooLarge
        case .unknownMethod, .unsupportedTransferCoding: .notImplemented
        case .unsupportedVersion: .httpVersionNotSupported
        case .unsupportedExpectation: .expectationFailed
        case .bodyTooLarge: .contentTooLarge
        case .headerTimeout, .bodyTimeout: .requestTimeout
        default: .badRequest
        }
    }

    public var detail: String {
        switch self {
        case .requestLineTooLong(let limit): "The request line is longer than \(limit) bytes; shorten the URL."
        case .headerSectionTooLarge(let limit): "The header section is larger than \(limit) bytes."
        case .tooManyHeaderFields(let limit): "The request has more than \(limit) header fields."
        case .tooManyEmptyLines: "Too many empty lines before the request line."
        case .bareLineFeed: "Lines must end with CRLF; a bare LF was found (RFC 9112 §2.2)."
        case .malformedRequestLine: "The request line must be 'METHOD target HTTP/1.1'."
        case .invalidMethod: "The method is not a valid token (RFC 9110 §9.1)."
        case .unknownMethod: "This server does not implement that method."
        case .invalidTarget: "The request target contains characters that are not allowed, or has an unsupported form."
        case .unsupportedVersion: "Only HTTP/1.0 and HTTP/1.1 are supported."
        case .obsoleteLineFolding: "Header field values folded over several lines (obs-fold) are not accepted (RFC 9112 §5.2)."
        case .whitespaceBeforeColon: "No whitespace is allowed between a header field name and its colon (RFC 9112 §5.1)."
        case .invalidHeaderName: "A header field name contains a character that is not allowed in a token."
        case .invalidHeaderValue: "A header field value contains a control character (NUL, CR, LF or another CTL)."
        case .missingHost: "HTTP/1.1 requests must carry a Host header (RFC 9112 §3.2)."
        case .duplicateHost: "The request carries more than one Host header."
        case .invalidHost: "The Host header is not a valid host[:port]."
        case .invalidContentLength: "Content-Length must be a non-negative decimal integer."
        case .conflictingContentLength: "The request carries Content-Length values that disagree."
        case .contentLengthWithTransferEncoding: "A request must not carry both Content-Length and Transfer-Encoding (RFC 9112 §6.1)."
        case .transferEncodingInHTTP10: "Transfer-Encoding is not defined for HTTP/1.0 requests."
        case .unsupportedTransferCoding: "Only the chunked transfer coding is supported."
        case .chunkedNotFinal: "chunked must be the final transfer coding (RFC 9112 §6.3)."
        case .unsupportedExpectation: "Only 'Expect: 100-continue' is supported."
        case .invalidChunkSize: "A chunk size is not a valid hexadecimal number, or is too large."
        case .invalidChunkFraming: "Chunked framing is broken: each chunk line and chunk must end with CRLF."
        case .trailerSectionTooLarge(let limit): "The trailer section is larger than \(limit) bytes."
        case .bodyTooLarge(let limit): "The request body is larger than this endpoint accepts (\(limit) bytes)."
        case .headerTimeout: "The request header section did not arrive in time."
        case .bodyTimeout: "The request body did not arrive in time."
        }
    }
}
