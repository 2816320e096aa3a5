/// Finds the dateline at the start of the first body paragraph — `TOKYO -`, `BRUSSELS, March 14 (Reuters) -`,
/// `PORTLAND, Ore. —`, `WASHINGTON (AP) —`, `Tokyo, Nov 6 (Kyodo) -` — and says where the body text starts.
public struct DatelineParser: Sendable {
    public let lexicon: StructureLexicon

    public init(lexicon: StructureLexicon = .shared) { self.lexicon = lexicon }

    public struct Found: Sendable, Equatable {
        /// The place as written ("TOKYO", "PORTLAND, Ore.").
        public var dateline: String
        /// The credited agency, canonical ("Reuters", "Associated Press").
        public var source: String?
        /// Scalar offset where the article text starts after the dateline and its dash.
        public var bodyStart: Int
    }

    public func parse(_ p: TextParagraph) -> Found? {
        let t = p.tokens
        let n = t.count
        guard n >= 4 else { return nil }
        // Place: 1–4 all-caps words ("NEW YORK", "ST. LOUIS") or capitalised words when an agency or date follows.
        var k = 0
        var allCaps = true
        while k < n, k < 5, t[k].kind == .word, t[k].flags.contains(.capitalized) {
            if !t[k].flags.contains(.allCaps) && !(t[k].length == 1) { allCaps = false }
            k += 1
            if !allCaps && k >= 3 { break }
        }
        guard k > 0 else { return nil }
        var placeEnd = k
        // ", Ore." / ", Calif." / ", Japan": a region after a comma.
        if p.token(k, is: ","), k + 1 < n, t[k + 1].kind == .word, t[k + 1].flags.contains(.capitalized),
           !isDateAt(p, k + 1) {
            var j = k + 1
            while j < n, j < k + 4, t[j].kind == .word, t[j].flags.contains(.capitalized), !isDateAt(p, j) { j += 1 }
            if j > k + 1 && (p.isDash(j) || p.token(j, is: "(") || p.token(j, is: ",")) {
                placeEnd = j
                k = j
            }
        }
        var sawEvidence = allCaps
        // ", March 14" date.
        if p.token(k, is: ","), isDateAt(p, k + 1) {
            k += 3
            sawEvidence = true
        }
        // "(Reuters)".
        var source: String?
        if p.token(k, is: "(") {
            var close = k + 1
            while close < n, close < k + 6, !p.token(close, is: ")") { close += 1 }
            guard close < n, p.token(close, is: ")"), let agency = lexicon.agency(p, k + 1, close) else { return nil }
            source = agency
            sawEvidence = true
            k = close + 1
        }
        // The dash (or "--") that ends the dateline, followed by text.
        guard sawEvidence, p.isDash(k), k + 1 < n, t[k].flags.contains(.spaceBefore) || source != nil,
              t[k].flags.contains(.spaceAfter) else { return nil }
        // All-caps words alone: at least one of them must be longer than an initialism used as a subject
        // ("US - Japan talks" is no dateline): require a place of 3+ letters or a region/agency/date.
        if source == nil, placeEnd == 1, t[0].length < 3 { return nil }
        let place = p.text(tokens: 0, through: placeEnd - 1)
        return Found(dateline: place, source: source, bodyStart: Int(t[k + 1].start))
    }

    /// Tokens at `k` read "March 14" / "Nov. 6".
    func isDateAt(_ p: TextParagraph, _ k: Int) -> Bool {
        guard k + 1 < p.tokens.count, p.tokens[k].kind == .word, p.tokens[k + 1].kind == .number,
              p.tokens[k + 1].length <= 2 else { return false }
        return DateParser.month(Substring(p.text(of: p.tokens[k]))) != nil
    }
}
