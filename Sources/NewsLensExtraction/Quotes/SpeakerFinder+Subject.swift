/// Sentence subjects as speakers, for quotes framed by verbs outside the cue lexicon ("Trump called Clinton
/// an ISIS \"co-founder\"", "He then listed …:") and for "X did Y and said …" / "X did Y, saying …".
extension SpeakerFinder {
    /// A pronoun or name at the sentence start (or right after an introductory phrase ending in a comma)
    /// followed by a lowercase word, before token `limit`.
    func sentenceSubjectRange(_ p: TextParagraph, _ sentence: Range<Int>, before limit: Int, inside: [Bool]) -> Found? {
        let t = p.tokens
        var starts = [sentence.lowerBound]
        var k = sentence.lowerBound
        while k < min(limit, sentence.upperBound), k - sentence.lowerBound < 25 {
            if p.token(k, is: ","), !inside[k] { starts.append(k + 1) }
            k += 1
        }
        for (n, var start) in starts.enumerated() {
            var subordinate = false
            while start < limit, t[start].kind == .word, Self.openers.contains(t[start].hash) || lexicon.isAdverb(t[start])
                    || Self.subordinators.contains(t[start].hash) {
                if Self.subordinators.contains(t[start].hash) { subordinate = true }
                start += 1
            }
            // "When Trump announced his run, he called them \"criminals\"": the subject of a subordinate clause
            // that ends before the limit is not the sentence's.
            if subordinate, n + 1 < starts.count { continue }
            guard start < limit, !inside[start], t[start].kind == .word else { continue }
            var end = start
            let kind: SpeakerRef.Kind
            if let pk = lexicon.pronoun(t[start]) {
                guard pk != .neuter && pk != .second else { continue }
                end = start + 1
                kind = .pronoun(pk)
            } else if (t[start].flags.contains(.capitalized) || t[start].flags.contains(.hasDigit)),
                      !lexicon.isDeterminer(t[start]), !Abbreviations.shared.isSentenceOpener(t[start].hash),
                      !Self.timeWords.contains(t[start].hash), !lexicon.isFunctionWord(t[start]) {
                // "Sen. Ted Cruz", "17-year-old Jared Potts", "Rep. Hakeem Jeffries (D-N.Y.)"
                end += 1
                while end < limit, !inside[end], t[end].kind == .word, t[end].flags.contains(.capitalized) { end += 1 }
                kind = .name
                // "Republican presidential candidate Donald Trump": title words between two capitalised runs.
                if capitalisedSoon(p, end, inside) {
                    var k = end
                    while k < limit, !t[k].flags.contains(.capitalized) { k += 1 }
                    while k < limit, !inside[k], t[k].kind == .word, t[k].flags.contains(.capitalized) { k += 1 }
                    end = k
                }
                if isCommonWordAtStart(t[start], runLength: end - start) { continue }
                var after = end
                if p.token(after, is: "(") {
                    while after < limit, after - end < 8, !p.token(after, is: ")") { after += 1 }
                    after += 1
                }
                // "Cruz’s lawyers relied on …": a possessive name determines the subject phrase.
                if after + 1 < limit, t[after].flags.contains(.possessive), !inside[after] {
                    // (The word right after the possessive is a noun even when it ends in "-s": "lawyers".)
                    var e2 = after + 2
                    while e2 < limit, e2 - after <= 6, !inside[e2], t[e2].kind == .word, !t[e2].flags.contains(.capitalized),
                          !looksLikeVerb(p, e2) { e2 += 1 }
                    if e2 > after + 1, e2 < limit, !inside[e2], looksLikeVerb(p, e2) || p.token(e2, is: ",") {
                        return Found(lowerBound: start, upperBound: e2, kind: .nominal)
                    }
                    continue
                }
                // "Speaking to MSNBC's Morning Joe, Bush …": a name is followed by a verb, not a preposition.
                // ("Clinton on Monday ripped into …" is a subject with a time adjunct.)
                if end == start + 1, after < limit, Self.prepositionsAfterSubject.contains(t[after].hash),
                   !(after + 1 < limit && Self.timeWords.contains(t[after + 1].hash)) { continue }
                // "Beck, who has in the past described …, clearly intended": a name with an apposition.
                if after < limit, p.token(after, is: ","), start == starts[0] || start == sentence.lowerBound {
                    return Found(lowerBound: start, upperBound: end, kind: kind)
                }
                // "Cruz and Trump have slammed …": two names coordinated.
                if after + 1 < limit, t[after].hash == CueLexicon.and, t[after + 1].flags.contains(.capitalized), !inside[after + 1] {
                    var e2 = after + 1
                    while e2 < limit, !inside[e2], t[e2].kind == .word, t[e2].flags.contains(.capitalized) { e2 += 1 }
                    if e2 < limit, looksLikeVerb(p, e2) { return Found(lowerBound: start, upperBound: e2, kind: kind) }
                }
                guard after < limit, t[after].kind == .word, !t[after].flags.contains(.capitalized), !inside[after],
                      !CueLexicon.nameConnectors.contains(t[after].hash), !t[after].flags.contains(.possessive) else { continue }
                return Found(lowerBound: start, upperBound: end, kind: kind)
            } else if lexicon.isDeterminer(t[start]), t[start].hash != CueLexicon.that {
                // "The retired neurosurgeon addressed …", "His office put out …": a determiner phrase followed
                // by a verb-like word or an apposition.
                // The word right after the determiner is no verb even when it ends in "-s" ("The lawyers relied").
                end = start + 1
                while end < limit, end - start <= 8, !inside[end], t[end].kind == .word || t[end].kind == .number,
                      end == start + 1 || !looksLikeVerb(p, end) { end += 1 }
                // A plural-looking noun ("The final results aren't in") gives way to a clearer verb just after it.
                if end < limit, looksLikeVerb(p, end), !isStrongVerb(p, end) {
                    var j = end + 1
                    while j < limit, j - start <= 8, !inside[j], t[j].kind == .word, !isStrongVerb(p, j) { j += 1 }
                    if j < limit, j - start <= 8, !inside[j], isStrongVerb(p, j) { end = j }
                }
                guard end > start + 1, end < limit, !inside[end], !Self.timeWords.contains(t[end - 1].hash),
                      (t[end].kind == .word && looksLikeVerb(p, end)) || p.token(end, is: ",") else { continue }
                return Found(lowerBound: start, upperBound: end, kind: .nominal)
            } else {
                continue
            }
            guard end < limit, t[end].kind == .word, !t[end].flags.contains(.capitalized), !inside[end],
                  !CueLexicon.nameConnectors.contains(t[end].hash), !t[end].flags.contains(.possessive) else { continue }
            return Found(lowerBound: start, upperBound: end, kind: kind)
        }
        return nil
    }

