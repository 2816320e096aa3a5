/// Finds reported speech (`kind: indirect`) around attributions whose cue can take a clause:
/// "X said (on Monday) (that) CLAUSE", "CLAUSE, X said", "CLAUSE, said X", "According to X, CLAUSE",
/// "CLAUSE, according to X". The clause is the reported text; stretches that are mostly inside quotation
/// marks are left to the direct-quote path.
public struct IndirectSpeechFinder: Sendable {
    public let lexicon: CueLexicon

    public init(lexicon: CueLexicon = .shared) { self.lexicon = lexicon }

    public struct Found: Sendable {
        public var tokenStart: Int
        public var tokenEnd: Int
        public var rule: String
    }

    public func find(_ a: Attribution, _ p: TextParagraph, inside: [Bool]) -> Found? {
        guard a.cueKind != .quote else { return nil }
        let sentence = p.sentences[a.sentence]
        if !a.inverted, let f = clauseAfter(a, p, sentence, inside) { return f }
        if a.cueKind == .phrase, a.extentStart == sentence.lowerBound || p.tokens[sentence.lowerBound].hash == WordHash.hash("according") {
            // "According to X, CLAUSE."
            var k = a.extentEnd
            while k < sentence.upperBound, !p.token(k, is: ",") { k += 1 }
            guard k < sentence.upperBound else { return nil }
            return accept(k + 1, trimEnd(p, k + 1, sentence.upperBound), p, inside, rule: "according-to")
        }
        // "CLAUSE, X said (adjuncts)." / "CLAUSE, said X." / "CLAUSE, according to X."
        // Title words before the speaker's name belong to the attribution: "…, council leader Ben Hall said."
        var before = a.extentStart - 1
        while before > sentence.lowerBound, a.extentStart - before <= 3, p.tokens[before].kind == .word,
              !p.tokens[before].flags.contains(.capitalized), !lexicon.breaksPhrase(p.tokens[before]) { before -= 1 }
        guard before > sentence.lowerBound, p.token(before, is: ",") || p.isDash(before) else { return nil }
        return accept(sentence.lowerBound, before, p, inside, rule: "clause-before")
    }

    /// "X said (on Monday) (that) CLAUSE": skips the object, time adjuncts and "that".
    func clauseAfter(_ a: Attribution, _ p: TextParagraph, _ sentence: Range<Int>, _ inside: [Bool]) -> Found? {
        let t = p.tokens
        var k = a.extentEnd
        guard k < sentence.upperBound else { return nil }
        // Time adjuncts: "on Monday", "on Nov. 6", "last week", "Tuesday".
        while k < sentence.upperBound {
            let h = t[k].hash
            if Self.times.contains(h) { k += 1; continue }
            if (h == Self.on || h == Self.last || h == Self.late || h == Self.this || h == Self.earlier), k + 1 < sentence.upperBound,
               Self.times.contains(t[k + 1].hash) || DateParser.month(Substring(p.text(of: t[k + 1]))) != nil {
                k += 2
                if k < sentence.upperBound, t[k].kind == .number { k += 1 }
                continue
            }
            break
        }
        guard k < sentence.upperBound, !inside[k] else { return nil }
        if t[k].hash == CueLexicon.that {
            return accept(k + 1, trimEnd(p, k + 1, sentence.upperBound), p, inside, rule: "clause-after")
        }
        if Self.prepositions.contains(t[k].hash) {
            // "said in a statement that …": a prepositional adjunct, then "that".
            var j = k + 1
            while j < min(sentence.upperBound, k + 9), !p.token(j, is: ","), !inside[j] {
                if t[j].hash == CueLexicon.that {
                    return accept(j + 1, trimEnd(p, j + 1, sentence.upperBound), p, inside, rule: "clause-after")
                }
                j += 1
            }
            return nil
        }
        guard t[k].kind == .word || t[k].kind == .number else { return nil }
        let first = t[k]
        let subjectLike = first.flags.contains(.capitalized) || lexicon.pronoun(first) != nil || lexicon.isDeterminer(first)
            || first.kind == .number || Self.clauseOpeners.contains(first.hash)
        guard subjectLike, !Self.prepositions.contains(first.hash) else { return nil }
        let end = trimEnd(p, k, sentence.upperBound)
        // Without "that", a complement opening with a determiner must read as a clause (a finite verb after its
        // subject), or the cue was an act on a noun phrase: "declared a state of emergency", "announced the
        // winners" report no speech; "said the plan would fail" does.
        if lexicon.isDeterminer(first), !hasFiniteVerb(p, k + 1, end) { return nil }
        return accept(k, end, p, inside, rule: "clause-after")
    }

