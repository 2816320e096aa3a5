import NewsLensExtraction
import NewsLensJSON

/// Rebuilds an `Analysis` from its JSON (the inverse of `Analysis.write(to:)`), so the store can restart
/// from journaled JSON without re-running the engine. Unknown members are ignored and absent optional
/// ones take their defaults; a member of the wrong type is an error naming its path.
enum AnalysisDecoder {
    struct Failure: Error, Sendable, CustomStringConvertible {
        var path: String
        var expected: String
        var description: String { "\(path): expected \(expected)" }
    }

    static func decode(_ v: JSONValue) throws -> Analysis {
        let o = try object(v, "$")
        var article = Article()
        if let a = o["article"] { article = try decodeArticle(a) }
        return Analysis(
            id: try string(o["id"], "$.id") ?? "",
            article: article,
            quotes: try array(o["quotes"], "$.quotes").enumerated().map { try decodeQuote($1, "$.quotes[\($0)]") },
            participants: try array(o["participants"], "$.participants").enumerated().map {
                try decodeParticipant($1, "$.participants[\($0)]")
            })
    }

    static func decodeArticle(_ v: JSONValue) throws -> Article {
        let o = try object(v, "$.article")
        var a = Article()
        a.headline = try string(o["headline"], "$.article.headline")
        a.author = try array(o["author"], "$.article.author").enumerated().map { i, x in
            Author(name: try string(try object(x, "$.article.author[\(i)]")["name"], "$.article.author[\(i)].name") ?? "")
        }
        a.datePublished = try string(o["datePublished"], "$.article.datePublished")
        a.dateModified = try string(o["dateModified"], "$.article.dateModified")
        a.datePublishedRaw = try string(o["datePublishedRaw"], "$.article.datePublishedRaw")
        a.dateModifiedRaw = try string(o["dateModifiedRaw"], "$.article.dateModifiedRaw")
        a.dateline = try string(o["dateline"], "$.article.dateline")
        a.publisher = try string(o["publisher"], "$.article.publisher")
        a.source = try string(o["source"], "$.article.source")
        a.url = try string(o["url"], "$.article.url")
        a.inLanguage = try string(o["inLanguage"], "$.article.inLanguage") ?? "en"
        a.paragraphs = try strings(o["paragraphs"], "$.article.paragraphs")
        a.captions = try array(o["captions"], "$.article.captions").enumerated().map { i, x in
            let c = try object(x, "$.article.captions[\(i)]")
            return Caption(text: try string(c["text"], "$.article.captions[\(i)].text") ?? "",
                           credit: try string(c["credit"], "$.article.captions[\(i)].credit"))
        }
        a.removedBoilerplate = try strings(o["removedBoilerplate"], "$.article.removedBoilerplate")
        a.wordCount = try int(o["wordCount"], "$.article.wordCount") ?? 0
        return a
    }

    static func decodeQuote(_ v: JSONValue, _ path: String) throws -> Quote {
        let o = try object(v, path)
        guard let kindName = try string(o["kind"], path + ".kind"), let kind = QuoteKind(rawValue: kindName) else {
            throw Failure(path: path + ".kind", expected: "one of direct, partial, indirect")
        }
        var speaker: Speaker? = nil
        if let s = o["speaker"], !s.isNull {
            let so = try object(s, path + ".speaker")
            var mention: SpeakerMention? = nil
            if let m = so["mention"], !m.isNull {
                let mo = try object(m, path + ".speaker.mention")
                mention = SpeakerMention(text: try string(mo["text"], path + ".speaker.mention.text") ?? "",
                                         span: try decodeSpan(mo["span"], path + ".speaker.mention.span"))
            }
            speaker = Speaker(name: try string(so["name"], path + ".speaker.name"),
                              participant: try string(so["participant"], path + ".speaker.participant"),
                              mention: mention)
        }
        var spans: [Span]? = nil
        if let s = o["spans"], !s.isNull {
            spans = try array(s, path + ".spans").enumerated().map { try decodeSpan($1, path + ".spans[\($0)]") }
        }
        return Quote(id: try string(o["id"], path + ".id") ?? "", kind: kind,
                     text: try string(o["text"], path + ".text") ?? "",
                     span: try decodeSpan(o["span"], path + ".span"), spans: spans,
                     cue: try string(o["cue"], path + ".cue"), speaker: speaker,
                     rule: try string(o["rule"], path + ".rule"))
    }

    static func decodeParticipant(_ v: JSONValue, _ path: String) throws -> Participant {
        let o = try object(v, path)
        guard let typeName = try string(o["type"], path + ".type"), let type = ParticipantType(rawValue: typeName) else {
            throw Failure(path: path + ".type", expected: "one of person, organization, country, place")
        }
        return Participant(
            id: try string(o["id"], path + ".id") ?? "", type: type, name: try string(o["name"], path + ".name") ?? "",
            aliases: try strings(o["aliases"], path + ".aliases"), titles: try strings(o["titles"], path + ".titles"),
            affiliation: try string(o["affiliation"], path + ".affiliation"),
            mentionCount: try int(o["mentionCount"], path + ".mentionCount") ?? 0,
            quoteCount: try int(o["quoteCount"], path + ".quoteCount") ?? 0,
            mentions: try array(o["mentions"], path + ".mentions").enumerated().map {
                try decodeSpan($1, path + ".mentions[\($0)]")
            })
    }

    static func decodeSpan(_ v: JSONValue?, _ path: String) throws -> Span {
        guard let v else { throw Failure(path: path, expected: "a span object") }
        let o = try object(v, path)
        var span = Span(paragraph: try int(o["paragraph"], path + ".paragraph"), caption: try int(o["caption"], path + ".caption"),
                        start: try int(o["start"], path + ".start") ?? 0, end: try int(o["end"], path + ".end") ?? 0,
                        sourceStart: try int(o["sourceStart"], path + ".sourceStart"),
                        sourceEnd: try int(o["sourceEnd"], path + ".sourceEnd"))
        if let h = o["headline"], !h.isNull {
            guard let b = h.boolValue else { throw Failure(path: path + ".headline", expected: "a boolean") }
            span.headline = b
        }
        return span
    }

    // MARK: typed access

    private static func object(_ v: JSONValue, _ path: String) throws -> JSONObject {
        guard case .object(let o) = v else { throw Failure(path: path, expected: "an object") }
        return o
    }

    private static func array(_ v: JSONValue?, _ path: String) throws -> [JSONValue] {
        guard let v, !v.isNull else { return [] }
        guard case .array(let a) = v else { throw Failure(path: path, expected: "an array") }
        return a
    }

    private static func string(_ v: JSONValue?, _ path: String) throws -> String? {
        guard let v, !v.isNull else { return nil }
        guard case .string(let s) = v else { throw Failure(path: path, expected: "a string") }
        return s
    }

    private static func strings(_ v: JSONValue?, _ path: String) throws -> [String] {
        try array(v, path).enumerated().map { i, x in
            guard case .string(let s) = x else { throw Failure(path: "\(path)[\(i)]", expected: "a string") }
            return s
        }
    }

    private static func int(_ v: JSONValue?, _ path: String) throws -> Int? {
        guard let v, !v.isNull else { return nil }
        guard let i = v.intValue else { throw Failure(path: path, expected: "an integer") }
        return i
    }
}
