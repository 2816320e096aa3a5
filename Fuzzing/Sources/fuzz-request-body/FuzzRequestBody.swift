import FuzzSupport
import NewsLensHTTP
import NewsLensJSON
import NewsLensAPI

// Request bodies of POST /v1/analyze and POST /v1/articles (`RequestBodyDecoder`: media type, charset,
// UTF-8 check, JSONParser, the `text`/`html`/`url` field helpers). The first input byte picks the
// Content-Type, the rest is the body.
// Invariants: refusals are 400, 415 or 422 (empty or blank) problem documents whose JSON parses and repeats
// the status; accepted text is never blank and, for JSON, is exactly the `text` member; UTF-8 text/plain
// arrives unchanged; an HTML page's bytes are passed on untouched; `firstInvalidUTF8` agrees with the
// standard library's validation.

let contentTypes: [String?] = [
    "application/json", "application/json; charset=utf-8", "application/json; charset=UTF-8",
    "application/json; charset=latin1", "Application/JSON ; charset=\"utf-8\"",
    "text/plain", "text/plain; charset=utf-8", "text/plain;charset=US-ASCII", "text/plain; charset=windows-1252",
    "text/plain; charset=iso-8859-1", "text/plain; charset=shift_jis",
    "text/html", "text/html; charset=windows-1252", "application/xhtml+xml", "text/html; charset=utf-16le",
    nil, "", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
]

func problem(_ response: Response, _ what: String) {
    let status = response.status.code
    require(status == 400 || status == 415 || status == 422, "\(what): refused with \(status)")
    let document = try? JSONParser().parse(response.bodyBytes)
    require(document?["status"]?.intValue == status, "\(what): problem body does not repeat status \(status)")
    require(document?["detail"]?.stringValue?.isEmpty == false, "\(what): problem without a detail")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let contentType = contentTypes[Int(data[0]) % contentTypes.count]
    let body = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))

    // The decoder's UTF-8 check against the standard library's.
    let bad = RequestBodyDecoder.firstInvalidUTF8(body)
    let valid = String(validating: body, as: UTF8.self) != nil
    require((bad == nil) == valid, "firstInvalidUTF8 says \(String(describing: bad)), stdlib says valid=\(valid)")
    if let bad {
        require(bad >= 0 && bad < body.count, "bad byte offset \(bad) of \(body.count)")
        require(String(validating: body[..<bad], as: UTF8.self) != nil, "bytes before offset \(bad) are not valid")
    }

    var head = "POST /v1/analyze HTTP/1.1\r\nHost: newslens.test\r\n"
    if let contentType { head += "Content-Type: \(contentType)\r\n" }
    head += "Content-Length: \(body.count)\r\n\r\n"
    guard let request = Request.parse(head, body: body) else {
        fatalError("invariant failed: the harness's own request head does not parse: \(head)")
    }
    let media = request.mediaType
    switch RequestBodyDecoder.decode(request) {
    case .failure(let refusal):
        problem(refusal.response, "Content-Type \(String(describing: contentType))")
    case .success(.text(let text, let url)):
        require(!Blankness.isBlank(text), "blank text accepted")
        require(url.map { !$0.isEmpty } ?? true, "empty url passed on")
        if media == "application/json" {
            let member = (try? JSONParser().parse(body))?["text"]?.stringValue
            require(member == text, "text differs from the JSON member")
        } else if media == "text/plain", valid, contentType?.lowercased().contains("windows-1252") == false,
                  contentType?.lowercased().contains("iso-8859-1") == false {
            require(Array(text.utf8) == body, "UTF-8 text/plain changed on the way")
        }
    case .success(.html(let bytes, let url, _)):
        require(!bytes.isEmpty, "empty page accepted")
        require(url.map { !$0.isEmpty } ?? true, "empty url passed on")
        if media == "application/json" {
            let member = (try? JSONParser().parse(body))?["html"]?.stringValue
            require(member.map { Array($0.utf8) } == bytes, "html differs from the JSON member")
        } else {
            require(bytes == body, "the page's bytes changed on the way")
        }
    }
    return 0
}
