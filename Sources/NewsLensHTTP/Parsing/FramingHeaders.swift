/// Collects the header fields that decide message framing and connection handling while the field lines are
/// validated: Host, Content-Length, Transfer-Encoding, Connection, Expect.
struct FramingHeaders {
    var hostCount = 0
    var contentLength: Int?
    var sawContentLength = false
    var sawTransferEncoding = false
    var codings: [Coding] = []
    var connectionClose = false
    var connectionKeepAlive = false
    var expectsContinue = false

    enum Coding { case chunked, other }

    /// Records one field; returns an error when the field alone already makes the request invalid.
    mutating func note(name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) -> HTTPParseError? {
        switch name.count {
        case 4 where ByteClass.equalsLowercase(name, "host"):
            hostCount += 1
            if hostCount > 1 { return .duplicateHost }
            for b in value where !ByteClass.isHost(b) { return .invalidHost }
        case 14 where ByteClass.equalsLowercase(name, "content-length"):
            // RFC 9112 §6.3: a list of identical values may be accepted; anything else is invalid.
            sawContentLength = true
            var any = false
            for element in value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                guard let n = Self.decimal(trimmed(element)) else { return .invalidContentLength }
                if let previous = contentLength, previous != n { return .conflictingContentLength }
                contentLength = n
                any = true
            }
            if !any { return .invalidContentLength }
        case 17 where ByteClass.equalsLowercase(name, "transfer-encoding"):
            sawTransferEncoding = true
            for element in value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                var token = trimmed(element)
                if let semicolon = token.firstIndex(of: UInt8(ascii: ";")) { token = trimmed(token[..<semicolon]) }
                if token.isEmpty { continue }  // empty list elements are allowed (RFC 9110 §5.6.1)
                codings.append(Self.isChunked(token) ? .chunked : .other)
            }
        case 10 where ByteClass.equalsLowercase(name, "connection"):
            for element in value.split(separator: UInt8(ascii: ",")) {
                let token = trimmed(element)
                if Self.equalsLowercase(token, "close") { connectionClose = true }
                if Self.equalsLowercase(token, "keep-alive") { connectionKeepAlive = true }
            }
        case 6 where ByteClass.equalsLowercase(name, "expect"):
            guard Self.equalsLowercase(trimmed(value[...]), "100-continue") else { return .unsupportedExpectation }
            expectsContinue = true
        default:
            break
        }
        return nil
    }

    /// RFC 9112 §6.1 / §6.3: decide how the body is delimited, or why the request cannot be read safely.
    func resolve(version: HTTPVersion, method: HTTPMethod) -> Result<BodyFraming, HTTPParseError> {
        if sawTransferEncoding {
            if sawContentLength { return .failure(.contentLengthWithTransferEncoding) }
            if version == .http1_0 { return .failure(.transferEncodingInHTTP10) }
            if codings.isEmpty { return .failure(.unsupportedTransferCoding) }
            if codings.contains(.other) { return .failure(.unsupportedTransferCoding) }
            // chunked applied twice, or not last: the length cannot be determined.
            if codings.count != 1 { return .failure(.chunkedNotFinal) }
            return .success(.chunked)
        }
        if let contentLength, contentLength > 0 { return .success(.contentLength(contentLength)) }
        return .success(.none)
    }

    private func trimmed(_ s: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
        var lo = s.startIndex, hi = s.endIndex
        while lo < hi, s[lo] == ByteClass.space || s[lo] == ByteClass.tab { lo += 1 }
        while hi > lo, s[hi - 1] == ByteClass.space || s[hi - 1] == ByteClass.tab { hi -= 1 }
        return s[lo..<hi]
    }

    /// 1*DIGIT without sign; nil on overflow or any other character.
    static func decimal(_ s: Slice<UnsafeRawBufferPointer>) -> Int? {
        guard !s.isEmpty else { return nil }
        var n = 0
        for b in s {
            guard b >= 0x30, b <= 0x39 else { return nil }
            let (times, o1) = n.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(b - 0x30))
            if o1 || o2 { return nil }
            n = sum
        }
        return n
    }

    private static func isChunked(_ s: Slice<UnsafeRawBufferPointer>) -> Bool { equalsLowercase(s, "chunked") }

    static func equalsLowercase(_ s: Slice<UnsafeRawBufferPointer>, _ literal: StaticString) -> Bool {
        ByteClass.equalsLowercase(UnsafeRawBufferPointer(rebasing: s), literal)
    }
}
