import NewsLensExtraction
import NewsLensJSON

/// One page of a list, newest (or first) items first, and the cursor of the next page (nil on the last).
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var nextCursor: String?
}

/// Most items one page may hold (`limit` is clamped to 1...maxPageSize).
public let maxPageSize = 100

/// `GET /v1/articles`: newest first. `q` searches headline, dateline and source (case-insensitive);
/// `participant` keeps articles in which that participant (id or name, merged across articles) takes part;
/// `speaker` keeps articles quoting it.
public struct ArticleQuery: Sendable {
    public var limit: Int
    public var cursor: String?
    public var q: String?
    public var participant: String?
    public var speaker: String?

    public init(limit: Int = 20, cursor: String? = nil, q: String? = nil, participant: String? = nil, speaker: String? = nil) {
        self.limit = limit
        self.cursor = cursor
        self.q = q
        self.participant = participant
        self.speaker = speaker
    }
}

/// `GET /v1/quotes`: newest article first, document order within an article. `speaker` is a participant
/// id or a name (merged: "Aso" finds the quotes of "Taro Aso" when unambiguous); `q` searches the quote text.
public struct QuoteQuery: Sendable {
    public var limit: Int
    public var cursor: String?
    public var speaker: String?
    public var kind: QuoteKind?
    public var q: String?

    public init(limit: Int = 20, cursor: String? = nil, speaker: String? = nil, kind: QuoteKind? = nil, q: String? = nil) {
        self.limit = limit
        self.cursor = cursor
        self.speaker = speaker
        self.kind = kind
        self.q = q
    }
}

/// `GET /v1/participants`: merged participants ordered by id; `q` searches names and aliases.
public struct ParticipantQuery: Sendable {
    public var limit: Int
    public var cursor: String?
    public var type: ParticipantType?
    public var q: String?

    public init(limit: Int = 20, cursor: String? = nil, type: ParticipantType? = nil, q: String? = nil) {
        self.limit = limit
        self.cursor = cursor
        self.type = type
        self.q = q
    }
}

/// A quote found by a query: its article, its index there, and its speaker as merged across articles.
public struct QuoteHit: Sendable {
    public let article: StoredArticle
    /// Index in the article's `quotes`.
    public let index: Int
    /// Id of the merged participant who said it (may differ from the article-level
    /// `speaker.participant` when "Aso" there is "Taro Aso" store-wide); nil when unknown.
    public let speakerID: String?

    /// The quote object exactly as stored in the article.
    public var quoteJSON: ArraySlice<UInt8> { article.quoteJSON(at: index) }
    public var kind: QuoteKind { article.quoteKind(at: index) }

    /// The quote object with `"articleId"` and `"speakerId"` (the merged participant) appended: the item
    /// shape for lists across articles.
    public var json: [UInt8] {
        let quote = quoteJSON
        var extra = JSONWriter(capacity: 64)
        extra.beginObject()
        extra.field("articleId", article.id)
        extra.field("speakerId", speakerID)
        extra.endObject()
        var out: [UInt8] = []
        out.reserveCapacity(quote.count + extra.bytes.count)
        out.append(contentsOf: quote.dropLast())
        if quote.count > 2 { out.append(UInt8(ascii: ",")) }
        out.append(contentsOf: extra.bytes.dropFirst())
        return out
    }
}

extension ParticipantSummary {
    /// `{"id","type","name","aliases","articleCount","quoteCount","quotationCount","mentionCount"}`
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("id", id)
        w.field("type", type.rawValue)
        w.field("name", name)
        w.field("aliases", aliases)
        w.field("articleCount", articleCount)
        w.field("quoteCount", quoteCount)
        w.field("quotationCount", quotationCount)
        w.field("mentionCount", mentionCount)
        w.endObject()
    }
}

extension StoredArticle {
    /// Indices of its quotes of `kind` (all when nil), in document order.
    public func quoteIndices(kind: QuoteKind?) -> [Int] {
        quoteEntries.indices.filter { kind == nil || quoteEntries[$0].kind == kind }
    }

    /// Indices of its participants of `type` (all when nil), in the analysis' order.
    public func participantIndices(type: ParticipantType?) -> [Int] {
        participantEntries.indices.filter { type == nil || participantEntries[$0].type == type }
    }

    /// Whether `matcher` occurs in its headline, dateline or source.
    func matchesSummary(_ matcher: TextMatcher) -> Bool {
        searchRanges.contains { matcher.matches(summaryJSON, $0) }
    }

    func quoteMatches(_ i: Int, kind: QuoteKind?, text: TextMatcher?) -> Bool {
        let e = quoteEntries[i]
        if let kind, e.kind != kind { return false }
        if let text, !text.matches(json, e.textRange) { return false }
        return true
    }
}
