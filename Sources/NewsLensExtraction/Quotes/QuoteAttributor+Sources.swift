/// The `source` sieve names the speaker of record rather than the nearest subject: a quote attributed in a
/// sentence that also says where it was read or heard ("\"…,\" Walker said, according to an Associated Press
/// account.", "Trump said: \"…,\" the Times reported.") goes to that source, as news attribution conventions
/// (and PARC-style annotation) have it.
extension QuoteAttributor {
    /// The attribution outranking attribution `a`: another explicit attribution of `a`'s sentence whose cue
    /// names a source ("according to", "reported"). `list` is the paragraph's attributions sorted by cue.
    func source(for a: Int, _ list: [Int], _ all: [Attribution], _ p: TextParagraph) -> Int? {
        let first = all[a]
        guard !first.implicit, !lexicon.isSource(p.tokens[first.cueStart]) else { return nil }
        for b in Self.window(list, around: first.cueStart, all) where b != a {
            let other = all[b]
            guard other.sentence == first.sentence, !other.implicit, lexicon.isSource(p.tokens[other.cueStart]),
                  endsReport(other, p) else {
                continue
            }
            return b
        }
        return nil
    }

    /// A source verb used as a verb ("the Times reported.", "… reported that", "… reported on Monday"), not as
    /// an adjective ("the number of reported cases"): the cue phrase ends the clause or opens its complement.
    func endsReport(_ a: Attribution, _ p: TextParagraph) -> Bool {
        if a.cueKind == .phrase { return true }
        let k = a.cueEnd
        guard k < p.tokens.count else { return true }
        let t = p.tokens[k]
        return t.kind != .word || t.hash == CueLexicon.that || SpeakerFinder.timePrefixes.contains(t.hash)
            || SpeakerFinder.timeWords.contains(t.hash)
    }

    /// `"…," reacted Trump.` / `"…!" beamed Donald Hartley of Madison, …`: a verb outside the lexicon right
    /// after the quote, then a name that ends the clause — news style's inverted attribution.
    func trailingInverted(_ q: QuotePiece, _ p: TextParagraph, _ verb: Int, _ all: inout [Attribution], _ inside: [Bool]) -> Int? {
        let t = p.tokens
        let s = verb + 1
        guard s < t.count, !t[verb].flags.contains(.capitalized), speakers.looksLikeVerb(p, verb), !inside[s],
              t[s].kind == .word, t[s].flags.contains(.capitalized), !lexicon.isFunctionWord(t[s]),
              !lexicon.isDeterminer(t[s]), lexicon.pronoun(t[s]) == nil else { return nil }
        var e = s
        while e < t.count, e - s < 5, !inside[e], t[e].kind == .word,
              t[e].flags.contains(.capitalized) || t[e].flags.contains(.initial) { e += 1 }
        guard e == t.count || t[e].kind == .punctuation || CueLexicon.nameConnectors.contains(t[e].hash) else { return nil }
        return implicit(p, q.paragraph, s, e, &all)
    }
}
