import NewsLensCompression
import NewsLensExtraction
import NewsLensJSON

/// An analysis encoded for storage, before it has a place in the store: all the expensive work (JSON
/// encoding, offsets, gzip, ETag, participant keys) done outside any lock.
struct PreparedArticle: Sendable {
    let contentID: ContentID
    var id: String
    /// Kept only to re-encode in the rare case the short id collides; not retained once stored.
    var analysis: Analysis
    var json: [UInt8]
    var gzip: [UInt8]
    var etag: String
    var quoteEntries: [QuoteEntry]
    var participantEntries: [ParticipantEntry]
    var quotesRange: Range<Int>
    var participantsRange: Range<Int>
    /// One per participant, in the analysis' order.
    var participantKeys: [ParticipantKeySpec]
}

/// What the participant index needs of one article participant.
struct ParticipantKeySpec: Sendable {
    var key: ParticipantKey
    var displayName: String
    var slug: String
    var aliases: [String]
    var claims: [ParticipantKey]
    var mentionCount: Int
    var quoteCount: Int
}

/// Encodes an analysis once into everything a stored article serves (see `StoredArticle`).
enum ArticleEncoder {
    /// gzip level for cached bodies: computed once per article, so the smallest output is worth it.
    static let gzipLevel: Int32 = 9

    /// Encodes `analysis` under `id`; or, given the bytes it was stored as (`reuse`, on restart), keeps those
    /// bytes exactly — even if this build's model would encode the analysis differently — and only finds
    /// the quotes and participants in them.
    static func prepare(_ analysis: Analysis, contentID: ContentID, id: String,
                        reuse stored: (json: [UInt8], gzip: [UInt8])? = nil) -> PreparedArticle {
        var analysis = analysis
        analysis.id = id
        let encoded = stored.flatMap { locate(analysis, in: $0.json) } ?? encode(analysis)
        let json = encoded.json
        let gzip: [UInt8]
        if let stored, stored.json == json, !stored.gzip.isEmpty {
            gzip = stored.gzip
        } else {
            gzip = compactCopy(Gzip.compress(json, level: gzipLevel))
        }
        let etag = "\"" + SHA256.hex(SHA256.digest(json), count: 16) + "\""

        var quoteEntries: [QuoteEntry] = []
        quoteEntries.reserveCapacity(analysis.quotes.count)
        for (q, r) in zip(analysis.quotes, encoded.quoteRanges) {
            let text = JSONMemberScanner.stringContents(of: "text", in: json, object: r) ?? r.lowerBound..<r.lowerBound
            quoteEntries.append(QuoteEntry(
                start: UInt32(r.lowerBound), end: UInt32(r.upperBound),
                textStart: UInt32(text.lowerBound), textEnd: UInt32(text.upperBound),
                speaker: Int32(speakerIndex(q.speaker, in: analysis.participants)), kind: q.kind))
        }
        let participantEntries = zip(analysis.participants, encoded.participantRanges).map { p, r in
            ParticipantEntry(start: UInt32(r.lowerBound), end: UInt32(r.upperBound), type: p.type)
        }
        let specs = analysis.participants.map { p -> ParticipantKeySpec in
            let key = ParticipantKey(type: p.type, name: ParticipantName.normalize(p.name, type: p.type))
            return ParticipantKeySpec(
                key: key, displayName: p.name, slug: p.id.isEmpty ? ParticipantName.slug(p.name) : p.id,
                aliases: p.aliases, claims: ParticipantName.claims(of: key, aliases: p.aliases),
                mentionCount: p.mentionCount, quoteCount: p.quoteCount)
        }
        return PreparedArticle(
            contentID: contentID, id: id, analysis: analysis, json: json, gzip: gzip, etag: etag,
            quoteEntries: quoteEntries, participantEntries: participantEntries,
            quotesRange: encoded.quotesRange, participantsRange: encoded.participantsRange,
            participantKeys: specs)
    }

    /// The participant a quote's speaker refers to: by participant id, else by name or alias.
    static func speakerIndex(_ speaker: Speaker?, in participants: [Participant]) -> Int {
        guard let speaker else { return -1 }
        if let pid = speaker.participant, let i = participants.firstIndex(where: { $0.id == pid }) { return i }
        guard let name = speaker.name else { return -1 }
        for (i, p) in participants.enumerated() {
            let n = ParticipantName.normalize(name, type: p.type)
            if ParticipantName.normalize(p.name, type: p.type) == n { return i }
            if p.aliases.contains(where: { ParticipantName.normalize($0, type: p.type) == n }) { return i }
        }
        return -1
    }

