/// Second half of request-head parsing: once the parser has found the line boundaries, validate the request
/// line and every field line, and work out the framing (RFC 9112 §6) and connection semantics.
enum RequestHeadBuilder {
    static func build(
        buffer: UnsafeRawBufferPointer, requestStart: Int, requestLineEnd: Int, fieldLines: [Range<Int>], end: Int
    ) -> Result<RequestHead, HTTPParseError> {
        let line = RequestLine.parse(UnsafeRawBufferPointer(rebasing: buffer[requestStart..<requestLineEnd]))
        guard case .success(let requestLine) = line else {
            if case .failure(let error) = line { return .failure(error) }
            fatalError("unreachable")
        }
        var fields: [RequestHeaders.Field] = []
        fields.reserveCapacity(fieldLines.count)
        var semantics = FramingHeaders()
        for range in fieldLines {
            switch parseField(buffer, range, offset: requestStart) {
            case .failure(let error): return .failure(error)
            case .success(let field):
                fields.append(field)
                let name = UnsafeRawBufferPointer(
                    rebasing: buffer[(Int(field.nameStart) + requestStart)..<(Int(field.nameEnd) + requestStart)])
                let value = UnsafeRawBufferPointer(
                    rebasing: buffer[(Int(field.valueStart) + requestStart)..<(Int(field.valueEnd) + requestStart)])
                if let error = semantics.note(name: name, value: value) { return .failure(error) }
            }
        }
        let framing: BodyFraming
        switch semantics.resolve(version: requestLine.version, method: requestLine.method) {
        case .failure(let error): return .failure(error)
        case .success(let resolved): framing = resolved
        }
        if requestLine.isAbsoluteForm == false, semantics.hostCount == 0, requestLine.version == .http1_1 {
            return .failure(.missingHost)
        }
        let storage = Array(UnsafeRawBufferPointer(rebasing: buffer[requestStart..<end]))
        let keepAlive: Bool =
            switch requestLine.version {
            case .http1_1: !semantics.connectionClose
            case .http1_0: semantics.connectionKeepAlive && !semantics.connectionClose
            }
        return .success(
            RequestHead(
                method: requestLine.method, version: requestLine.version,
                headers: RequestHeaders(storage: storage, fields: fields),
                targetRange: requestLine.target, pathRange: requestLine.path, queryRange: requestLine.query,
                framing: framing, keepAlive: keepAlive, expectsContinue: semantics.expectsContinue
            ))
    }

    /// field-line = field-name ":" OWS field-value OWS (RFC 9112 §5). Offsets returned relative to `offset`.
    private static func parseField(_ buffer: UnsafeRawBufferPointer, _ range: Range<Int>, offset: Int)
        -> Result<RequestHeaders.Field, HTTPParseError>
    {
        let first = buffer[range.lowerBound]
        // RFC 9112 §5.2: obs-fold (a line starting with SP/HTAB) is rejected with 400.
        if first == ByteClass.space || first == ByteClass.tab { return .failure(.obsoleteLineFolding) }
        var i = range.lowerBound
        while i < range.upperBound, ByteClass.isToken(buffer[i]) { i += 1 }
        guard i < range.upperBound, i > range.lowerBound else { return .failure(.invalidHeaderName) }
        let stop = buffer[i]
        if stop != ByteClass.colon {
            // RFC 9112 §5.1: whitespace between name and colon MUST be rejected with 400.
            return .failure(stop == ByteClass.space || stop == ByteClass.tab ? .whitespaceBeforeColon : .invalidHeaderName)
        }
        let nameEnd = i
        i += 1
        while i < range.upperBound, buffer[i] == ByteClass.space || buffer[i] == ByteClass.tab { i += 1 }
        let valueStart = i
        var valueEnd = valueStart
        while i < range.upperBound {
            let b = buffer[i]
            guard ByteClass.isFieldValue(b) else { return .failure(.invalidHeaderValue) }
            i += 1
            if b != ByteClass.space && b != ByteClass.tab { valueEnd = i }
        }
        return .success(
            RequestHeaders.Field(
                nameStart: Int32(range.lowerBound - offset), nameEnd: Int32(nameEnd - offset),
                valueStart: Int32(valueStart - offset), valueEnd: Int32(valueEnd - offset)))
    }
}