    /// A lowercase word that reads as a finite verb: an auxiliary, a cue, or a word ending in "-ed"/"-s".
    func looksLikeVerb(_ p: TextParagraph, _ k: Int) -> Bool {
        let t = p.tokens[k]
        guard t.kind == .word, !t.flags.contains(.capitalized) else { return false }
        if Self.auxiliaries.contains(t.hash) || lexicon.cues.match(p.tokens, at: k) != nil { return true }
        let e = Int(t.end)
        guard t.length >= 4 else { return false }
        if p.scalars[e - 2] == "e" && p.scalars[e - 1] == "d" { return true }
        return p.scalars[e - 1] == "s" && p.scalars[e - 2] != "s"
    }

    /// A verb by more than its "-s": an auxiliary, a cue or an "-ed" form.
    func isStrongVerb(_ p: TextParagraph, _ k: Int) -> Bool {
        let t = p.tokens[k]
        guard t.kind == .word, !t.flags.contains(.capitalized) else { return false }
        if Self.auxiliaries.contains(t.hash) || lexicon.cues.match(p.tokens, at: k) != nil { return true }
        let e = Int(t.end)
        return t.length >= 4 && p.scalars[e - 2] == "e" && p.scalars[e - 1] == "d"
    }

    static let auxiliaries = WordSet(["is", "was", "are", "were", "has", "have", "had", "will", "would",
        "can", "could", "should", "may", "might", "must", "did", "does", "also", "then", "later"])

    static let prepositionsAfterSubject = WordSet(["to", "in", "at", "on", "with", "from", "for", "about",
        "by", "of", "into", "after", "before", "during", "through"])

    static let subordinators = WordSet(["when", "while", "as", "after", "before", "because", "since", "although",
        "though", "if", "once", "until", "whereas"])

    static let openers = WordSet(["but", "and", "so", "yet", "meanwhile", "still", "however", "instead",
        "now", "then", "later", "earlier", "there", "here", "also"])
}
