/// The last sieve, `sentence-name`: a quote inside a sentence that no other sieve attributed ("all GOPers have
/// to do is repeat \"Peace Through Strength\"", "Hillary Clinton's campaign slogan is \"I'm with her.\"") goes
/// to the first name or personal pronoun of its sentence before the opening mark. The sentence's actors are
/// who a reader takes the words from; a quote with no name before it in its sentence keeps no speaker.
extension QuoteAttributor {
    func sentenceName(_ q: QuotePiece, _ p: TextParagraph, _ all: inout [Attribution], _ inside: [Bool]) -> Int? {
        guard q.open > 0 else { return nil }
        let t = p.tokens
        let sentence = p.sentences[AttributionFinder.sentence(of: q.open, in: p)]
        var k = sentence.lowerBound
        while k < q.open {
            let tok = t[k]
            guard !inside[k], tok.kind == .word else { k += 1; continue }
            if let pk = lexicon.pronoun(tok) {
                guard pk != .neuter && pk != .second else { k += 1; continue }
                return implicit(p, q.paragraph, k, k + 1, &all)
            }
            guard tok.flags.contains(.capitalized), !isFunctionLike(tok) else { k += 1; continue }
            var e = k + 1
            while e < q.open, !inside[e], t[e].kind == .word,
                  t[e].flags.contains(.capitalized) || t[e].flags.contains(.initial) { e += 1 }
            // A sentence-initial common word ("Embryonic stem cells …", "People …") is no name.
            if k == sentence.lowerBound, speakers.isCommonWordAtStart(tok, runLength: e - k) { k = e; continue }
            return implicit(p, q.paragraph, k, e, &all)
        }
        return nil
    }

    /// Capitalised words that open phrases rather than name anyone: determiners, prepositions, conjunctions,
    /// sentence adverbs, days and months.
    func isFunctionLike(_ tok: Token) -> Bool {
        lexicon.isDeterminer(tok) || lexicon.isFunctionWord(tok) || SpeakerFinder.subordinators.contains(tok.hash)
            || SpeakerFinder.openers.contains(tok.hash) || Abbreviations.shared.isSentenceOpener(tok.hash)
            || SpeakerFinder.timeWords.contains(tok.hash) || Self.months.contains(tok.hash)
    }

    static let months = WordSet(["january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec"])
}
