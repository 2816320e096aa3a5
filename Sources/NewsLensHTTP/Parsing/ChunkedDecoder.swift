/// Incremental decoder of the chunked transfer coding (RFC 9112 §7.1), fed whatever bytes arrived.
///
/// Chunk extensions are skipped; trailer fields are read and discarded, never merged into the headers
/// (RFC 9112 §7.1.2 lets a recipient drop them). Chunk sizes are bounded and overflow-checked; every line
/// must end in CRLF (a bare LF inside chunked framing is a 400, the classic smuggling vector).
public struct ChunkedDecoder: Sendable {
    public enum Progress: Equatable, Sendable {
        case needMore
        case done
        case failed(HTTPParseError)
    }

    private enum State: Sendable {
        case size, sizeWhitespace, sizeExtension, sizeLF
        case data(remaining: Int)
        case dataCR, dataLF
        case trailerLineStart, trailerLine, trailerLF, finalLF
        case done
    }

    public let maxBodyBytes: Int
    public let maxTrailerBytes: Int
    /// Longest chunk-size line accepted (size digits plus extensions).
    public static let maxSizeLineBytes = 4096
    private var state: State = .size
    private var size = 0
    private var sizeDigits = 0
    private var lineBytes = 0
    private var trailerBytes = 0
    public private(set) var bodyBytes = 0

    public init(maxBodyBytes: Int, maxTrailerBytes: Int = 32 * 1024) {
        self.maxBodyBytes = maxBodyBytes
        self.maxTrailerBytes = maxTrailerBytes
    }

    /// Consumes a prefix of `input`, appending chunk data to `body`. Returns how many bytes were used and
    /// whether the body is complete. Bytes after the end of the chunked body are left unconsumed.
    public mutating func decode(_ input: UnsafeRawBufferPointer, into body: inout [UInt8])
        -> (consumed: Int, progress: Progress)
    {
        var i = 0
        let n = input.count
        while i < n {
            switch state {
            case .done:
                return (i, .done)
            case .data(let remaining):
                let take = min(remaining, n - i)
                body.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[i..<(i + take)]))
                i += take
                state = remaining == take ? .dataCR : .data(remaining: remaining - take)
            default:
                let b = input[i]
                i += 1
                if let failure = step(b) { return (i, .failed(failure)) }
                if case .done = state { return (i, .done) }
            }
        }
        if case .done = state { return (i, .done) }
        return (i, .needMore)
    }

    /// Advances the framing state by one byte; returns an error when the byte breaks the grammar.
    private mutating func step(_ b: UInt8) -> HTTPParseError? {
        switch state {
        case .size:
            if let digit = ByteClass.hexValue(b) {
                sizeDigits += 1
                guard size <= (Int.max >> 4) else { return .invalidChunkSize }
                size = size << 4 | digit
                lineBytes += 1
                return nil
            }
            guard sizeDigits > 0 else { return .invalidChunkSize }
            return afterSize(b)
        case .sizeWhitespace:
            return afterSize(b)
        case .sizeExtension:
            lineBytes += 1
            if lineBytes > Self.maxSizeLineBytes { return .invalidChunkSize }
            if b == ByteClass.cr { state = .sizeLF; return nil }
            if b == ByteClass.lf { return .invalidChunkFraming }
            return b == ByteClass.tab || (b >= 0x20 && b != 0x7F) || b >= 0x80 ? nil : .invalidChunkFraming
        case .sizeLF:
            guard b == ByteClass.lf else { return .invalidChunkFraming }
            return endOfSizeLine()
        case .dataCR:
            guard b == ByteClass.cr else { return .invalidChunkFraming }
            state = .dataLF
        case .dataLF:
            guard b == ByteClass.lf else { return .invalidChunkFraming }
            state = .size
        case .trailerLineStart:
            if b == ByteClass.cr { state = .finalLF; return nil }
            return trailerByte(b)
        case .trailerLine:
            return trailerByte(b)
        case .trailerLF:
            guard b == ByteClass.lf else { return .invalidChunkFraming }
            state = .trailerLineStart
        case .finalLF:
            guard b == ByteClass.lf else { return .invalidChunkFraming }
            state = .done
        case .data, .done:
            break
        }
        return nil
    }

    private mutating func afterSize(_ b: UInt8) -> HTTPParseError? {
        lineBytes += 1
        switch b {
        case ByteClass.cr: state = .sizeLF
        case UInt8(ascii: ";"): state = .sizeExtension
        case ByteClass.space, ByteClass.tab: state = .sizeWhitespace  // BWS before ';' (RFC 9112 §7.1.1)
        case ByteClass.lf: return .invalidChunkFraming
        default: return .invalidChunkSize
        }
        return nil
    }

    private mutating func endOfSizeLine() -> HTTPParseError? {
        lineBytes = 0
        sizeDigits = 0
        let chunk = size
        size = 0
        if chunk == 0 { state = .trailerLineStart; return nil }
        guard chunk <= maxBodyBytes - bodyBytes else { return .bodyTooLarge(limit: maxBodyBytes) }
        bodyBytes += chunk
        state = .data(remaining: chunk)
        return nil
    }

    private mutating func trailerByte(_ b: UInt8) -> HTTPParseError? {
        trailerBytes += 1
        if trailerBytes > maxTrailerBytes { return .trailerSectionTooLarge(limit: maxTrailerBytes) }
        switch b {
        case ByteClass.cr: state = .trailerLF
        case ByteClass.lf: return .invalidChunkFraming
        default:
            guard ByteClass.isFieldValue(b) || b == ByteClass.colon else { return .invalidHeaderValue }
            state = .trailerLine
        }
        return nil
    }
}
