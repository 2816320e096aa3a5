import NewsLensJSON

/// JSON encoding of the analysis in the field order of `../shared/API.md`, written straight to bytes.
extension Analysis {
    public func jsonBytes() -> [UInt8] {
        var w = JSONWriter(capacity: 4096 + article.paragraphs.reduce(0) { $0 + $1.utf8.count } * 2)
        write(to: &w)
        return w.bytes
    }

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("id", id)
        w.key("article"); article.write(to: &w)
        w.key("quotes"); w.beginArray(); for q in quotes { q.write(to: &w) }; w.endArray()
        w.key("participants"); w.beginArray(); for p in participants { p.write(to: &w) }; w.endArray()
        w.endObject()
    }
}

extension Span {
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        if headline {
            w.field("headline", true)
        } else if let caption {
            w.field("caption", caption)
        } else {
            w.field("paragraph", paragraph ?? 0)
        }
        w.field("start", start)
        w.field("end", end)
        if let sourceStart, let sourceEnd {
            w.field("sourceStart", sourceStart)
            w.field("sourceEnd", sourceEnd)
        }
        w.endObject()
    }
}

extension Article {
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("headline", headline)
        w.key("author"); w.beginArray()
        for a in author { w.beginObject(); w.field("name", a.name); w.endObject() }
        w.endArray()
        w.field("datePublished", datePublished)
        w.field("dateModified", dateModified)
        w.field("datePublishedRaw", datePublishedRaw)
        w.field("dateModifiedRaw", dateModifiedRaw)
        w.field("dateline", dateline)
        w.field("publisher", publisher)
        w.field("source", source)
        w.field("url", url)
        w.field("inLanguage", inLanguage)
        w.field("paragraphs", paragraphs)
        w.key("captions"); w.beginArray()
        for c in captions { w.beginObject(); w.field("text", c.text); w.field("credit", c.credit); w.endObject() }
        w.endArray()
        w.field("removedBoilerplate", removedBoilerplate)
        w.field("wordCount", wordCount)
        w.endObject()
    }
}

extension Quote {
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("id", id)
        w.field("kind", kind.rawValue)
        w.field("text", text)
        w.key("span"); span.write(to: &w)
        if let spans {
            w.key("spans"); w.beginArray(); for s in spans { s.write(to: &w) }; w.endArray()
        }
        w.field("cue", cue)
        w.key("speaker")
        if let speaker {
            w.beginObject()
            w.field("name", speaker.name)
            w.field("participant", speaker.participant)
            w.key("mention")
            if let m = speaker.mention {
                w.beginObject(); w.field("text", m.text); w.key("span"); m.span.write(to: &w); w.endObject()
            } else {
                w.null()
            }
            w.endObject()
        } else {
            w.null()
        }
        if let rule { w.field("rule", rule) }
        w.endObject()
    }
}

extension Participant {
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("id", id)
        w.field("type", type.rawValue)
        w.field("name", name)
        w.field("aliases", aliases)
        w.field("titles", titles)
        w.field("affiliation", affiliation)
        w.field("mentionCount", mentionCount)
        w.field("quoteCount", quoteCount)
        w.key("mentions"); w.beginArray(); for m in mentions { m.write(to: &w) }; w.endArray()
        w.endObject()
    }
}
