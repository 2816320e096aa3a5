/// Links each quotation piece to an attribution by ordered sieves (after CoreNLP's QuoteAttributionAnnotator),
/// each recording the rule that decided:
/// 1. `trailing`  — the attribution right after the closing mark: `"…," Aso said.`
/// 2. `leading`   — the attribution right before the opening mark: `Aso said: "…"`, `he said, "…"`
///    `trailing-subject` — `"…," Trump barked.` (a speech verb outside the lexicon)
///    `label`     — `Michael P. McDonald: "…"`
/// 3. `colon`     — a paragraph-opening quote after a paragraph ending "X said:"
/// 4. `sentence`  — an attribution in the same sentence (partial quotes inside reported speech)
/// 5. `subject`   — the subject of the quote's sentence, before the quote ("Trump called him a \"liar\"")
/// 6. `paragraph` — the nearest attribution in the same paragraph, preceding first
///    `transcript` — "TAPPER: …" opens the paragraph; `previous-sentence` — the subject of the sentence before
/// 7. `conversation` — a paragraph that is only a quote continues the previous paragraph's speaker;
///    `signature` — "- Bernie Sanders." on the line after a quote paragraph
/// 8. `sentence-name` — last resort: the first name or personal pronoun of the quote's sentence
public struct QuoteAttributor: Sendable {
    public let lexicon: CueLexicon
    public var speakers: SpeakerFinder

    public init(lexicon: CueLexicon = .shared) {
        self.lexicon = lexicon
        speakers = SpeakerFinder(lexicon: lexicon)
    }

    public struct Decision: Sendable {
        /// Index into the attribution list, or nil.
        public var attribution: Int?
        public var rule: String?
    }

    /// One decision per piece. `byParagraph[i]` lists indexes into `attributions` for paragraph i.
    /// Implicit attributions (sentence subjects) are appended to `attributions`.
    public func attribute(_ pieces: [QuotePiece], attributions: inout [Attribution], byParagraph: [[Int]],
                          paragraphs: [TextParagraph], inside: [[Bool]]) -> [Decision] {
        var decisions = [Decision](repeating: Decision(attribution: nil, rule: nil), count: pieces.count)
        // Implicit attributions found for one piece ("\"…,\" Hannity pressed.") serve the later pieces of
        // the same paragraph too.
        var byParagraph = byParagraph
        // Whether an attribution is in its paragraph's list (implicit ones join once they serve a piece).
        var listed = [Bool](repeating: true, count: attributions.count)
        for (n, q) in pieces.enumerated() {
            let p = paragraphs[q.paragraph]
            let here = Self.window(byParagraph[q.paragraph], around: q.tokenStart, attributions)
            defer {
                // A source named in the attribution's sentence outranks the speaker quoted there.
                if let a = decisions[n].attribution, decisions[n].rule != "conversation",
                   attributions[a].paragraph == q.paragraph, let b = source(for: a, byParagraph[q.paragraph], attributions, p) {
                    decisions[n] = Decision(attribution: b, rule: "source")
                }
                if let a = decisions[n].attribution, attributions[a].implicit, attributions[a].paragraph == q.paragraph,
                   a >= listed.count || !listed[a] {
                    if listed.count < attributions.count {
                        listed.append(contentsOf: repeatElement(false, count: attributions.count - listed.count))
                    }
                    listed[a] = true
                    Self.insert(a, into: &byParagraph[q.paragraph], attributions)
                }
            }
            if let a = trailing(q, p, here, attributions) { decisions[n] = Decision(attribution: a, rule: "trailing"); continue }
            if let a = leading(q, p, here, attributions) {
                decisions[n] = Decision(attribution: outer(a, here, attributions), rule: "leading"); continue
            }
            if let a = dashSignature(q, p, &attributions, inside[q.paragraph]) {
                decisions[n] = Decision(attribution: a, rule: "signature"); continue
            }
            if let a = trailingSubject(q, p, &attributions, inside[q.paragraph]) {
                decisions[n] = Decision(attribution: a, rule: "trailing-subject"); continue
            }
            if let a = labelBefore(q, p, &attributions, inside[q.paragraph]) {
                decisions[n] = Decision(attribution: a, rule: "label"); continue
            }
            if q.open <= firstContentToken(p), q.paragraph > 0, !q.continuesFromPrevious,
               let a = colonIntro(paragraphs[q.paragraph - 1], q.paragraph - 1, byParagraph[q.paragraph - 1], &attributions,
                                  inside[q.paragraph - 1]) {
                decisions[n] = Decision(attribution: a, rule: "colon"); continue
            }
            if let a = sameSentence(q, p, here, attributions) {
                decisions[n] = Decision(attribution: outer(a, here, attributions), rule: "sentence"); continue
            }
            if q.open > 0, let a = subject(q, p, &attributions, inside[q.paragraph]) {
                decisions[n] = Decision(attribution: a, rule: "subject"); continue
            }
            if let a = transcriptLabel(q, p, &attributions) { decisions[n] = Decision(attribution: a, rule: "transcript"); continue }
            if here.isEmpty, let a = previousSentenceSubject(q, p, &attributions, inside[q.paragraph]) {
                decisions[n] = Decision(attribution: a, rule: "previous-sentence"); continue
            }
            // A quote opening a sentence after an attributed quote of the same paragraph goes on with its speaker.
            if n > 0, pieces[n - 1].paragraph == q.paragraph, let prev = decisions[n - 1].attribution, q.open >= 0,
               p.sentences[AttributionFinder.sentence(of: q.open, in: p)].lowerBound == q.open {
                decisions[n] = Decision(attribution: prev, rule: "paragraph"); continue
            }
            if let a = nearest(q, here, attributions) { decisions[n] = Decision(attribution: a, rule: "paragraph"); continue }
            if q.open <= firstContentToken(p), q.close >= 0, q.paragraph + 1 < paragraphs.count,
               let a = signature(paragraphs[q.paragraph + 1], q.paragraph + 1, &attributions) {
                decisions[n] = Decision(attribution: a, rule: "signature"); continue
            }
            if here.isEmpty, q.open <= firstContentToken(p), !q.continuesFromPrevious {
                if let prev = previousSpeaker(n, pieces, decisions) {
                    decisions[n] = Decision(attribution: prev, rule: "conversation")
                } else if q.paragraph > 0, let prev = byParagraph[q.paragraph - 1].last {
                    // A quote paragraph after a paragraph about someone ("Valastro praised …"): that person.
                    decisions[n] = Decision(attribution: prev, rule: "previous-paragraph")
                }
            }
            if decisions[n].attribution == nil, let a = sentenceName(q, p, &attributions, inside[q.paragraph]) {
                decisions[n] = Decision(attribution: a, rule: "sentence-name")
            }
        }
        return decisions
    }

