/// Reads publication stamps in the article header: "Updated: 2006-11-06 15:37", "Published March 14, 2019",
/// "Posted on Nov. 6, 2006 at 3:37 p.m.", "Last modified …", or a line that is only a date. A line may hold
/// several stamps separated by `|` ("Published … | Updated …").
public struct DateStampParser: Sendable {
    public init() {}

    public enum Kind: Sendable, Equatable { case published, modified }

    public struct Stamp: Sendable, Equatable {
        public var kind: Kind
        public var iso: String
        /// The date as written (after its label).
        public var raw: String
    }

    public func parse(_ p: TextParagraph) -> [Stamp] {
        guard p.wordCount <= 30 else { return [] }
        var stamps = [Stamp]()
        for segment in segments(p) {
            if let s = stamp(p, segment) { stamps.append(s) }
        }
        return stamps
    }

    /// Token ranges between `|` (and `•`) separators.
    func segments(_ p: TextParagraph) -> [Range<Int>] {
        var out = [Range<Int>]()
        var a = 0
        for k in 0..<p.tokens.count where p.token(k, is: "|") || p.token(k, is: "•") {
            if k > a { out.append(a..<k) }
            a = k + 1
        }
        if a < p.tokens.count { out.append(a..<p.tokens.count) }
        return out
    }

    func stamp(_ p: TextParagraph, _ r: Range<Int>) -> Stamp? {
        var k = r.lowerBound
        var kind: Kind?
        // Labels: "Updated", "Last updated", "Published", "First published", "Posted", "Modified", "Date".
        while k < r.upperBound, p.tokens[k].kind == .word {
            let h = p.tokens[k].hash
            if Self.modifiedLabels.contains(h) { kind = .modified; k += 1; continue }
            if Self.publishedLabels.contains(h) { kind = kind ?? .published; k += 1; continue }
            if kind == nil && (h == Self.last || h == Self.first || h == Self.originally) { k += 1; continue }
            if kind != nil && (h == Self.on || h == Self.at) { k += 1; continue }
            break
        }
        if kind == nil { k = r.lowerBound }
        while k < r.upperBound, p.tokens[k].kind == .punctuation || p.tokens[k].kind == .dash { k += 1 }
        guard k < r.upperBound else { return nil }
        var end = r.upperBound
        while end > k, p.tokens[end - 1].kind == .punctuation && !p.tokens[end - 1].flags.contains(.abbreviation) { end -= 1 }
        guard end > k else { return nil }
        let raw = p.text(tokens: k, through: end - 1)
        guard let iso = DateParser.parse(raw) else { return nil }
        if kind == nil {
            // Without a label the segment must be nothing but a date: "Monday, November 6, 2006 15:37 GMT".
            var other = 0
            for t in p.tokens[k..<end] where t.kind == .word {
                let w = Substring(p.text(of: t))
                if DateParser.month(w) != nil || Self.dateWords.contains(t.hash) || DateParser.zones[w.uppercased()] != nil
                    || DateParser.meridiem(w) != nil { continue }
                other += 1
            }
            guard other == 0 else { return nil }
        }
        return Stamp(kind: kind ?? .published, iso: iso, raw: raw)
    }

    static let modifiedLabels = WordSet(["updated", "modified", "revised", "edited"])
    static let publishedLabels = WordSet(["published", "posted", "date", "dated", "issued", "released"])
    static let last = WordHash.hash("last")
    static let first = WordHash.hash("first")
    static let originally = WordHash.hash("originally")
    static let on = WordHash.hash("on")
    static let at = WordHash.hash("at")
    static let dateWords = WordSet(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                             "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
                                             "at", "on", "of", "the", "th", "st", "nd", "rd"])
}
