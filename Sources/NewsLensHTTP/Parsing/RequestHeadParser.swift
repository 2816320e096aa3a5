#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Incremental request-head parser over raw bytes (model: picohttpparser, Go's net/http textproto).
///
/// Feed it the bytes received so far for the current request, starting at the request's first byte,
/// as often as more arrive; it remembers how far it scanned, so a head split at any byte costs one pass.
/// It answers "need more", "complete (head, bytes consumed)" or an error carrying its status.
/// Limits are enforced while bytes arrive, so an endless request line is refused at the limit, not at EOF.
public struct RequestHeadParser: Sendable {
    public enum Outcome: Sendable {
        case needMore
        case complete(RequestHead, consumed: Int)
        case failed(HTTPParseError)
    }

    public var limits: HTTPLimits
    /// Where the scan for the next LF resumes.
    private var scanned = 0
    /// Start of the line being scanned.
    private var lineStart = 0
    /// Start of the request line (after ignored leading empty lines).
    private var requestStart = 0
    /// End (the CR) of the request line once seen.
    private var requestLineEnd = -1
    private var emptyLinesSkipped = 0
    /// Field lines as [start, end-before-CR), reused across requests.
    private var fieldLines: [Range<Int>] = []

    public init(limits: HTTPLimits = HTTPLimits()) {
        self.limits = limits
        fieldLines.reserveCapacity(32)
    }

    /// Forget the current request; call after `complete` or before reusing the parser.
    public mutating func reset() {
        scanned = 0
        lineStart = 0
        requestStart = 0
        requestLineEnd = -1
        emptyLinesSkipped = 0
        fieldLines.removeAll(keepingCapacity: true)
    }

    /// True once any byte of a request (other than leading empty lines) has been seen.
    public var hasStartedRequest: Bool { scanned > requestStart }

    /// Parses `buffer`, which must begin at the same request start on every call and only grow.
    public mutating func parse(_ buffer: UnsafeRawBufferPointer) -> Outcome {
        let count = buffer.count
        guard let base = buffer.baseAddress else { return .needMore }
        while scanned < count {
            guard let found = memchr(base + scanned, Int32(ByteClass.lf), count - scanned) else {
                scanned = count
                return checkIncompleteLimits(count)
            }
            let lf = UnsafeRawPointer(found) - base
            scanned = lf + 1
            // RFC 9112 §2.2: we require CRLF; a bare LF is refused rather than guessed at.
            guard lf > lineStart, buffer[lf - 1] == ByteClass.cr else { return .failed(.bareLineFeed) }
            let lineEnd = lf - 1
            if requestLineEnd < 0 {
                if lineEnd == lineStart {
                    // RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the request line.
                    emptyLinesSkipped += 1
                    if emptyLinesSkipped > 8 { return .failed(.tooManyEmptyLines) }
                    requestStart = lf + 1
                } else {
                    if lineEnd - lineStart > limits.maxRequestLineBytes {
                        return .failed(.requestLineTooLong(limit: limits.maxRequestLineBytes))
                    }
                    requestLineEnd = lineEnd
                }
            } else if lineEnd == lineStart {
                let end = lf + 1
                switch RequestHeadBuilder.build(
                    buffer: buffer, requestStart: requestStart, requestLineEnd: requestLineEnd,
                    fieldLines: fieldLines, end: end
                ) {
                case .success(let head): return .complete(head, consumed: end)
                case .failure(let error): return .failed(error)
                }
            } else {
                if fieldLines.count >= limits.maxHeaderCount {
                    return .failed(.tooManyHeaderFields(limit: limits.maxHeaderCount))
                }
                if lf + 1 - (requestLineEnd + 2) > limits.maxHeaderBytes {
                    return .failed(.headerSectionTooLarge(limit: limits.maxHeaderBytes))
                }
                fieldLines.append(lineStart..<lineEnd)
            }
            lineStart = lf + 1
        }
        return checkIncompleteLimits(count)
    }

    private func checkIncompleteLimits(_ count: Int) -> Outcome {
        if requestLineEnd < 0 {
            // +1: the CR of a line of exactly the limit may already be here.
            if count - lineStart > limits.maxRequestLineBytes + 1 {
                return .failed(.requestLineTooLong(limit: limits.maxRequestLineBytes))
            }
        } else if count - (requestLineEnd + 2) > limits.maxHeaderBytes + 2 {
            return .failed(.headerSectionTooLarge(limit: limits.maxHeaderBytes))
        }
        return .needMore
    }
}
