/// request-line = method SP request-target SP HTTP-version (RFC 9112 §3), with target forms §3.2.
struct RequestLine {
    var method: HTTPMethod
    var version: HTTPVersion
    /// Offsets relative to the start of the request line (= start of the stored head).
    var target: Range<Int>
    var path: Range<Int>
    var query: Range<Int>?
    var isAbsoluteForm = false

    static func parse(_ line: UnsafeRawBufferPointer) -> Result<RequestLine, HTTPParseError> {
        var i = 0
        while i < line.count, ByteClass.isToken(line[i]) { i += 1 }
        guard i < line.count, line[i] == ByteClass.space else {
            return .failure(i == line.count ? .malformedRequestLine : .invalidMethod)
        }
        guard i > 0 else { return .failure(.malformedRequestLine) }
        let methodEnd = i
        // The version is after the last SP; a target may not contain SP, so a second SP is an error.
        var lastSpace = line.count - 1
        while lastSpace > methodEnd, line[lastSpace] != ByteClass.space { lastSpace -= 1 }
        guard lastSpace > methodEnd + 1 else { return .failure(.malformedRequestLine) }  // HTTP/0.9 "GET /"
        let version: HTTPVersion
        switch parseVersion(UnsafeRawBufferPointer(rebasing: line[(lastSpace + 1)...])) {
        case .failure(let error): return .failure(error)
        case .success(let v): version = v
        }
        let target = (methodEnd + 1)..<lastSpace
        for k in target where !ByteClass.isTarget(line[k]) { return .failure(.invalidTarget) }
        guard let method = HTTPMethod.recognize(UnsafeRawBufferPointer(rebasing: line[0..<methodEnd])) else {
            return .failure(.unknownMethod)
        }
        if method == .connect { return .failure(.unknownMethod) }  // no tunnelling here
        return splitTarget(line, target).map { (path, query, absolute) in
            RequestLine(method: method, version: version, target: target, path: path, query: query,
                        isAbsoluteForm: absolute)
        }.flatMap { parsed in
            if !parsed.path.isEmpty, line[parsed.path.lowerBound] == UInt8(ascii: "*"), method != .options {
                return .failure(.invalidTarget)
            }
            return .success(parsed)
        }
    }

    /// HTTP-version = "HTTP/" DIGIT "." DIGIT (RFC 9112 §2.3).
    private static func parseVersion(_ v: UnsafeRawBufferPointer) -> Result<HTTPVersion, HTTPParseError> {
        guard v.count == 8, v[0] == 0x48, v[1] == 0x54, v[2] == 0x54, v[3] == 0x50, v[4] == 0x2F, v[6] == 0x2E,
              (0x30...0x39).contains(v[5]), (0x30...0x39).contains(v[7])
        else { return .failure(.malformedRequestLine) }
        if v[5] == 0x31 && v[7] == 0x31 { return .success(.http1_1) }
        if v[5] == 0x31 && v[7] == 0x30 { return .success(.http1_0) }
        return .failure(.unsupportedVersion)
    }

    /// origin-form, absolute-form (http/https; the path part is routed, the authority wins over Host, RFC 9112
    /// §3.2.2) and asterisk-form. Fragments are not part of a request target.
    private static func splitTarget(_ line: UnsafeRawBufferPointer, _ target: Range<Int>)
        -> Result<(Range<Int>, Range<Int>?, Bool), HTTPParseError>
    {
        var pathStart = target.lowerBound
        var absolute = false
        let first = line[pathStart]
        if first == UInt8(ascii: "*") {
            guard target.count == 1 else { return .failure(.invalidTarget) }
            return .success((target, nil, false))
        }
        if first != UInt8(ascii: "/") {
            guard let afterScheme = schemeEnd(line, target) else { return .failure(.invalidTarget) }
            var k = afterScheme
            while k < target.upperBound, line[k] != UInt8(ascii: "/"), line[k] != UInt8(ascii: "?") {
                guard ByteClass.isHost(line[k]) else { return .failure(.invalidTarget) }
                k += 1
            }
            guard k > afterScheme else { return .failure(.invalidTarget) }
            // "http://host" or "http://host?q" has an empty path, which means "/" (RFC 9112 §3.2.1):
            // the path range stays empty and routing reads it as "/".
            pathStart = k
            absolute = true
        }
        var k = pathStart
        while k < target.upperBound, line[k] != UInt8(ascii: "?") {
            if line[k] == UInt8(ascii: "#") { return .failure(.invalidTarget) }
            k += 1
        }
        let path = pathStart..<k
        var query: Range<Int>?
        if k < target.upperBound {
            query = (k + 1)..<target.upperBound
            for q in query! where line[q] == UInt8(ascii: "#") { return .failure(.invalidTarget) }
        }
        return .success((path, query, absolute))
    }

    /// Index after "http://" or "https://" (case-insensitive scheme), or nil.
    private static func schemeEnd(_ line: UnsafeRawBufferPointer, _ target: Range<Int>) -> Int? {
        for (scheme, length) in [("http://", 7), ("https://", 8)] where target.count > length {
            let candidate = UnsafeRawBufferPointer(rebasing: line[target.lowerBound..<(target.lowerBound + length)])
            if zip(candidate, scheme.utf8).allSatisfy({ ByteClass.lower($0) == $1 }) {
                return target.lowerBound + length
            }
        }
        return nil
    }
}