    struct Encoded {
        var json: [UInt8]
        var quoteRanges: [Range<Int>]
        var quotesRange: Range<Int>
        var participantRanges: [Range<Int>]
        var participantsRange: Range<Int>
    }

    /// The same bytes as `Analysis.jsonBytes()`, recording where each quote and participant lies.
    static func encode(_ a: Analysis) -> Encoded {
        var w = JSONWriter(capacity: 4096 + a.article.paragraphs.reduce(0) { $0 + $1.utf8.count } * 2)
        w.beginObject()
        w.field("id", a.id)
        w.key("article")
        a.article.write(to: &w)
        w.key("quotes")
        let (quoteRanges, quotesRange) = writeArray(a.quotes, to: &w) { $0.write(to: &$1) }
        w.key("participants")
        let (participantRanges, participantsRange) = writeArray(a.participants, to: &w) { $0.write(to: &$1) }
        w.endObject()
        return Encoded(json: compactCopy(w.bytes), quoteRanges: quoteRanges, quotesRange: quotesRange,
                       participantRanges: participantRanges, participantsRange: participantsRange)
    }

    /// Writes `items` as a JSON array; the byte range of each element and of the whole array.
    private static func writeArray<T>(_ items: [T], to w: inout JSONWriter,
                                      _ write: (T, inout JSONWriter) -> Void) -> ([Range<Int>], Range<Int>) {
        let start = w.bytes.count
        w.beginArray()
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(items.count)
        for item in items {
            let s = w.bytes.count
            write(item, &w)
            ranges.append(elementRange(w.bytes, from: s))
        }
        w.endArray()
        return (ranges, start..<w.bytes.count)
    }

    /// The quotes and participants of `analysis` inside JSON it was stored as; nil when the bytes do not
    /// hold as many as the analysis has (then the caller re-encodes).
    static func locate(_ analysis: Analysis, in json: [UInt8]) -> Encoded? {
        let all = 0..<json.count
        guard let quotes = JSONMemberScanner.valueRange(of: "quotes", in: json, object: all),
              let participants = JSONMemberScanner.valueRange(of: "participants", in: json, object: all),
              let quoteRanges = JSONMemberScanner.elementRanges(in: json, array: quotes),
              let participantRanges = JSONMemberScanner.elementRanges(in: json, array: participants),
              quoteRanges.count == analysis.quotes.count, participantRanges.count == analysis.participants.count
        else { return nil }
        return Encoded(json: json, quoteRanges: quoteRanges, quotesRange: quotes,
                       participantRanges: participantRanges, participantsRange: participants)
    }

    /// An array element written from `s`: skips the separating comma the writer put first.
    private static func elementRange(_ bytes: [UInt8], from s: Int) -> Range<Int> {
        (bytes[s] == UInt8(ascii: ",") ? s + 1 : s)..<bytes.count
    }

    /// The list summary of a stored article, and where its searchable strings lie in it.
    static func summary(of p: PreparedArticle, createdAtMillis: Int64) -> (json: [UInt8], searchRanges: [Range<Int>]) {
        let a = p.analysis.article
        var w = JSONWriter(capacity: 256 + (a.headline?.utf8.count ?? 0))
        w.beginObject()
        w.field("id", p.id)
        w.field("headline", a.headline)
        w.field("datePublished", a.datePublished)
        w.field("dateModified", a.dateModified)
        w.field("dateline", a.dateline)
        w.field("source", a.source)
        w.field("publisher", a.publisher)
        w.field("url", a.url)
        w.field("quoteCount", p.quoteEntries.count)
        w.field("participantCount", p.participantEntries.count)
        w.field("wordCount", a.wordCount)
        w.field("createdAt", Timestamp.rfc3339(millis: createdAtMillis))
        w.endObject()
        let json = compactCopy(w.bytes)
        let all = 0..<json.count
        let ranges = [
            JSONMemberScanner.stringContents(of: "headline", in: json, object: all),
            JSONMemberScanner.stringContents(of: "dateline", in: json, object: all),
            JSONMemberScanner.stringContents(of: "source", in: json, object: all),
        ].compactMap { $0 }
        return (json, ranges)
    }

    /// A copy with no spare capacity: writers and compressors over-allocate, and the store keeps these
    /// arrays for the article's lifetime.
    static func compactCopy(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.capacity > bytes.count else { return bytes }
        return [UInt8](unsafeUninitializedCapacity: bytes.count) { buf, n in
            _ = buf.initialize(from: bytes)
            n = bytes.count
        }
    }
}
