import Testing
@testable import NewsLensHTTP

@Suite struct MessageTests {
    @Test func queryParametersDecode() {
        let query = QueryParameters(parsing: Array("a=1&b=x%20y+z&a=2&flag&=v&bad=%zz&&".utf8))
        #expect(query["a"] == "1")
        #expect(query.values("a") == ["1", "2"])
        #expect(query["b"] == "x y z")
        #expect(query["flag"] == "")
        #expect(query["bad"] == "%zz")
        #expect(query[""] == "v")
        #expect(query["missing"] == nil)
    }

    @Test func percentDecoding() {
        #expect(PercentDecoding.decodeString(Array("%2e%2E/%41".utf8)) == "../A")
        #expect(PercentDecoding.decode(Array("%4".utf8)) == nil)
        #expect(PercentDecoding.decodeString(Array("%ff".utf8)) == nil)  // not UTF-8
        #expect(PercentDecoding.decodeString(Array("a+b".utf8)) == "a+b")
    }

    static func gzip(_ value: String) -> Bool? {
        Array(value.utf8).withUnsafeBytes { ContentNegotiation.gzipAccepted($0) }
    }

    @Test func acceptEncodingNegotiation() {
        #expect(Self.gzip("gzip") == true)
        #expect(Self.gzip("br, GZIP;q=0.5") == true)
        #expect(Self.gzip("gzip;q=0") == false)
        #expect(Self.gzip("gzip; q=0.000") == false)
        #expect(Self.gzip("*") == true)
        #expect(Self.gzip("*;q=0, br") == false)
        #expect(Self.gzip("identity") == nil)
        #expect(Self.gzip("x-gzip") == true)
    }

    static func noneMatch(_ value: String, _ etag: String) -> Bool {
        Array(value.utf8).withUnsafeBytes { ContentNegotiation.noneMatchHits($0, etag: Array(etag.utf8)) }
    }

    @Test func ifNoneMatchUsesWeakComparison() {
        #expect(Self.noneMatch("\"a\"", "\"a\""))
        #expect(Self.noneMatch("\"x\", W/\"a\"", "\"a\""))
        #expect(Self.noneMatch("\"a\"", "W/\"a\""))
        #expect(Self.noneMatch("*", "\"z\""))
        #expect(!Self.noneMatch("\"b\"", "\"a\""))
        #expect(!Self.noneMatch("a", "\"a\""))
    }

    @Test func httpDateFormatting() {
        #expect(DateHeaderCache.imfFixdate(epochSeconds: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(DateHeaderCache.imfFixdate(epochSeconds: 0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(DateHeaderCache.imfFixdate(epochSeconds: 951_782_400) == "Tue, 29 Feb 2000 00:00:00 GMT")
        var cache = DateHeaderCache()
        let line = String(decoding: cache.current(), as: UTF8.self)
        #expect(line.hasPrefix("Date: ") && line.hasSuffix(" GMT\r\n") && line.utf8.count == 37)
    }

    @Test func problemDetailsAreJSON() {
        let response = Response.problem(.notFound, "No article \"x\".")
        #expect(response.contentType == "application/problem+json")
        #expect(String(decoding: response.bodyBytes, as: UTF8.self)
            == #"{"type":"about:blank","title":"Not Found","status":404,"detail":"No article \"x\"."}"#)
    }

    @Test func preparedBodyCarriesGzipAndETag() throws {
        let json = Array(("[" + Array(repeating: "{\"quote\":\"we will talk\"}", count: 100).joined(separator: ",") + "]").utf8)
        let prepared = PreparedBody(contentType: "application/json", bytes: json)
        let gzip = try #require(prepared.gzipBytes)
        #expect(gzip.count < json.count / 4)
        #expect(prepared.etag == ETag.strong(for: json))
        #expect(prepared.etag.hasPrefix("\"") && prepared.etag.utf8.count == 18)
        #expect(String(decoding: prepared.gzipHeaderLines!, as: UTF8.self).contains("Content-Encoding: gzip\r\nContent-Length: \(gzip.count)\r\n"))
        let small = PreparedBody(contentType: "application/json", bytes: Array("{}".utf8))
        #expect(small.gzipBytes == nil)
        #expect(!String(decoding: small.identityHeaderLines, as: UTF8.self).contains("Vary"))
    }

    @Test func deadlineExpiry() {
        var deadline = ConnectionDeadline()
        #expect(deadline.expired(at: .max) == nil)
        deadline.set(.header, now: 1_000, timeout: .milliseconds(5))
        #expect(deadline.expired(at: 5_000_999) == nil)
        #expect(deadline.expired(at: 5_001_000) == .header)
        deadline.set(.idle, now: .max - 10, timeout: .seconds(75))
        #expect(deadline.expired(at: .max - 1) == nil)  // saturates instead of wrapping
        deadline.clear()
        #expect(deadline.expired(at: .max) == nil)
    }

    @Test func unsafeHeaderFieldsAreDropped() {
        #expect(ResponseEncoder.isSafe(HTTPField("X-Ok", "fine value")))
        #expect(!ResponseEncoder.isSafe(HTTPField("X-Bad", "a\r\nSet-Cookie: x")))
        #expect(!ResponseEncoder.isSafe(HTTPField("Bad Name", "v")))
    }
}
