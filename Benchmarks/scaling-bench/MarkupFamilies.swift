/// Pathological HTML pages and JSON request bodies, each grown to the asked size by repeating a unit
/// (or nesting one level deeper per unit).
enum MarkupFamilies {
    static let html: [Family] = [
        Family("html", "many-paragraphs", "ordinary <p> paragraphs (the scale of a huge article)",
               page(repeat: "<p>The minister said the plan would cut costs by next year.</p>\n")),
        Family("html", "deep-nesting", "nested <div> elements, closed",
               nested(open: "<div>", close: "</div>", middle: "<p>Deep text here.</p>")),
        Family("html", "deep-unclosed", "nested <div> elements, never closed",
               nested(open: "<div>", close: "", middle: "<p>Deep text here.</p>")),
        Family("html", "deep-inline", "nested inline formatting <b><i>, closed",
               nested(open: "<b><i>", close: "</i></b>", middle: "text")),
        Family("html", "unclosed-formatting", "<b> opened before every word, never closed",
               page(repeat: "<b>word ")),
        Family("html", "unclosed-paragraphs", "<p> without </p>, with open formatting",
               page(repeat: "<p><i>Some text in a paragraph. ")),
        Family("html", "misnested", "misnested formatting (<b><i></b></i>) in every paragraph",
               page(repeat: "<p><b>one <i>two</b> three</i></p>\n")),
        Family("html", "many-attributes", "one element with ever more attributes",
               attributes),
        Family("html", "huge-comment", "one comment",
               wrapped("<!--", "x", "-->")),
        Family("html", "unterminated-comment", "a comment that never ends",
               wrapped("<p>Before.</p><!--", "x-", "")),
        Family("html", "many-entities", "character references in a paragraph",
               wrapped("<p>", "&amp; &#65; &eacute; &notanentity ", "</p>")),
        Family("html", "huge-script", "one script element",
               wrapped("<script>", "var x = '<p>';\n", "</script>")),
        Family("html", "json-ld-deep", "JSON-LD nested arrays",
               wrapped("<script type=\"application/ld+json\">", "[", "</script><p>Text.</p>")),
        Family("html", "json-ld-many-keys", "JSON-LD object with many members",
               jsonLDKeys),
        Family("html", "many-tags", "tiny empty elements",
               page(repeat: "<span></span>")),
    ]

    static let json: [Family] = [
        Family("json", "deep-arrays", "[[[[…]]]] (the parser's depth limit answers)",
               nested(open: "[", close: "]", middle: "1", plain: true)),
        Family("json", "deep-objects", "{\"a\":{\"a\":…}}",
               nested(open: "{\"a\":", close: "}", middle: "1", plain: true)),
        Family("json", "long-string", "{\"text\": one long string}",
               wrapped("{\"text\":\"", "abcdefgh", "\"}")),
        Family("json", "escaped-string", "a string of \\u escapes and \\\" quotes",
               wrapped("{\"text\":\"", "\\u00e9\\\"\\n", "\"}")),
        Family("json", "surrogate-pairs", "a string of escaped surrogate pairs",
               wrapped("{\"text\":\"", "\\ud83d\\ude00", "\"}")),
        Family("json", "many-keys", "an object with many distinct members",
               manyKeys(distinct: true)),
        Family("json", "duplicate-keys", "an object repeating one member name",
               manyKeys(distinct: false)),
        Family("json", "many-numbers", "an array of numbers",
               wrapped("[", "12345.678e-3,", "0]")),
    ]

    static func page(repeat unit: String) -> @Sendable (Int) -> [UInt8] {
        wrapped("<!doctype html><html><head><title>T</title></head><body><article>", unit, "</article></body></html>")
    }

    static func wrapped(_ head: String, _ unit: String, _ tail: String) -> @Sendable (Int) -> [UInt8] {
        let repeated = TextFamilies.repeating(unit)
        return { size in Array(head.utf8) + repeated(size) + Array(tail.utf8) }
    }

    /// `open` × k, `middle`, `close` × k, with k chosen to reach `size`.
    static func nested(open: String, close: String, middle: String, plain: Bool = false) -> @Sendable (Int) -> [UInt8] {
        { size in
            let depth = max(1, size / (open.utf8.count + close.utf8.count))
            var out: [UInt8] = plain ? [] : Array("<!doctype html><html><body>".utf8)
            out.reserveCapacity(size + 64)
            for _ in 0..<depth { out += Array(open.utf8) }
            out += Array(middle.utf8)
            for _ in 0..<depth { out += Array(close.utf8) }
            return out
        }
    }

    static func attributes(_ size: Int) -> [UInt8] {
        var out = Array("<!doctype html><body><p".utf8)
        var i = 0
        while out.count < size {
            out += Array(" data-a\(i)=\"value\"".utf8)
            i += 1
        }
        return out + Array(">Text.</p></body>".utf8)
    }

    static func jsonLDKeys(_ size: Int) -> [UInt8] {
        var out = Array("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"".utf8)
        var i = 0
        while out.count < size {
            out += Array(",\"k\(i)\":\"v\"".utf8)
            i += 1
        }
        return out + Array("}</script><p>Text.</p>".utf8)
    }

    static func manyKeys(distinct: Bool) -> @Sendable (Int) -> [UInt8] {
        { size in
            var out = Array("{\"text\":\"An article.\"".utf8)
            var i = 0
            while out.count < size {
                out += Array((distinct ? ",\"k\(i)\":1" : ",\"a\":1").utf8)
                i += 1
            }
            return out + [UInt8(ascii: "}")]
        }
    }
}
