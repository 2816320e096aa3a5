/// Finds every attribution in the body: each speech cue outside quotation marks that has a speaker
/// ("Aso said", "said Ingrid Halvorsen", "according to the ministry", "North Korea said").
public struct AttributionFinder: Sendable {
    public let lexicon: CueLexicon
    public var speakers: SpeakerFinder

    public init(lexicon: CueLexicon = .shared) {
        self.lexicon = lexicon
        speakers = SpeakerFinder(lexicon: lexicon)
    }

    /// Attributions of paragraph `index`, in token order. `inside[k]` marks tokens inside quotation marks.
    public func find(_ p: TextParagraph, index: Int, inside: [Bool]) -> [Attribution] {
        var out = [Attribution]()
        var k = 0
        let t = p.tokens
        while k < t.count {
            guard !inside[k], t[k].kind == .word, let m = lexicon.cues.match(t, at: k) else { k += 1; continue }
            let cueEnd = k + m.length
            if cueEnd <= t.count, (k..<cueEnd).allSatisfy({ !inside[$0] }), !isNonSpeechUse(p, k, cueEnd, m.value),
               let found = speakers.find(p, paragraph: index, cueStart: k, cueEnd: cueEnd, kind: m.value, inside: inside) {
                let s = found.speaker
                var extentEnd = max(cueEnd, found.inverted ? s.tokenEnd : cueEnd)
                if m.value == .object, !found.inverted { extentEnd = objectEnd(p, cueEnd, inside) }
                out.append(Attribution(paragraph: index, cueStart: k, cueEnd: cueEnd, cueKind: m.value, speaker: s,
                                       inverted: found.inverted, extentStart: min(s.tokenStart, k), extentEnd: extentEnd,
                                       sentence: Self.sentence(of: k, in: p)))
            }
            k = cueEnd
        }
        return out
    }

    /// "told reporters", "told The Associated Press", "told the BBC": the addressee after an object cue.
    func objectEnd(_ p: TextParagraph, _ start: Int, _ inside: [Bool]) -> Int {
        let t = p.tokens
        var e = start
        guard e < t.count, !inside[e], t[e].kind == .word, lexicon.pronoun(t[e]) == nil else { return start }
        if lexicon.isDeterminer(t[e]) { e += 1 }
        if e < t.count, t[e].flags.contains(.capitalized) {
            while e < t.count, !inside[e], t[e].kind == .word, t[e].flags.contains(.capitalized) { e += 1 }
        } else {
            while e < t.count, e - start < 4, !inside[e], t[e].kind == .word, !lexicon.breaksPhrase(t[e]) { e += 1 }
        }
        return e
    }

    /// Cue words used in another sense: "the said company", "says who", a cue right after "to" ("refused to
    /// say"), or a participle modifying a noun ("a report released by").
    func isNonSpeechUse(_ p: TextParagraph, _ start: Int, _ end: Int, _ kind: CueLexicon.Kind) -> Bool {
        let first = p.tokens[start]
        // "the United States saw": a capitalised cue word inside a name is no cue.
        if first.flags.contains(.capitalized) && !first.flags.contains(.sentenceStart) { return true }
        guard kind != .phrase, start > 0 else { return false }
        let prev = p.tokens[start - 1]
        if prev.kind == .word && (prev.hash == Self.to || prev.hash == Self.the || prev.hash == Self.a) { return true }
        // Passive or conditional: "was asked", "were told", "if asked" — the subject is not the speaker.
        if prev.kind == .word && Self.passiveMarkers.contains(prev.hash) && !speakers.isParticiple(p, start) { return true }
        // A participle used as an adjective: "speaking fees", "calling card".
        if speakers.isParticiple(p, start), end < p.tokens.count {
            let next = p.tokens[end]
            if next.kind == .word, !next.flags.contains(.capitalized), !lexicon.isDeterminer(next), lexicon.pronoun(next) == nil,
               !Self.participleObjects.contains(next.hash), !lexicon.isAdverb(next) {
                return true
            }
        }
        // A noun after a possessive or determiner: "Ginsburg's comments", "their claims", "his calls".
        if prev.flags.contains(.possessive) || Self.nounDeterminers.contains(prev.hash) { return true }
        // A plural noun inside a prepositional phrase: "a series of tweets", "32% of Republican claims",
        // "his series of early-morning tweets" — a preposition right before it or before its one modifier.
        if Self.pluralNouns.contains(first.hash), prev.kind == .word {
            if Self.nounPrepositions.contains(prev.hash) { return true }
            if start >= 2, p.tokens[start - 2].hash == Self.of, lexicon.pronoun(prev) == nil, !Self.objectPronouns.contains(prev.hash),
               !lexicon.isDeterminer(prev), !lexicon.isAdverb(prev) { return true }
        }
        // Naming, not speech: "a website called \"…\"", "a film dubbed \"…\"", "the so-called \"…\"" — a naming
        // verb right after a common noun (or "so") and right before the quoted name.
        if Self.namingVerbs.contains(first.hash), end < p.tokens.count, p.tokens[end].kind == .quote,
           prev.kind == .word, !prev.flags.contains(.capitalized), lexicon.pronoun(prev) == nil,
           !SpeakerFinder.auxiliaries.contains(prev.hash), !lexicon.isAdverb(prev) || prev.hash == Self.so {
            return true
        }
        return false
    }

    static let namingVerbs = WordSet(["called", "dubbed", "named", "titled", "entitled", "labeled", "labelled", "nicknamed"])
    static let so = WordHash.hash("so")
    static let of = WordHash.hash("of")
    /// Cue words that are also plural nouns ("tweets", "claims", "comments").
    static let pluralNouns = WordSet(["tweets", "claims", "comments", "notes", "states", "answers", "replies",
        "promises", "reports", "jokes", "quips", "calls", "pledges", "chants", "vows", "boasts", "laments",
        "remarks", "statements", "posts", "stresses", "counters", "muses", "urges", "warnings"])
    static let objectPronouns = WordSet(["them", "us", "you", "these", "those", "whom", "which", "all", "both"])
    static let nounPrepositions = WordSet(["of", "in", "on", "for", "with", "about", "from", "by", "into", "than"])

    static let to = WordHash.hash("to")
    static let the = WordHash.hash("the")
    static let a = WordHash.hash("a")
    /// Words that may follow a speech participle: "saying that", "speaking to", "calling on", "adding:".
    static let participleObjects = WordSet(["that", "to", "about", "of", "on", "with", "in", "out", "at",
        "for", "him", "her", "them", "it", "me", "us", "reporters", "journalists", "supporters", "voters", "why",
        "how", "what", "whether", "if", "as"])
    static let passiveMarkers = WordSet(["was", "were", "is", "are", "been", "being", "be", "if", "when",
        "unless", "once", "whether", "get", "got", "gets"])
    static let nounDeterminers = WordSet(["his", "her", "their", "its", "our", "my", "your", "these", "those",
        "such", "an", "this", "whose", "any", "no", "some"])

    /// Index of the sentence holding token `k`.
    public static func sentence(of k: Int, in p: TextParagraph) -> Int {
        var lo = 0, hi = p.sentences.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if p.sentences[mid].lowerBound <= k { lo = mid } else { hi = mid - 1 }
        }
        return max(0, lo)
    }
}
