import NewsLensExtraction
import NewsLensHTTP
import NewsLensJSON
import NewsLensStore

/// Every error the API answers, as RFC 9457 problem responses with a `detail` a person can act on. One
/// place, so the wording, status and extra headers of a kind of error are the same on every route (and
/// match what `openapi.json` promises).
enum ProblemResponses {
    static func badRequest(_ detail: String) -> Response { .problem(.badRequest, detail) }

    /// 422, not 400: the request is well-formed HTTP and its framing was read correctly, there is just
    /// nothing in it to analyse (a 400 would read as a framing or syntax rejection to proxies and probes).
    static func emptyBody(_ what: String = "article") -> Response {
        .problem(.unprocessableContent, "The request body is empty (or only white space); send the \(what) as "
            + "text/plain, text/html or application/json.")
    }

    /// A JSON member that is there but holds only white space.
    static func blankMember(_ name: String) -> Response {
        .problem(.unprocessableContent, "The \"\(name)\" member is empty (or only white space); put the article in it.")
    }

    /// Input the engine is not run on (`AnalysisLimits`): well-formed, but no article looks like it.
    static func beyondAnalysisLimits(_ violation: AnalysisLimits.Violation) -> Response {
        .problem(.unprocessableContent, violation.description)
    }

    static func notUTF8(at offset: Int) -> Response {
        .problem(.badRequest, "The request body is not valid UTF-8 (first bad byte at offset \(offset)); "
            + "send UTF-8 text, or name the charset in Content-Type (utf-8, us-ascii, iso-8859-1, windows-1252).")
    }

    static func malformedJSON(_ error: JSONParseError) -> Response {
        .problem(Problem(.badRequest,
                         detail: "The JSON body is malformed: \(error.message) at line \(error.line), column \(error.column).",
                         extensions: [("line", String(error.line)), ("column", String(error.column))]))
    }

    static func wrongJSONShape(_ error: JSONFieldError) -> Response {
        .problem(.badRequest, "The JSON body has the wrong shape: \(error.description); "
            + #"send {"text": "..."} or {"html": "...", "url": "..."}."#)
    }

    /// 415 with the media types that would work (RFC 9110 §15.5.16).
    static func unsupportedMediaType(_ detail: String) -> Response {
        .problem(.unsupportedMediaType, detail,
                 headers: [HTTPField("Accept-Post", "text/plain; charset=utf-8, text/html, application/json")])
    }

    static func articleNotFound(_ id: String) -> Response {
        .problem(.notFound, "No stored article has the id '\(id)'. List the stored articles with GET /v1/articles.")
    }

    static func participantNotFound(_ id: String) -> Response {
        .problem(.notFound, "No participant of the stored articles has the id or name '\(id)'. "
            + "List them with GET /v1/participants.")
    }

    /// A query parameter with a value the route does not accept.
    static func invalidParameter(_ name: String, _ value: String, expected: String) -> Response {
        .problem(Problem(.badRequest, detail: "Query parameter '\(name)' is '\(value)'; it must be \(expected).",
                         extensions: [("parameter", name)]))
    }

    static func invalidCursor() -> Response {
        .problem(Problem(.badRequest,
                         detail: "Query parameter 'cursor' is not a cursor this list issued (it may be damaged, or "
                            + "come from another list); start again without a cursor.",
                         extensions: [("parameter", "cursor")]))
    }

    static func storeLoading() -> Response {
        .problem(.serviceUnavailable, "The article store is still loading its data from disk; retry in a moment.",
                 headers: [HTTPField("Retry-After", "1")])
    }

    /// 401 (RFC 6750 §3): no key, or the wrong one.
    static func unauthorized(wrongKey: Bool) -> Response {
        let challenge = wrongKey ? #"Bearer realm="newslens", error="invalid_token""# : #"Bearer realm="newslens""#
        let detail = wrongKey
            ? "The API key in the Authorization header is not the one this server was started with."
            : "Writes on this server need its API key: send 'Authorization: Bearer <key>'."
        return .problem(.unauthorized, detail, headers: [HTTPField("WWW-Authenticate", challenge)])
    }

    static func originNotAllowed(_ origin: String) -> Response {
        .problem(.forbidden, "Web pages on \(origin) may not write to this server; start it with that origin in "
            + "--cors-origins (or NEWSLENS_CORS_ORIGINS) to allow them.")
    }

    /// The store refused a write or a list: limits → 507, storage → 503, cursor → 400.
    static func store(_ error: StoreError) -> Response {
        switch error {
        case .articleLimitReached(let limit):
            return .problem(.insufficientStorage, "The store holds its maximum of \(limit) articles; delete "
                + "articles (DELETE /v1/articles/{id}) or restart the server with a higher --max-articles.")
        case .memoryBudgetExceeded(let budget, let used, let needed):
            return .problem(.insufficientStorage, "Storing this article (about \(needed) bytes) would exceed the "
                + "store's memory budget of \(budget) bytes (\(used) in use); delete articles or restart the "
                + "server with a higher --memory-budget.")
        case .storageUnavailable(let reason):
            return .problem(.serviceUnavailable, "The write could not be made durable: \(reason). Nothing was "
                + "changed; reads keep working. Free disk space or make the data directory writable, then retry.",
                headers: [HTTPField("Retry-After", "5")])
        case .invalidCursor:
            return invalidCursor()
        case .dataDirectoryUnusable(let path, let reason):
            return .problem(.serviceUnavailable, "The data directory \(path) cannot be used: \(reason).")
        }
    }
}
