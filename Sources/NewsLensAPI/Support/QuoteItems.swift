import NewsLensJSON
import NewsLensStore

/// The JSON of a quote in lists across articles: the quote object exactly as stored, plus
/// `"articleId"`, `"speakerId"` (the participant merged across articles who said it, or null) and
/// `"article": {"id", "headline"}`, so a client can name and link the article without another request.
enum QuoteItems {
    static func json(_ hit: QuoteHit) -> [UInt8] {
        let quote = hit.quoteJSON
        var extra = JSONWriter(capacity: 96 + (hit.article.headline?.utf8.count ?? 0))
        extra.beginObject()
        extra.field("articleId", hit.article.id)
        extra.field("speakerId", hit.speakerID)
        extra.key("article")
        extra.beginObject()
        extra.field("id", hit.article.id)
        extra.field("headline", hit.article.headline)
        extra.endObject()
        extra.endObject()
        var out: [UInt8] = []
        out.reserveCapacity(quote.count + extra.bytes.count)
        out.append(contentsOf: quote.dropLast())          // the quote without its closing brace
        if quote.count > 2 { out.append(UInt8(ascii: ",")) }
        out.append(contentsOf: extra.bytes.dropFirst())   // the extra members without their opening brace
        return out
    }
}
