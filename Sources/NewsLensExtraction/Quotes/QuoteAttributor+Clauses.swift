/// Sentence-internal quotes said by the subject of a clause around them: inside a relative clause ("…, Ivanka
/// Trump, who portrayed him as \"the people's champion\"") the relative pronoun, standing for its antecedent;
/// inside an introductory phrase without a subject of its own ("After bickering over whether the other is
/// \"qualified\", Clinton ripped into Sanders") the main clause's subject.
extension QuoteAttributor {
    /// The subject right after the comma closing the introductory phrase that holds the quote, when the
    /// sentence opens with a participle ("Asked …", "Speaking …") or a preposition or subordinator followed by
    /// one ("After spending …", "While calling …").
    func afterIntroduction(_ q: QuotePiece, _ p: TextParagraph, _ sentence: Range<Int>, _ all: inout [Attribution],
                           _ inside: [Bool]) -> Int? {
        let t = p.tokens
        let first = sentence.lowerBound
        guard q.close >= 0, first < q.open, t[first].kind == .word, !inside[first] else { return nil }
        let participle = isParticiple(p, first, past: true)
            || (first + 1 < q.open && (SpeakerFinder.subordinators.contains(t[first].hash)
                                       || SpeakerFinder.prepositionsAfterSubject.contains(t[first].hash))
                && isParticiple(p, first + 1, past: false))
        guard participle else { return nil }
        // The comma that closes the phrase, after the quote and before any sentence-internal cue or verb.
        var comma = q.close + 1
        while comma < sentence.upperBound, comma - q.close <= Self.introductionReach, inside[comma] || !p.token(comma, is: ",") {
            comma += 1
        }
        guard comma < sentence.upperBound, comma - q.close <= Self.introductionReach else { return nil }
        let rest = (comma + 1)..<sentence.upperBound
        guard let f = speakers.sentenceSubjectRange(p, rest, before: sentence.upperBound, inside: inside),
              f.lowerBound <= comma + 3 else { return nil }
        var a = Attribution(paragraph: q.paragraph, cueStart: f.upperBound, cueEnd: f.upperBound, cueKind: .quote,
                            speaker: SpeakerRef(paragraph: q.paragraph, tokenStart: f.lowerBound, tokenEnd: f.upperBound, kind: f.kind),
                            inverted: false, extentStart: f.lowerBound, extentEnd: f.upperBound,
                            sentence: AttributionFinder.sentence(of: f.lowerBound, in: p))
        a.implicit = true
        all.append(a)
        return all.count - 1
    }

    static let introductionReach = 12

    /// A word of five letters or more ending in "-ing" ("Speaking"), or with `past` in "-ed" ("Asked").
    func isParticiple(_ p: TextParagraph, _ k: Int, past: Bool) -> Bool {
        let t = p.tokens[k]
        guard t.kind == .word, t.length >= 5 else { return false }
        let e = Int(t.end)
        let s = p.scalars
        let ing = s[e - 3] == "i" && s[e - 2] == "n" && s[e - 1] == "g"
        let ed = s[e - 2] == "e" && s[e - 1] == "d"
        return ing || (past && ed)
    }

    /// "…, his daughter Ivanka Trump, who portrayed him as \"the people's champion\"": a quote inside a relative
    /// clause is said by the relative pronoun's antecedent — the mention is the pronoun the text uses.
    func relativeClause(_ q: QuotePiece, _ p: TextParagraph, _ sentence: Range<Int>, _ all: inout [Attribution],
                        _ inside: [Bool]) -> Int? {
        let t = p.tokens
        var k = q.open - 1
        while k > sentence.lowerBound, q.open - k <= Self.relativeReach {
            defer { k -= 1 }
            if inside[k] { continue }
            if t[k].kind == .dash || p.token(k, is: ";") || p.token(k, is: "(") || p.token(k, is: ")") { return nil }
            guard SpeakerFinder.relatives.contains(t[k].hash), p.token(k - 1, is: ",") else { continue }
            guard let ante = speakers.antecedent(p, k, inside) else { return nil }
            var a = Attribution(paragraph: q.paragraph, cueStart: k + 1, cueEnd: k + 1, cueKind: .quote,
                                speaker: SpeakerRef(paragraph: q.paragraph, tokenStart: k, tokenEnd: k + 1, kind: .name,
                                                    antecedent: ante),
                                inverted: false, extentStart: k, extentEnd: k + 1,
                                sentence: AttributionFinder.sentence(of: k, in: p))
            a.implicit = true
            all.append(a)
            return all.count - 1
        }
        return nil
    }

    static let relativeReach = 20
}
