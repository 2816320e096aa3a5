import NewsLensExtraction
import NewsLensJSON

/// One stored article as the API serves it: the encoded analysis JSON (its `id` set), its gzip, ETag,
/// summary JSON for lists, and compact offsets of every quote and participant inside the JSON, so a GET of
/// the article or of its quotes or participants costs no re-encoding. Immutable and shared by readers
/// without locking; the `Analysis` value itself is not kept (it costs more memory than its JSON), but
/// `analysis()` decodes it on demand.
public final class StoredArticle: Sendable {
    /// Id in URLs: the first 16 hex digits of the content hash (longer only after a prefix collision).
    public let id: String
    public let contentID: ContentID
    /// Creation time, milliseconds since the Unix epoch (UTC).
    public let createdAtMillis: Int64
    /// The article's headline, for lists that name the article of each item (quotes across articles).
    public let headline: String?
    /// The analysis JSON (`application/json` body of `GET /v1/articles/{id}`).
    public let json: [UInt8]
    /// `json` compressed with gzip (RFC 1952), for clients sending `Accept-Encoding: gzip`.
    public let gzip: [UInt8]
    /// Strong entity tag, quotes included (`"5d41402abc4b2a76"`), derived from the JSON bytes.
    public let etag: String
    /// `{"id","headline","datePublished","dateModified","dateline","source","publisher","url","quoteCount","participantCount","wordCount","createdAt"}`
    public let summaryJSON: [UInt8]

    /// Insertion order; newer articles have larger numbers. Persisted, so cursors survive restarts.
    public let seq: UInt64
    let quoteEntries: [QuoteEntry]
    let participantEntries: [ParticipantEntry]
    /// Ranges in `json` of the `"quotes"` and `"participants"` arrays, brackets included.
    let quotesRange: Range<Int>
    let participantsRange: Range<Int>
    /// Ranges in `summaryJSON` of the escaped contents of headline, dateline and source, for `q` searches.
    let searchRanges: [Range<Int>]

    init(id: String, contentID: ContentID, seq: UInt64, createdAtMillis: Int64, headline: String?, json: [UInt8], gzip: [UInt8],
         etag: String, summaryJSON: [UInt8], quoteEntries: [QuoteEntry], participantEntries: [ParticipantEntry],
         quotesRange: Range<Int>, participantsRange: Range<Int>, searchRanges: [Range<Int>]) {
        self.id = id
        self.contentID = contentID
        self.seq = seq
        self.createdAtMillis = createdAtMillis
        self.headline = headline
        self.json = json
        self.gzip = gzip
        self.etag = etag
        self.summaryJSON = summaryJSON
        self.quoteEntries = quoteEntries
        self.participantEntries = participantEntries
        self.quotesRange = quotesRange
        self.participantsRange = participantsRange
        self.searchRanges = searchRanges
    }

    public var quoteCount: Int { quoteEntries.count }
    public var participantCount: Int { participantEntries.count }
    /// RFC 3339 UTC creation time.
    public var createdAt: String { Timestamp.rfc3339(millis: createdAtMillis) }

    /// The `"quotes"` array of the analysis, as JSON bytes (`[...]`).
    public var quotesJSON: ArraySlice<UInt8> { json[quotesRange] }
    /// The `"participants"` array of the analysis, as JSON bytes (`[...]`).
    public var participantsJSON: ArraySlice<UInt8> { json[participantsRange] }

    /// Quote `index` (in document order) as a JSON object.
    public func quoteJSON(at index: Int) -> ArraySlice<UInt8> { json[quoteEntries[index].range] }
    public func quoteKind(at index: Int) -> QuoteKind { quoteEntries[index].kind }
    /// Participant `index` (in the analysis' order) as a JSON object.
    public func participantJSON(at index: Int) -> ArraySlice<UInt8> { json[participantEntries[index].range] }
    public func participantType(at index: Int) -> ParticipantType { participantEntries[index].type }

    /// Decodes the stored JSON back into an `Analysis` (slow path: for callers that need the value).
    public func analysis() throws -> Analysis {
        try AnalysisDecoder.decode(JSONParser().parse(json))
    }

    /// What this entry costs in memory, as counted against the store's budget: payload bytes plus
    /// index entries and a fixed overhead for objects and dictionary slots.
    var estimatedBytes: Int {
        json.count + gzip.count + summaryJSON.count + etag.utf8.count + id.utf8.count + (headline?.utf8.count ?? 0)
            + quoteEntries.count * MemoryLayout<QuoteEntry>.stride
            + participantEntries.count * (MemoryLayout<ParticipantEntry>.stride + Self.perParticipantIndexBytes)
            + quoteEntries.count * 8 + Self.fixedOverhead
    }

    /// Allocation headers, the entry object, dictionary slots and ordered-set entries of one article.
    /// With `perParticipantIndexBytes`, calibrated so the estimate tracks resident memory (store-bench:
    /// within 5% at 100,000 articles) rather than undershooting it.
    static let fixedOverhead = 1024
    /// Postings, claims, name and alias counts and key records in the participant index, per article
    /// participant.
    static let perParticipantIndexBytes = 200
}

/// One quote of a stored article as offsets into its JSON (24 bytes instead of a `Quote` value).
struct QuoteEntry: Sendable {
    var start: UInt32
    var end: UInt32
    /// The escaped contents of its `"text"` string (no quotation marks).
    var textStart: UInt32
    var textEnd: UInt32
    /// Index of the speaker in the article's participants, -1 when the speaker is unknown.
    var speaker: Int32
    var kind: QuoteKind

    var range: Range<Int> { Int(start)..<Int(end) }
    var textRange: Range<Int> { Int(textStart)..<Int(textEnd) }
}

/// One participant of a stored article as offsets into its JSON.
struct ParticipantEntry: Sendable {
    var start: UInt32
    var end: UInt32
    var type: ParticipantType

    var range: Range<Int> { Int(start)..<Int(end) }
}
