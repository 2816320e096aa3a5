import NewsLensHTTP
import Testing
@testable import NewsLensAPI

/// `--api-key` and CORS write origins: writes need the key (401 otherwise), reads stay public; browser
/// writes from origins not allowed are 403; preflight answers follow the same rules.
@Suite struct WriteGuardTests {
    @Test func writesNeedTheKeyReadsDoNot() async {
        let api = APIHarness(apiKey: "s3cret-key")
        let missing = await api.call("POST", "/v1/articles", contentType: "text/plain", Articles.ferry)
        missing.expectProblem(.unauthorized, containing: "Authorization: Bearer")
        #expect(missing.header("WWW-Authenticate") == #"Bearer realm="newslens""#)
        let wrong = await api.call("POST", "/v1/analyze", contentType: "text/plain", Articles.ferry,
                                   headers: ["Authorization: Bearer s3cret-kez"])
        wrong.expectProblem(.unauthorized, containing: "not the one")
        #expect(wrong.header("WWW-Authenticate")?.contains("invalid_token") == true)
        await api.call("POST", "/v1/articles", contentType: "text/plain", Articles.ferry, headers: ["Authorization: Basic czNjcmV0"])
            .expectProblem(.unauthorized)
        let stored = await api.call("POST", "/v1/articles", contentType: "text/plain", Articles.ferry,
                                    headers: ["Authorization: bearer s3cret-key"])
        #expect(stored.status == .created)
        let id = stored.json["id"]?.stringValue ?? ""
        #expect(await api.call("GET", "/v1/articles/\(id)").status == .ok)
        #expect(await api.call("GET", "/v1/articles").status == .ok)
        await api.call("DELETE", "/v1/articles/\(id)").expectProblem(.unauthorized)
        #expect(await api.call("DELETE", "/v1/articles/\(id)", headers: ["Authorization: Bearer s3cret-key"]).status == .noContent)
    }

    @Test func constantTimeComparisonAndBearerParsing() {
        #expect(WriteGuard.constantTimeEquals(Array("abc".utf8), Array("abc".utf8)))
        #expect(!WriteGuard.constantTimeEquals(Array("abc".utf8), Array("abd".utf8)))
        #expect(!WriteGuard.constantTimeEquals(Array("abc".utf8), Array("abcd".utf8)))
        #expect(!WriteGuard.constantTimeEquals([], Array("a".utf8)))
        #expect(WriteGuard.constantTimeEquals([], []))
        #expect(WriteGuard.bearerToken("Bearer  tok ") == "tok")
        #expect(WriteGuard.bearerToken("BEARER tok") == "tok")
        #expect(WriteGuard.bearerToken("Bearer ") == nil)
        #expect(WriteGuard.bearerToken("Token tok") == nil)
        #expect(WriteGuard(apiKey: "", cors: nil).apiKey == nil, "an empty key leaves writes open")
    }

    @Test func browserWritesOnlyFromConfiguredOrSameOrigin() async {
        let cors = CORSPolicy(originList: "https://app.example.org, https://admin.example.org/")
        let api = APIHarness(cors: cors)
        await api.call("POST", "/v1/analyze", contentType: "text/plain", Articles.ferry, headers: ["Origin: https://evil.example"])
            .expectProblem(.forbidden, containing: "https://evil.example")
        #expect(await api.call("POST", "/v1/analyze", contentType: "text/plain", Articles.ferry,
                               headers: ["Origin: https://app.example.org"]).status == .ok)
        #expect(await api.call("POST", "/v1/analyze", contentType: "text/plain", Articles.ferry,
                               headers: ["Origin: https://ADMIN.example.org"]).status == .ok)
        // The page served by this server itself (Origin equals the Host).
        #expect(await api.call("POST", "/v1/analyze", contentType: "text/plain", Articles.ferry,
                               headers: ["Origin: http://newslens.test"]).status == .ok)
        // Reads from anywhere.
        #expect(await api.call("GET", "/v1/articles", headers: ["Origin: https://evil.example"]).status == .ok)
        // Any origin by default.
        let open = APIHarness()
        #expect(await open.call("POST", "/v1/analyze", contentType: "text/plain", Articles.ferry,
                                headers: ["Origin: https://evil.example"]).status == .ok)
    }

    @Test func preflightAllowsAuthorizationHeader() async {
        let api = APIHarness()
        let preflight = await api.call("OPTIONS", "/v1/articles", headers: [
            "Origin: https://app.example.org", "Access-Control-Request-Method: POST",
            "Access-Control-Request-Headers: authorization, content-type",
        ])
        #expect(preflight.status == .noContent)
        #expect(preflight.header("Access-Control-Allow-Headers")?.contains("Authorization") == true)
        #expect(preflight.header("Access-Control-Allow-Methods") == "GET, HEAD, POST, OPTIONS")
    }

    @Test func corsListParsing() {
        #expect(CORSPolicy(originList: "") == nil)
        #expect(CORSPolicy(originList: " , ") == nil)
        #expect(CORSPolicy(originList: "*")?.allowsAnyWriteOrigin == true)
        #expect(CORSPolicy(originList: "https://a.example, *")?.allowsAnyWriteOrigin == true)
        let two = CORSPolicy(originList: "https://a.example,https://b.example:8443")
        #expect(two?.writeOrigins == ["https://a.example", "https://b.example:8443"])
        #expect(two?.allowsWrite(origin: "https://b.example:8443", host: nil) == true)
        #expect(two?.allowsWrite(origin: "https://c.example", host: nil) == false)
        #expect(two?.allowsWrite(origin: "http://localhost:8080", host: "localhost:8080") == true)
    }
}
