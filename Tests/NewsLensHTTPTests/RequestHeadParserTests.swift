import Testing
@testable import NewsLensHTTP

/// Table of requests, each fed whole and split at every byte position.
@Suite struct RequestHeadParserTests {
    struct Valid: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let method: HTTPMethod
        let path: String
        let query: String?
        let framing: BodyFraming
        let keepAlive: Bool
        var testDescription: String { name }
    }

    static let valid: [Valid] = [
        Valid(name: "simple GET", text: "GET / HTTP/1.1\r\nHost: a\r\n\r\n", method: .get, path: "/", query: nil,
              framing: .none, keepAlive: true),
        Valid(name: "query and headers", text: "GET /v1/articles?limit=5&x=%20 HTTP/1.1\r\nHost: example.org:8080\r\nAccept: */*\r\nX-Empty:\r\n\r\n",
              method: .get, path: "/v1/articles", query: "limit=5&x=%20", framing: .none, keepAlive: true),
        Valid(name: "POST with length", text: "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n",
              method: .post, path: "/echo", query: nil, framing: .contentLength(5), keepAlive: true),
        Valid(name: "identical duplicate lengths", text: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3, 3\r\n\r\n",
              method: .post, path: "/", query: nil, framing: .contentLength(3), keepAlive: true),
        Valid(name: "chunked any case", text: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: ChUnKeD\r\n\r\n",
              method: .post, path: "/", query: nil, framing: .chunked, keepAlive: true),
        Valid(name: "connection close", text: "GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive, Close\r\n\r\n",
              method: .get, path: "/", query: nil, framing: .none, keepAlive: false),
        Valid(name: "HTTP/1.0 without host closes", text: "GET /x HTTP/1.0\r\n\r\n", method: .get, path: "/x", query: nil,
              framing: .none, keepAlive: false),
        Valid(name: "HTTP/1.0 keep-alive", text: "GET /x HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", method: .get,
              path: "/x", query: nil, framing: .none, keepAlive: true),
        Valid(name: "leading empty lines", text: "\r\n\r\nHEAD /a HTTP/1.1\r\nHost: a\r\n\r\n", method: .head, path: "/a",
              query: nil, framing: .none, keepAlive: true),
        Valid(name: "absolute form", text: "GET http://example.org/p/q?z=1 HTTP/1.1\r\nHost: other\r\n\r\n", method: .get,
              path: "/p/q", query: "z=1", framing: .none, keepAlive: true),
        Valid(name: "absolute form without host header", text: "GET HTTPS://example.org/p HTTP/1.1\r\n\r\n", method: .get,
              path: "/p", query: nil, framing: .none, keepAlive: true),
        Valid(name: "OPTIONS asterisk", text: "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n", method: .options, path: "*",
              query: nil, framing: .none, keepAlive: true),
        Valid(name: "tabs and obs-text in value", text: "GET / HTTP/1.1\r\nHost: a\r\nX-V: \ta b\u{00E9}\t \r\n\r\n",
              method: .get, path: "/", query: nil, framing: .none, keepAlive: true),
        Valid(name: "zero length", text: "PUT /x HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n", method: .put,
              path: "/x", query: nil, framing: .none, keepAlive: true),
        Valid(name: "expect continue", text: "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n\r\n",
              method: .post, path: "/", query: nil, framing: .contentLength(2), keepAlive: true),
        Valid(name: "empty host value", text: "GET / HTTP/1.1\r\nHost:\r\n\r\n", method: .get, path: "/", query: nil,
              framing: .none, keepAlive: true),
    ]

    struct Invalid: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let status: Int
        var testDescription: String { name }
    }

    static let invalid: [Invalid] = [
        Invalid(name: "space in target", text: "GET /a b HTTP/1.1\r\nHost: a\r\n\r\n", status: 400),
        Invalid(name: "HTTP/9.9", text: "GET / HTTP/9.9\r\nHost: a\r\n\r\n", status: 505),
        Invalid(name: "HTTP/2.0 preface", text: "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", status: 505),
        Invalid(name: "HTTP/0.9", text: "GET /\r\n\r\n", status: 400),
        Invalid(name: "lowercase version", text: "GET / http/1.1\r\nHost: a\r\n\r\n", status: 400),
        Invalid(name: "unknown method", text: "FOO / HTTP/1.1\r\nHost: a\r\n\r\n", status: 501),
        Invalid(name: "CONNECT", text: "CONNECT a:443 HTTP/1.1\r\nHost: a\r\n\r\n", status: 501),
        Invalid(name: "invalid method token", text: "G(T / HTTP/1.1\r\nHost: a\r\n\r\n", status: 400),
        Invalid(name: "asterisk for GET", text: "GET * HTTP/1.1\r\nHost: a\r\n\r\n", status: 400),
        Invalid(name: "relative target", text: "GET a/b HTTP/1.1\r\nHost: a\r\n\r\n", status: 400),
        Invalid(name: "fragment", text: "GET /a#b HTTP/1.1\r\nHost: a\r\n\r\n", status: 400),
        Invalid(name: "DEL in target", text: "GET /a\u{7F} HTTP/1.1\r\nHost: a\r\n\r\n", status: 400),
        Invalid(name: "missing host", text: "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", status: 400),
        Invalid(name: "duplicate host", text: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", status: 400),
        Invalid(name: "invalid host", text: "GET / HTTP/1.1\r\nHost: ex/ample\r\n\r\n", status: 400),
        Invalid(name: "space before colon", text: "GET / HTTP/1.1\r\nHost: a\r\nX-Foo : bar\r\n\r\n", status: 400),
        Invalid(name: "invalid name", text: "GET / HTTP/1.1\r\nHost: a\r\nX-Bad[]: v\r\n\r\n", status: 400),
        Invalid(name: "empty name", text: "GET / HTTP/1.1\r\nHost: a\r\n: v\r\n\r\n", status: 400),
        Invalid(name: "no colon", text: "GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", status: 400),
        Invalid(name: "NUL in value", text: "GET / HTTP/1.1\r\nHost: a\r\nX-Foo: a\u{0}b\r\n\r\n", status: 400),
        Invalid(name: "bare CR in value", text: "GET / HTTP/1.1\r\nHost: a\r\nX-Foo: a\rb\r\n\r\n", status: 400),
        Invalid(name: "obs-fold", text: "GET / HTTP/1.1\r\nHost: a\r\nX-Folded: a\r\n b\r\n\r\n", status: 400),
        Invalid(name: "bare LF line ends", text: "GET / HTTP/1.1\nHost: a\n\n", status: 400),
        Invalid(name: "bare LF in headers", text: "GET / HTTP/1.1\r\nHost: a\nX: y\r\n\r\n", status: 400),
        Invalid(name: "CL and TE", text: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", status: 400),
        Invalid(name: "conflicting CL", text: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n", status: 400),
        Invalid(name: "conflicting CL list", text: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 4\r\n\r\n", status: 400),
        Invalid(name: "negative CL", text: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", status: 400),
        Invalid(name: "plus CL", text: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +1\r\n\r\n", status: 400),
        Invalid(name: "non-numeric CL", text: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n", status: 400),
        Invalid(name: "empty CL", text: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length:\r\n\r\n", status: 400),
        Invalid(name: "overflowing CL", text: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", status: 400),
        Invalid(name: "TE in HTTP/1.0", text: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", status: 400),
        Invalid(name: "TE gzip only", text: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", status: 501),
        Invalid(name: "TE unknown then chunked", text: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: foo, chunked\r\n\r\n", status: 501),
        Invalid(name: "TE chunked twice", text: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n", status: 400),
        Invalid(name: "TE empty", text: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: ,\r\n\r\n", status: 501),
        Invalid(name: "unsupported expectation", text: "POST / HTTP/1.1\r\nHost: a\r\nExpect: teapot\r\n\r\n", status: 417),
        Invalid(name: "request line too long", text: "GET /" + String(repeating: "a", count: 300) + " HTTP/1.1\r\nHost: a\r\n\r\n", status: 414),
        Invalid(name: "header section too large", text: "GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "b", count: 600) + "\r\n\r\n", status: 431),
        Invalid(name: "too many fields", text: "GET / HTTP/1.1\r\nHost: a\r\n" + String(repeating: "X: y\r\n", count: 9) + "\r\n", status: 431),
        Invalid(name: "too many empty lines", text: String(repeating: "\r\n", count: 9) + "GET / HTTP/1.1\r\nHost: a\r\n\r\n", status: 400),
    ]

    /// Small limits so the limit cases stay small.
    static var limits: HTTPLimits {
        var limits = HTTPLimits()
        limits.maxRequestLineBytes = 256
        limits.maxHeaderBytes = 512
        limits.maxHeaderCount = 8
        return limits
    }

    /// Feeds `bytes[0..<split]` then the whole: returns the outcome of each call.
    static func feed(_ bytes: [UInt8], split: Int) -> (RequestHeadParser.Outcome, RequestHeadParser.Outcome) {
        var parser = RequestHeadParser(limits: limits)
        let first = bytes.withUnsafeBytes { parser.parse(UnsafeRawBufferPointer(rebasing: $0[0..<split])) }
        if case .needMore = first {
            return (first, bytes.withUnsafeBytes { parser.parse($0) })
        }
        return (first, first)
    }

    @Test(arguments: valid)
    func parsesValidRequestAtEverySplit(_ case_: Valid) throws {
        let bytes = Array(case_.text.utf8)
        for split in 0...bytes.count {
            let (first, final) = Self.feed(bytes, split: split)
            if split < bytes.count {
                guard case .needMore = first else {
                    Issue.record("\(case_.name): split \(split) gave \(first) before the end")
                    return
                }
            }
            guard case .complete(let head, let consumed) = final else {
                Issue.record("\(case_.name): split \(split) ended with \(final)")
                return
            }
            #expect(consumed == bytes.count)
            #expect(head.method == case_.method)
            #expect(Request(head: head).path == case_.path)
            #expect(head.query == case_.query)
            #expect(head.framing == case_.framing)
            #expect(head.keepAlive == case_.keepAlive, "\(case_.name)")
        }
    }

    @Test(arguments: invalid)
    func rejectsInvalidRequestAtEverySplit(_ case_: Invalid) {
        let bytes = Array(case_.text.utf8)
        for split in 0...bytes.count {
            let (_, final) = Self.feed(bytes, split: split)
            guard case .failed(let error) = final else {
                Issue.record("\(case_.name): split \(split) gave \(final), expected \(case_.status)")
                return
            }
            #expect(error.status.code == case_.status, "\(case_.name) at split \(split): \(error)")
        }
    }

    @Test func headersAreCaseInsensitiveAndKeepRepeats() throws {
        let text = "GET / HTTP/1.1\r\nHost: a\r\nX-Tag: one\r\nx-tag: two\r\nAccept-Encoding: br, gzip;q=0.5\r\n\r\n"
        var parser = RequestHeadParser()
        let outcome = Array(text.utf8).withUnsafeBytes { parser.parse($0) }
        guard case .complete(let head, _) = outcome else { Issue.record("not parsed"); return }
        #expect(head.headers["X-TAG"] == "one")
        #expect(head.headers.values("x-tag") == ["one", "two"])
        #expect(head.headers["missing"] == nil)
        #expect(head.headers.count == 4)
        #expect(head.acceptsGzip)
    }

    @Test func leavesPipelinedBytesUnconsumed() {
        let first = "GET /a HTTP/1.1\r\nHost: a\r\n\r\n"
        let bytes = Array((first + "GET /b HTTP/1.1\r\nHost: a\r\n\r\n").utf8)
        var parser = RequestHeadParser()
        guard case .complete(_, let consumed) = bytes.withUnsafeBytes({ parser.parse($0) }) else {
            Issue.record("first request not parsed")
            return
        }
        #expect(consumed == first.utf8.count)
    }

    @Test func refusesEndlessRequestLineBeforeItEnds() {
        var parser = RequestHeadParser(limits: Self.limits)
        let bytes = Array(("GET /" + String(repeating: "a", count: 1000)).utf8)
        guard case .failed(let error) = bytes.withUnsafeBytes({ parser.parse($0) }) else {
            Issue.record("expected 414 without waiting for the line end")
            return
        }
        #expect(error.status == .uriTooLong)
    }
}
