/// Links each quotation piece to an attribution by ordered sieves (after CoreNLP's QuoteAttributionAnnotator),
/// each recording the rule that decided:
/// 1. `trailing`  — the attribution right after the closing mark: `"…," Aso said.`
/// 2. `leading`   — the attribution right before the opening mark: `Aso said: "…"`, `he said, "…"`
/// 3. `colon`     — a paragraph-opening quote after a paragraph ending "X said:"
/// 4. `sentence`  — an attribution in the same sentence (partial quotes inside reported speech)
/// 5. `paragraph` — the nearest attribution in the same paragraph, preceding first
/// 6. `conversation` — a paragraph that is only a quote continues the previous paragraph's speaker
public struct QuoteAttributor: Sendable {
    public let lexicon: CueLexicon

    public init(lexicon: CueLexicon = .shared) { self.lexicon = lexicon }

    public struct Decision: Sendable {
        /// Index into the attribution list, or nil.
        public var attribution: Int?
        public var rule: String?
    }

    /// One decision per piece. `byParagraph[i]` lists indexes into `attributions` for paragraph i.
    public func attribute(_ pieces: [QuotePiece], attributions: [Attribution], byParagraph: [[Int]],
                          paragraphs: [TextParagraph]) -> [Decision] {
        var decisions = [Decision](repeating: Decision(attribution: nil, rule: nil), count: pieces.count)
        for (n, q) in pieces.enumerated() {
            let p = paragraphs[q.paragraph]
            let here = byParagraph[q.paragraph]
            if let a = trailing(q, p, here, attributions) { decisions[n] = Decision(attribution: a, rule: "trailing"); continue }
            if let a = leading(q, p, here, attributions) { decisions[n] = Decision(attribution: a, rule: "leading"); continue }
            if q.open <= firstContentToken(p), q.paragraph > 0, !q.continuesFromPrevious,
               let a = colonIntro(paragraphs[q.paragraph - 1], byParagraph[q.paragraph - 1], attributions) {
                decisions[n] = Decision(attribution: a, rule: "colon"); continue
            }
            if let a = sameSentence(q, p, here, attributions) { decisions[n] = Decision(attribution: a, rule: "sentence"); continue }
            if let a = nearest(q, here, attributions) { decisions[n] = Decision(attribution: a, rule: "paragraph"); continue }
            if here.isEmpty, q.open <= firstContentToken(p), !q.continuesFromPrevious,
               let prev = previousSpeaker(n, pieces, decisions) {
                decisions[n] = Decision(attribution: prev, rule: "conversation")
            }
        }
        return decisions
    }

    func firstContentToken(_ p: TextParagraph) -> Int {
        var k = 0
        while k < p.tokens.count, p.tokens[k].kind == .dash || p.tokens[k].kind == .symbol { k += 1 }
        return k
    }

    /// `"…," Aso said.` / `"…?" asked Smith.`: only punctuation between the closing mark and the attribution.
    func trailing(_ q: QuotePiece, _ p: TextParagraph, _ here: [Int], _ all: [Attribution]) -> Int? {
        guard q.close >= 0 else { return nil }
        for i in here {
            let a = all[i]
            guard a.extentStart >= q.after else { continue }
            var gap = 0
            var ok = true
            for k in q.after..<a.extentStart {
                let t = p.tokens[k]
                if t.kind == .punctuation || t.kind == .dash {
                    if t.flags.contains(.sentenceEnd) && !p.token(k, is: ",") { ok = false; break }
                    continue
                }
                if lexicon.isAdverb(t) { gap += 1; continue }
                ok = false
                break
            }
            // The sentence must not end between the quote and the cue (`"A." Then X said B.`).
            if ok && gap <= 2 && !(q.close >= 0 && p.tokens[q.close].flags.contains(.sentenceEnd)
                                    && !sameSentence(p, q.close, a.cueStart)) {
                return i
            }
            return nil
        }
        return nil
    }

    /// `Aso said: "…"`, `he said, "…"`, `X told reporters on Monday: "…"`: the attribution ends right before
    /// the opening mark, with at most a short adjunct and a colon or comma in between.
    func leading(_ q: QuotePiece, _ p: TextParagraph, _ here: [Int], _ all: [Attribution]) -> Int? {
        guard q.open > 0 else { return nil }
        var best: Int?
        for i in here {
            let a = all[i]
            guard a.extentEnd <= q.open else { break }
            let gap = q.open - a.extentEnd
            guard gap <= 8 else { continue }
            var ok = true
            for k in a.extentEnd..<q.open {
                let t = p.tokens[k]
                if t.kind == .quote { ok = false; break }
                if t.flags.contains(.sentenceEnd) && !(p.token(k, is: ":") ) { ok = false; break }
            }
            guard ok else { continue }
            // The gap must end in ":" or "," (or be empty / "that"), the usual frame of a following quote.
            if gap == 0 || p.token(q.open - 1, is: ":") || p.token(q.open - 1, is: ",")
                || p.tokens[q.open - 1].hash == CueLexicon.that || p.isDash(q.open - 1) {
                best = i
            }
        }
        return best
    }

    /// The previous paragraph ends with a colon ("Caddell continued:"): its last attribution speaks.
    func colonIntro(_ prev: TextParagraph, _ there: [Int], _ all: [Attribution]) -> Int? {
        guard let last = prev.tokens.last, prev.token(prev.tokens.count - 1, is: ":") || (last.kind == .dash) else { return nil }
        guard let i = there.last else { return nil }
        return prev.tokens.count - all[i].extentEnd <= 10 ? i : nil
    }

    func sameSentence(_ q: QuotePiece, _ p: TextParagraph, _ here: [Int], _ all: [Attribution]) -> Int? {
        let anchor = max(0, q.open >= 0 ? q.open : q.tokenStart)
        let s = AttributionFinder.sentence(of: anchor, in: p)
        var best: Int?
        var bestDistance = Int.max
        for i in here where all[i].sentence == s || (q.close >= 0 && all[i].sentence == AttributionFinder.sentence(of: q.close, in: p)) {
            let a = all[i]
            let d = a.cueStart < anchor ? anchor - a.cueStart : a.cueStart - q.after
            if d < bestDistance { best = i; bestDistance = d }
        }
        return best
    }

    func nearest(_ q: QuotePiece, _ here: [Int], _ all: [Attribution]) -> Int? {
        var before: Int?
        var after: Int?
        for i in here {
            if all[i].cueStart < q.tokenStart { before = i } else if after == nil { after = i }
        }
        return before ?? after
    }

    /// The speaker of the closest earlier piece, when that piece is in the previous paragraph.
    func previousSpeaker(_ n: Int, _ pieces: [QuotePiece], _ decisions: [Decision]) -> Int? {
        var k = n - 1
        while k >= 0, pieces[k].paragraph == pieces[n].paragraph { k -= 1 }
        guard k >= 0, pieces[k].paragraph == pieces[n].paragraph - 1 else { return nil }
        return decisions[k].attribution
    }

    func sameSentence(_ p: TextParagraph, _ a: Int, _ b: Int) -> Bool {
        AttributionFinder.sentence(of: a, in: p) == AttributionFinder.sentence(of: b, in: p)
    }
}
