import NewsLensHTML
import NewsLensHTTP
import NewsLensJSON

/// An article as a client submitted it, once the body has been read and checked.
/// Public (like the decoder) for the request-body fuzz target in Fuzzing/.
public enum ArticleSubmission: Sendable, Equatable {
    /// Plain text (already decoded to a String), with the page address if the client gave one.
    case text(String, url: String?)
    /// An HTML page as bytes in whatever charset it declares; `charset` from the Content-Type, if any.
    case html([UInt8], url: String?, charset: String?)
}

/// Turns the body of `POST /v1/analyze` and `POST /v1/articles` into an `ArticleSubmission`, or into the
/// problem response that tells the client what is wrong with it:
///
/// - `text/plain` (charset utf-8 by default; us-ascii, iso-8859-1 and windows-1252 are decoded too),
/// - `text/html` (bytes handed to the HTML extractor with the Content-Type charset),
/// - `application/json` `{"text": ...}` or `{"html": ..., "url": ...}` (unknown members ignored).
///
/// Not UTF-8, malformed JSON (with line and column), a JSON body of the wrong shape → 400; an empty or
/// blank body (or member) → 422; other media types → 415.
public enum RequestBodyDecoder {
    public static func decode(_ request: Request) -> Result<ArticleSubmission, ProblemResponse> {
        let body = request.body
        guard let mediaType = request.mediaType, !mediaType.isEmpty else {
            if body.isEmpty { return .failure(ProblemResponse(ProblemResponses.emptyBody())) }
            return .failure(ProblemResponse(ProblemResponses.unsupportedMediaType(
                "The request has no Content-Type; send the article as text/plain; charset=utf-8, text/html "
                    + "or application/json.")))
        }
        let charset = request.headers["Content-Type"].flatMap(HTMLCharset.charsetParameter)
        switch mediaType {
        case "text/plain":
            return decodeText(body, charset: charset).map { .text($0, url: nil) }
        case "text/html", "application/xhtml+xml":
            if Blankness.isBlank(body) { return .failure(ProblemResponse(ProblemResponses.emptyBody("page"))) }
            return .success(.html(body, url: nil, charset: charset))
        case "application/json":
            return decodeJSON(body, charset: charset)
        default:
            return .failure(ProblemResponse(ProblemResponses.unsupportedMediaType(
                "Content-Type '\(mediaType)' is not accepted here; send the article as text/plain; "
                    + "charset=utf-8, text/html or application/json.")))
        }
    }

    /// Text in a charset we can read, as a String; blank text is an empty body.
    static func decodeText(_ body: [UInt8], charset: String?) -> Result<String, ProblemResponse> {
        if body.isEmpty { return .failure(ProblemResponse(ProblemResponses.emptyBody())) }
        let label = charset?.lowercased()
        let text: String
        switch label {
        case nil, "utf-8", "utf8", "us-ascii", "ascii":
            if let bad = firstInvalidUTF8(body) { return .failure(ProblemResponse(ProblemResponses.notUTF8(at: bad))) }
            text = String(decoding: body, as: UTF8.self)
        case let label? where HTMLCharset.fromLabel(label) == .windows1252:
            text = String(decoding: HTMLCharset.windows1252.utf8Bytes(body), as: UTF8.self)
        case let label?:
            return .failure(ProblemResponse(ProblemResponses.unsupportedMediaType(
                "charset '\(label)' is not supported for text/plain; send UTF-8 (or us-ascii, iso-8859-1, windows-1252).")))
        }
        if Blankness.isBlank(text) { return .failure(ProblemResponse(ProblemResponses.emptyBody())) }
        return .success(text)
    }

    private static func decodeJSON(_ body: [UInt8], charset: String?) -> Result<ArticleSubmission, ProblemResponse> {
        if Blankness.isBlank(body) { return .failure(ProblemResponse(ProblemResponses.emptyBody())) }
        if let charset, !["utf-8", "utf8"].contains(charset.lowercased()) {
            return .failure(ProblemResponse(ProblemResponses.unsupportedMediaType(
                "JSON must be UTF-8 (RFC 8259 §8.1); charset '\(charset)' is not accepted.")))
        }
        if let bad = firstInvalidUTF8(body) { return .failure(ProblemResponse(ProblemResponses.notUTF8(at: bad))) }
        let object: JSONObject
        do {
            let value = try JSONParser().parse(body)
            guard let parsed = value.objectValue else {
                return .failure(ProblemResponse(ProblemResponses.wrongJSONShape(
                    JSONFieldError(field: nil, expected: "an object", found: value.typeName))))
            }
            object = parsed
        } catch {
            return .failure(ProblemResponse(ProblemResponses.malformedJSON(error)))
        }
        do {
            let text = try object.string("text")
            let html = try object.string("html")
            let url = try object.string("url").flatMap { $0.isEmpty ? nil : $0 }
            switch (text, html) {
            case (let text?, nil):
                if Blankness.isBlank(text) {
                    return .failure(ProblemResponse(ProblemResponses.blankMember("text")))
                }
                return .success(.text(text, url: url))
            case (nil, let html?):
                if Blankness.isBlank(html) {
                    return .failure(ProblemResponse(ProblemResponses.blankMember("html")))
                }
                return .success(.html(Array(html.utf8), url: url, charset: "utf-8"))
            case (.some, .some):
                return .failure(ProblemResponse(ProblemResponses.badRequest(
                    #"The JSON body has both "text" and "html"; send one of them."#)))
            case (nil, nil):
                return .failure(ProblemResponse(ProblemResponses.badRequest(
                    #"The JSON body needs a "text" member (plain text) or an "html" member (a web page)."#)))
            }
        } catch {
            return .failure(ProblemResponse(ProblemResponses.wrongJSONShape(error)))
        }
    }

    /// Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or values past
    /// U+10FFFF), or nil when the bytes are valid.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c < 0x80 { i += 1; continue }
                let length: Int
                var low: UInt8 = 0x80, high: UInt8 = 0xBF
                switch c {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; high = 0x9F
                case 0xF0: length = 4; low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; high = 0x8F
                default: return i
                }
                guard i + length <= n else { return i }
                guard b[i + 1] >= low && b[i + 1] <= high else { return i }
                for k in 2..<length where b[i + k] & 0xC0 != 0x80 { return i }
                i += length
            }
            return nil
        }
    }
}

/// A problem response carried through `Result` (a `Response` is not an `Error`).
public struct ProblemResponse: Error, Sendable {
    public let response: Response
    init(_ response: Response) { self.response = response }
}

extension ProblemResponse: Equatable {
    public static func == (a: ProblemResponse, b: ProblemResponse) -> Bool {
        a.response.status == b.response.status && a.response.bodyBytes == b.response.bodyBytes
    }
}