    /// The attributions the sieves consider for a piece starting at token `start`: up to `windowRadius` on
    /// either side of it in the paragraph's list (sorted by cue). Every sieve looks near the quote (right
    /// after it, right before it, in its sentence, the nearest one), so results on real text are those of
    /// the whole list, while a paragraph of thousands of quotes costs linear time, not quadratic.
    static func window(_ list: [Int], around start: Int, _ all: [Attribution]) -> [Int] {
        let i = firstCue(atOrAfter: start, list, all)
        return Array(list[max(0, i - windowRadius)..<min(list.count, i + windowRadius)])
    }

    static let windowRadius = 32

    /// Position in `list` (sorted by cue start) of the first attribution whose cue starts at or after `token`.
    static func firstCue(atOrAfter token: Int, _ list: [Int], _ all: [Attribution]) -> Int {
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if all[list[mid]].cueStart < token { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Adds `a` to `list` keeping it sorted by cue start (after equal ones).
    static func insert(_ a: Int, into list: inout [Int], _ all: [Attribution]) {
        var lo = 0, hi = list.count
        let key = all[a].cueStart
        while lo < hi {
            let mid = (lo + hi) / 2
            if all[list[mid]].cueStart <= key { lo = mid + 1 } else { hi = mid }
        }
        list.insert(a, at: lo)
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
                // Adverbs, and the words of a title before a name: `"…," White House spokesman Josh Earnest said`.
                if t.kind == .word, !lexicon.breaksPhrase(t) || lexicon.isAdverb(t) { gap += 1; continue }
                ok = false
                break
            }
            // The sentence must not end between the quote and the cue (`"A." Then X said B.`).
            if ok && gap <= 4 && !(q.close >= 0 && p.tokens[q.close].flags.contains(.sentenceEnd)
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

    /// The previous paragraph ends with a colon ("Caddell continued:", "He then listed …:"): the attribution
    /// of its last sentence, or that sentence's subject.
    func colonIntro(_ prev: TextParagraph, _ index: Int, _ there: [Int], _ all: inout [Attribution], _ inside: [Bool]) -> Int? {
        let n = prev.tokens.count
        guard n > 0, prev.token(n - 1, is: ":") || prev.isDash(n - 1) else { return nil }
        if let i = there.last, n - all[i].extentEnd <= 10 { return i }
        guard let last = prev.sentences.last else { return nil }
        return implicitAttribution(prev, index, last, before: n - 1, &all, inside)
    }

    /// `"…," Trump barked.` / `"…," he mocks.`: a quote ending in `,` `?` `!` followed by a name or pronoun
    /// and a lowercase word — a speech verb outside the lexicon.
    func trailingSubject(_ q: QuotePiece, _ p: TextParagraph, _ all: inout [Attribution], _ inside: [Bool]) -> Int? {
        let t = p.tokens
        guard q.close > 0, q.close + 2 < t.count, t[q.close - 1].kind == .punctuation else { return nil }
        let c = ScalarClass.of(p.scalars[Int(t[q.close - 1].start)])
        guard c == .comma || c == .question || c == .exclamation else { return nil }
        let s = q.close + 1
        guard !inside[s], t[s].kind == .word else { return nil }
        if let a = trailingInverted(q, p, s, &all, inside) { return a }
        var e = s
        let kind: SpeakerRef.Kind
        if let pk = lexicon.pronoun(t[s]) {
            guard pk != .neuter && pk != .second else { return nil }
            e = s + 1
            kind = .pronoun(pk)
        } else if t[s].flags.contains(.capitalized), !lexicon.isDeterminer(t[s]), !lexicon.isFunctionWord(t[s]),
                  !SpeakerFinder.subordinators.contains(t[s].hash), !SpeakerFinder.openers.contains(t[s].hash) {
            // (`"…!" After the rally …` starts a new sentence: no subject there.)
            while e < t.count, e - s < 5, !inside[e], t[e].kind == .word, t[e].flags.contains(.capitalized) { e += 1 }
            kind = .name
        } else if lexicon.isDeterminer(t[s]) {
            // `"…," the Republican vice-presidential nominee riffed.`
            e = s + 1
            while e < t.count, e - s < 7, !inside[e], t[e].kind == .word, !speakers.looksLikeVerb(p, e), !lexicon.breaksPhrase(t[e]) { e += 1 }
            guard e > s + 1, e < t.count, speakers.looksLikeVerb(p, e) else { return nil }
            kind = .nominal
        } else {
            return nil
        }
        var verb = e
        // `"…," Howard Dean, the former governor of Vermont, proclaimed.`
        if case .name = kind, p.token(e, is: ",") {
            var j = e + 1
            while j < t.count, j - e <= 14, !inside[j], !p.token(j, is: ","), !t[j].flags.contains(.sentenceEnd) { j += 1 }
            guard j < t.count, p.token(j, is: ",") else { return nil }
            verb = j + 1
        }
        // The word after the subject must read as a verb ("barked", "mocks") or an adverb before one.
        guard verb < t.count, !inside[verb], t[verb].kind == .word, !t[verb].flags.contains(.capitalized),
              !t[verb].flags.contains(.possessive), speakers.looksLikeVerb(p, verb) || lexicon.isAdverb(t[verb]) else { return nil }
        _ = kind
        return implicit(p, q.paragraph, s, e, &all)
    }

    /// `Michael P. McDonald: "…"` — a name and a colon right before the quote.
    func labelBefore(_ q: QuotePiece, _ p: TextParagraph, _ all: inout [Attribution], _ inside: [Bool]) -> Int? {
        let t = p.tokens
        guard q.open >= 2, p.token(q.open - 1, is: ":") else { return nil }
        // "Rep. Trey Gowdy (R-S.C.): \"…\"" — the bracket after the name is skipped.
        let last = speakers.skipBracket(p, q.open - 2)
        guard last >= 0, t[last].kind == .word, t[last].flags.contains(.capitalized) else { return nil }
        let e = last + 1
        var s = e - 1
        while s > 0, !inside[s - 1], t[s - 1].kind == .word, t[s - 1].flags.contains(.capitalized) || t[s - 1].flags.contains(.initial) {
            s -= 1
        }
        guard e - s <= 4 else { return nil }
        return implicit(p, q.paragraph, s, e, &all)
    }

    /// "Clinton touted her record. \"We need …\"": a quote opening a sentence after a sentence about someone
    /// in the same paragraph — that sentence's subject.
    func previousSentenceSubject(_ q: QuotePiece, _ p: TextParagraph, _ all: inout [Attribution], _ inside: [Bool]) -> Int? {
        guard q.open > 0 else { return nil }
        let s = AttributionFinder.sentence(of: q.open, in: p)
        guard s > 0, p.sentences[s].lowerBound == q.open else { return nil }
        return implicitAttribution(p, q.paragraph, p.sentences[s - 1], before: p.sentences[s - 1].upperBound, &all, inside)
    }

    /// Transcripts: "TAPPER: Do you think …" — the name before the colon that opens the paragraph speaks.
    func transcriptLabel(_ q: QuotePiece, _ p: TextParagraph, _ all: inout [Attribution]) -> Int? {
        let t = p.tokens
        var e = 0
        while e < min(t.count, 4), t[e].kind == .word, t[e].flags.contains(.allCaps) || t[e].flags.contains(.capitalized) { e += 1 }
        guard e > 0, p.token(e, is: ":"), t[0].flags.contains(.allCaps), q.open > e else { return nil }
        return implicit(p, q.paragraph, 0, e, &all)
    }

    /// "- Bernie Sanders." (or "Donald Trump." alone) after a quote paragraph: a short name line signs the quote.
    func signature(_ next: TextParagraph, _ index: Int, _ all: inout [Attribution]) -> Int? {
        let t = next.tokens
        let s = t.first?.kind == .dash ? 1 : 0
        guard t.count > s, t.count <= 14, t[s].kind == .word, t[s].flags.contains(.capitalized) else { return nil }
        var e = s
        while e < t.count, t[e].kind == .word, t[e].flags.contains(.capitalized) || CueLexicon.nameConnectors.contains(t[e].hash) { e += 1 }
        guard e - s <= 5 else { return nil }
        // Without a dash the line must be the name alone ("Donald Trump.").
        if s == 0 { guard e - s >= 2, t[e...].allSatisfy({ $0.kind == .punctuation }) else { return nil } }
        return implicit(next, index, s, e, &all)
    }

    func implicit(_ p: TextParagraph, _ index: Int, _ s: Int, _ e: Int, _ all: inout [Attribution]) -> Int? {
        let kind: SpeakerRef.Kind = lexicon.pronoun(p.tokens[s]).map { .pronoun($0) } ?? .name
        var a = Attribution(paragraph: index, cueStart: e, cueEnd: e, cueKind: .quote,
                            speaker: SpeakerRef(paragraph: index, tokenStart: s, tokenEnd: e, kind: kind),
                            inverted: false, extentStart: s, extentEnd: e, sentence: AttributionFinder.sentence(of: s, in: p))
        a.implicit = true
        all.append(a)
        return all.count - 1
    }

    /// The subject of the sentence holding the opening mark, when it comes before the mark.
    /// Failing that, for a quote inside an introductory phrase without a subject of its own ("After bickering
    /// over whether the other is \"qualified\", Clinton ripped into …"), the subject after that phrase's comma.
    func subject(_ q: QuotePiece, _ p: TextParagraph, _ all: inout [Attribution], _ inside: [Bool]) -> Int? {
        let s = AttributionFinder.sentence(of: q.open, in: p)
        let sentence = p.sentences[s]
        if let a = relativeClause(q, p, sentence, &all, inside) { return a }
        if let a = implicitAttribution(p, q.paragraph, sentence, before: q.open, &all, inside) { return a }
        return afterIntroduction(q, p, sentence, &all, inside)
    }

    func implicitAttribution(_ p: TextParagraph, _ index: Int, _ sentence: Range<Int>, before limit: Int,
                             _ all: inout [Attribution], _ inside: [Bool]) -> Int? {
        guard let f = speakers.sentenceSubjectRange(p, sentence, before: limit, inside: inside) else { return nil }
        let s = SpeakerRef(paragraph: index, tokenStart: f.lowerBound, tokenEnd: f.upperBound, kind: f.kind)
        var a = Attribution(paragraph: index, cueStart: f.upperBound, cueEnd: f.upperBound, cueKind: .quote, speaker: s,
                            inverted: false, extentStart: f.lowerBound, extentEnd: f.upperBound,
                            sentence: AttributionFinder.sentence(of: f.lowerBound, in: p))
        a.implicit = true
        all.append(a)
        return all.count - 1
    }

    /// "Trump said he responded: \"…\"": a pronoun speaker inside an earlier attribution's clause of the same
    /// sentence is that attribution's speaker — report the outer, named one.
    func outer(_ i: Int, _ here: [Int], _ all: [Attribution]) -> Int {
        let a = all[i]
        guard a.speaker.isPronoun else { return i }
        for j in here where j != i && all[j].sentence == a.sentence && all[j].cueEnd <= a.speaker.tokenStart
            && !all[j].inverted && !all[j].speaker.isPronoun {
            return j
        }
        return i
    }

    /// An attribution in the quote's sentence: the first one before the quote (the outermost speaker in
    /// "Israel said Clinton called on members to be \"…\""), else the nearest after it.
    func sameSentence(_ q: QuotePiece, _ p: TextParagraph, _ here: [Int], _ all: [Attribution]) -> Int? {
        let anchor = max(0, q.open >= 0 ? q.open : q.tokenStart)
        let s = AttributionFinder.sentence(of: anchor, in: p)
        let s2 = q.close >= 0 ? AttributionFinder.sentence(of: q.close, in: p) : s
        var after: Int?
        for i in here where all[i].sentence == s || all[i].sentence == s2 {
            if all[i].cueStart < anchor { return i }
            if after == nil { after = i }
        }
        return after
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