    /// A word in `start ..< end` that is finite in form: an auxiliary or modal, a common irregular past, or a
    /// lowercase word in -ed.
    func hasFiniteVerb(_ p: TextParagraph, _ start: Int, _ end: Int) -> Bool {
        guard start < end else { return false }
        for k in start..<end where p.tokens[k].kind == .word && !p.tokens[k].flags.contains(.capitalized) {
            if Self.finiteVerbs.contains(p.tokens[k].hash) { return true }
            let w = p.text(of: p.tokens[k])
            if w.count > 4, w.hasSuffix("ed") { return true }
        }
        return false
    }

    /// The clause `start ..< end` when it is long enough and mostly outside quotation marks.
    func accept(_ start: Int, _ end: Int, _ p: TextParagraph, _ inside: [Bool], rule: String) -> Found? {
        guard start < end else { return nil }
        var words = 0, quoted = 0
        for k in start..<end where p.tokens[k].kind == .word || p.tokens[k].kind == .number {
            words += 1
            if inside[k] { quoted += 1 }
        }
        guard words >= 4, quoted * 2 < words else { return nil }
        var s = start
        while s < end, p.tokens[s].kind == .punctuation || p.tokens[s].kind == .dash { s += 1 }
        return s < end ? Found(tokenStart: s, tokenEnd: end, rule: rule) : nil
    }

    /// Drops the sentence's final punctuation.
    func trimEnd(_ p: TextParagraph, _ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start, p.tokens[e - 1].kind == .punctuation, !p.tokens[e - 1].flags.contains(.abbreviation),
              !(p.tokens[e - 1].kind == .quote) { e -= 1 }
        return e
    }

    static let on = WordHash.hash("on")
    static let last = WordHash.hash("last")
    static let late = WordHash.hash("late")
    static let this = WordHash.hash("this")
    static let earlier = WordHash.hash("earlier")
    static let times = WordSet(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "yesterday", "today", "tonight", "week", "month", "year", "weekend", "morning", "afternoon", "evening",
        "night", "recently", "earlier", "later", "again", "also", "previously", "separately", "publicly"])
    static let clauseOpeners = WordSet(["there", "it", "if", "when", "because", "while", "although",
        "nobody", "everyone", "everybody", "somebody", "someone", "nothing", "something", "everything", "none",
        "any", "not", "only", "both", "neither", "either", "what", "how", "why", "whether"])
    static let finiteVerbs = WordSet(["is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does",
        "did", "will", "would", "can", "could", "shall", "should", "may", "might", "must", "won't", "wouldn't",
        "can't", "couldn't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "don't",
        "doesn't", "didn't", "shouldn't", "lost", "made", "took", "gave", "found", "saw", "knew", "thought",
        "got", "went", "came", "left", "held", "kept", "told", "said", "sent", "paid", "met", "began", "grew",
        "fell", "rose", "won", "became", "brought", "bought", "felt", "led", "meant", "ran", "spent", "sold",
        "needs", "wants", "remains", "plans", "faces", "seems", "appears", "continues", "hopes", "expects"])
    static let prepositions = WordSet(["in", "on", "at", "to", "for", "with", "from", "after", "before",
        "during", "about", "by", "of", "over", "under", "through", "via"])
}
