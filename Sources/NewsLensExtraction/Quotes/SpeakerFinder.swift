/// Finds the speaker phrase of a cue in its paragraph: the subject before it ("Aso said", "Burns, speaking
/// separately, said", "the ministry said"), or the phrase after it ("said Ingrid Halvorsen, Norway's
/// observer", "according to the ministry"). Works on tokens only.
public struct SpeakerFinder: Sendable {
    public let lexicon: CueLexicon
    /// Capitalised words seen inside sentences in this document (`ProperNouns`): a sentence-initial
    /// "Typically" or "Good" is no name unless it also appears capitalised mid-sentence. Nil: no check.
    public var properNouns: ProperNouns?

    public init(lexicon: CueLexicon = .shared, properNouns: ProperNouns? = nil) {
        self.lexicon = lexicon
        self.properNouns = properNouns
    }

    /// A single capitalised token at a sentence start that is not known as a proper noun.
    func isCommonWordAtStart(_ t: Token, runLength: Int) -> Bool {
        guard runLength == 1, t.flags.contains(.sentenceStart), let proper = properNouns else { return false }
        return !proper.contains(t.hash)
    }

    /// `inside[k]`: token k is inside quotation marks (speakers are never found there).
    public func find(_ p: TextParagraph, paragraph: Int, cueStart: Int, cueEnd: Int, kind: CueLexicon.Kind,
                     inside: [Bool]) -> (speaker: SpeakerRef, inverted: Bool)? {
        if kind == .phrase {
            guard let r = phraseAfter(p, cueEnd, inside) ?? bareNounPhrase(p, cueEnd, inside) else { return nil }
            return (SpeakerRef(paragraph: paragraph, tokenStart: r.lowerBound, tokenEnd: r.upperBound, kind: r.kind, antecedent: r.antecedent), true)
        }
        var b = cueStart - 1
        while b >= 0, lexicon.isAdverb(p.tokens[b]), !inside[b] { b -= 1 }
        let afterQuote = b >= 0 && (p.tokens[b].isClosingQuote
            || ((p.token(b, is: ",") || p.isDash(b)) && b > 0 && p.tokens[b - 1].isClosingQuote))
        let atStart = b < 0 || p.tokens[b].flags.contains(.sentenceEnd)
        if kind == .transitive || kind == .object {
            guard let r = subjectBefore(p, cueStart, inside) else { return nil }
            return (SpeakerRef(paragraph: paragraph, tokenStart: r.lowerBound, tokenEnd: r.upperBound, kind: r.kind, antecedent: r.antecedent), false)
        }
        if afterQuote || atStart {
            if let r = phraseAfter(p, cueEnd, inside), endsClause(p, r.upperBound) {
                return (SpeakerRef(paragraph: paragraph, tokenStart: r.lowerBound, tokenEnd: r.upperBound, kind: r.kind, antecedent: r.antecedent), true)
            }
            // A quote closing a parenthetical: `Washington, star of "Scandal," thanked …`.
            guard afterQuote, let r = subjectBefore(p, cueStart, inside) else { return nil }
            return (SpeakerRef(paragraph: paragraph, tokenStart: r.lowerBound, tokenEnd: r.upperBound, kind: r.kind, antecedent: r.antecedent), false)
        }
        if p.token(b, is: ","), !isParticiple(p, cueStart), let r = phraseAfter(p, cueEnd, inside), endsClause(p, r.upperBound),
           r.kind != .pronoun(.neuter) {
            // "…, said Aso." — the clause before the comma is what was said.
            return (SpeakerRef(paragraph: paragraph, tokenStart: r.lowerBound, tokenEnd: r.upperBound, kind: r.kind, antecedent: r.antecedent), true)
        }
        if let r = subjectBefore(p, cueStart, inside) {
            return (SpeakerRef(paragraph: paragraph, tokenStart: r.lowerBound, tokenEnd: r.upperBound, kind: r.kind, antecedent: r.antecedent), false)
        }
        return nil
    }

    struct Found {
        var lowerBound: Int
        var upperBound: Int
        var kind: SpeakerRef.Kind
        /// For a relative pronoun ("…, who added"), the phrase it stands for.
        var antecedent: Range<Int>? = nil
    }

    /// The subject ending just before the cue (adverbs, time adjuncts and one comma-enclosed parenthetical
    /// skipped); for "X did Y and said …" / "X did Y, saying …" the subject of the sentence.
    func subjectBefore(_ p: TextParagraph, _ cue: Int, _ inside: [Bool]) -> Found? {
        let t = p.tokens
        // "Scott Reed, the Chamber's strategist, who added …": the relative pronoun is the words the text uses
        // for the speaker; the phrase before it names him.
        var r = cue - 1
        // ("…, who has in the past described …": auxiliaries and time adjuncts skipped too.)
        while r >= 0, !inside[r], lexicon.isAdverb(t[r]) || Self.auxiliaries.contains(t[r].hash) || Self.timeWords.contains(t[r].hash)
                || Self.timePrefixes.contains(t[r].hash), !Self.relatives.contains(t[r].hash) { r -= 1 }
        if r >= 2, Self.relatives.contains(t[r].hash), p.token(r - 1, is: ","), let ante = antecedent(p, r, inside) {
            return Found(lowerBound: r, upperBound: r + 1, kind: .name, antecedent: ante)
        }
        var e = skipModifiers(p, cue - 1, inside)
        // The comma closing a parenthetical can sit inside a quote: `X, star of "Scandal," thanked`.
        if e >= 1, t[e].isClosingQuote, p.token(e - 1, is: ",") { e -= 1 }
        let sentence = p.sentences[AttributionFinder.sentence(of: cue, in: p)]
        if e >= 0, !inside[e], t[e].kind == .word, Self.coordinators.contains(t[e].hash) || Self.clausePrepositions.contains(t[e].hash) {
            // "X did Y and said …", "… by telling …", "… before claiming …": the sentence's subject.
            return sentenceSubjectRange(p, sentence, before: e, inside: inside)
        }
        if e >= 0, isParticiple(p, cue), !inside[e], t[e].kind == .word, !t[e].flags.contains(.capitalized),
           lexicon.pronoun(t[e]) == nil {
            // "issued a statement describing …": the sentence's subject speaks, not the noun before.
            if let f = sentenceSubjectRange(p, sentence, before: e, inside: inside) { return f }
        }
        if e >= 1, p.isDash(e), !inside[e] {
            // "Jason Sims — a teacher from Mount Pleasant — says": a parenthetical between dashes.
            var j = e - 1
            while j >= 0, e - j <= 16, !(p.isDash(j) && !inside[j]), !t[j].flags.contains(.sentenceEnd) { j -= 1 }
            if j >= 1, p.isDash(j) { e = skipModifiers(p, j - 1, inside) }
        }
        if e >= 0, p.token(e, is: ",") {
            if isParticiple(p, cue) {
                // "Spicer said, adding, …": the speaker of the cue just before the comma.
                var k = e - 1
                while k >= 0, e - k <= 6, !inside[k], !t[k].flags.contains(.sentenceEnd) {
                    if t[k].kind == .word, !isParticiple(p, k), let m = lexicon.cues.match(t, at: k), m.value != .transitive {
                        if let f = subjectBefore(p, k, inside) { return f }
                        if let f = phraseAfter(p, k + m.length, inside), endsClause(p, f.upperBound) { return f }
                        break
                    }
                    k -= 1
                }
                return sentenceSubjectRange(p, sentence, before: e, inside: inside)
            }
            // "Gov. John Kasich (R-OH), said": a stray comma after a name with its bracket.
            let named = skipBracket(p, e - 1)
            if named != e - 1, named >= 0, t[named].flags.contains(.capitalized) {
                e = named
                return nameEndingAt(p, e, inside)
            }
            // "Burns, speaking separately, said" / "Halvorsen, Norway's observer, said"
            // The parenthetical may hold a quote of its own ("wearing a \"Ted Cruz\" pin").
            var j = e - 1
            while j >= 0, e - j <= 16, !(p.token(j, is: ",") && !inside[j]), !t[j].flags.contains(.sentenceEnd) { j -= 1 }
            guard j >= 0, p.token(j, is: ","), !inside[j] else { return nil }
            e = skipModifiers(p, j - 1, inside)
        }
        e = skipBracket(p, e)
        guard e >= 0, !inside[e], t[e].kind == .word else { return nil }
        if let pk = lexicon.pronoun(t[e]) { return Found(lowerBound: e, upperBound: e + 1, kind: .pronoun(pk)) }
        if lexicon.isDeterminer(t[e]) {
            // "Yet another said", "One said", "Both said".
            return Self.standalone.contains(t[e].hash) ? Found(lowerBound: e, upperBound: e + 1, kind: .nominal) : nil
        }
        if t[e].flags.contains(.capitalized) && (Abbreviations.shared.isSentenceOpener(t[e].hash) || lexicon.isFunctionWord(t[e])) {
            return nil
        }
        if t[e].flags.contains(.capitalized) || t[e].flags.contains(.allCaps) { return nameEndingAt(p, e, inside) }
        return nominalEndingAt(p, e, sentence, inside)
    }

    /// The phrase a relative pronoun at `r` (after a comma) stands for: "Scott Reed, the Chamber's strategist,
    /// who", "his daughter Ivanka Trump, who", "the committee, which".
    func antecedent(_ p: TextParagraph, _ r: Int, _ inside: [Bool]) -> Range<Int>? {
        if let f = subjectBefore(p, r, inside), f.antecedent == nil { return f.lowerBound..<f.upperBound }
        let e = r - 2
        guard e >= 0, !inside[e], p.tokens[e].kind == .word else { return nil }
        if p.tokens[e].flags.contains(.capitalized) {
            let f = nameEndingAt(p, e, inside)
            return f.lowerBound..<f.upperBound
        }
        let sentence = p.sentences[AttributionFinder.sentence(of: r, in: p)]
        return nominalEndingAt(p, e, sentence, inside).map { $0.lowerBound..<$0.upperBound }
    }

    /// The capitalised name run ending at token `e` ("Japanese Foreign Minister Taro Aso", "Breitbart's Joel Pollak").
    func nameEndingAt(_ p: TextParagraph, _ e: Int, _ inside: [Bool]) -> Found {
        let t = p.tokens
        do {
            var s = e
            while s > 0, !inside[s - 1] {
                let u = t[s - 1]
                if u.kind == .word, u.flags.contains(.capitalized), !u.flags.contains(.possessive) {
                    s -= 1
                } else if s >= 2, u.kind == .word, CueLexicon.nameConnectors.contains(u.hash), u.hash != CueLexicon.and,
                          t[s - 2].flags.contains(.capitalized), !inside[s - 2] {
                    s -= 2
                } else if s >= 2, u.flags.contains(.possessive), t[s - 2].flags.contains(.capitalized) {
                    s -= 2
                } else {
                    break
                }
            }
            // "When Trump announced", "But Clinton said": a capitalised conjunction or preposition opening the
            // sentence is no part of the name.
            while s < e, t[s].flags.contains(.capitalized), lexicon.isFunctionWord(t[s]) || Self.subordinators.contains(t[s].hash)
                    || Self.openers.contains(t[s].hash) || Abbreviations.shared.isSentenceOpener(t[s].hash) { s += 1 }
            return Found(lowerBound: s, upperBound: e + 1, kind: .name)
        }
    }

    /// A common noun phrase ending at token `e`: back to its determiner ("a spokesman for the ministry").
    func nominalEndingAt(_ p: TextParagraph, _ e: Int, _ sentence: Range<Int>, _ inside: [Bool]) -> Found? {
        let t = p.tokens
        var s = e
        var determiner = false
        while s > 0, e - s < 7, !inside[s - 1] {
            let u = t[s - 1]
            if lexicon.isDeterminer(u) {
                s -= 1
                determiner = true
                // "of the", "for the": the phrase goes on ("a spokesman for the ministry").
                if s >= 2, t[s - 1].hash == CueLexicon.of || t[s - 1].hash == CueLexicon.for_, t[s - 2].kind == .word {
                    s -= 1
                    determiner = false
                    continue
                }
                break
            }
            if u.flags.contains(.possessive) { s -= 1; continue }
            if u.hash == CueLexicon.of || u.hash == CueLexicon.for_ { s -= 1; continue }
            if lexicon.breaksPhrase(u) { break }
            s -= 1
        }
        let head = p.scalars[Int(t[e].end) - 1]
        guard determiner || head == "s" || t[s].flags.contains(.capitalized) else {
            // "The influential delegate and conservative activist, who backs Cruz, warned": the sentence subject.
            if let f = sentenceSubjectRange(p, sentence, before: e + 1, inside: inside), f.lowerBound <= s { return f }
            return nil
        }
        return Found(lowerBound: s, upperBound: e + 1, kind: .nominal)
    }

    /// "Rep. Hakeem Jeffries (D-N.Y.) said": steps back over a bracketed group ending at `e`.
    func skipBracket(_ p: TextParagraph, _ e: Int) -> Int {
        guard e >= 1, p.token(e, is: ")") else { return e }
        var j = e - 1
        while j >= 0, e - j <= 8, !p.token(j, is: "(") { j -= 1 }
        return j >= 1 && p.token(j, is: "(") ? j - 1 : e
    }

    /// Steps back over adverbs and auxiliaries ("also", "has"), time adjuncts ("on Friday", "last week") and
    /// "in a statement" between a subject and its cue.
    func skipModifiers(_ p: TextParagraph, _ from: Int, _ inside: [Bool]) -> Int {
        let t = p.tokens
        var e = from
        while e >= 0, !inside[e], t[e].kind == .word {
            if lexicon.isAdverb(t[e]) { e -= 1; continue }
            if t[e].hash == Self.ago {
                // "less than two weeks ago"
                e -= 1
                while e >= 0, t[e].kind == .word || t[e].kind == .number, Self.timeWords.contains(t[e].hash)
                        || t[e].kind == .number || Self.quantity.contains(t[e].hash) { e -= 1 }
                continue
            }
            if Self.timeWords.contains(t[e].hash) {
                e -= 1
                while e >= 0, t[e].kind == .word, Self.timePrefixes.contains(t[e].hash) { e -= 1 }
                continue
            }
            if Self.settings.contains(t[e].hash), e >= 2, lexicon.isDeterminer(t[e - 1]), Self.settingPrepositions.contains(t[e - 2].hash) {
                e -= 3
                continue
            }
            break
        }
        return e
    }

    /// "involved", "familiar", "close", "speaking": words that open a reduced relative after a name.
    func looksLikeParticipleOrAdjective(_ p: TextParagraph, _ k: Int) -> Bool {
        let t = p.tokens[k]
        guard t.kind == .word, !t.flags.contains(.capitalized), t.length >= 4 else { return false }
        if Self.relativeAdjectives.contains(t.hash) { return true }
        let e = Int(t.end)
        return (p.scalars[e - 2] == "e" && p.scalars[e - 1] == "d") || isParticiple(p, k)
    }

    static let relativeAdjectives = WordSet(["familiar", "close", "aware", "knowledgeable", "opposed", "loyal"])

    /// "saying", "noting", "adding": a participle cue, whose subject is the sentence's.
    func isParticiple(_ p: TextParagraph, _ cue: Int) -> Bool {
        let t = p.tokens[cue]
        guard t.length > 4 else { return false }
        let e = Int(t.end)
        return p.scalars[e - 3] == "i" && p.scalars[e - 2] == "n" && p.scalars[e - 1] == "g"
    }

    static let ago = WordHash.hash("ago")
    static let quantity = WordSet(["a", "an", "one", "two", "three", "four", "five", "six", "few", "several",
        "less", "more", "than", "about", "nearly", "almost", "just", "some"])
    static let relatives = WordSet(["who", "which"])
    static let clausePrepositions = WordSet(["by", "before", "after", "while", "when", "without", "as",
        "for", "in", "on", "upon", "since"])
    static let standalone = WordSet(["another", "one", "both", "some", "many", "others", "several", "two",
        "three", "most", "few", "all", "each"])
    static let coordinators = WordSet(["and", "but", "or"])
    static let timeWords = WordSet(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "yesterday", "today", "tonight", "week", "month", "year", "weekend", "morning", "afternoon", "evening", "night",
        "past", "recently", "weeks", "months", "years", "days", "time", "times", "hours", "hour", "minutes",
        "moments", "ago"])
    static let timePrefixes = WordSet(["on", "last", "this", "late", "early", "next", "in", "the", "recent",
        "previous", "earlier", "at", "one", "several", "many", "a", "two", "three", "few", "same"])
    static let settings = WordSet(["statement", "interview", "letter", "speech", "email", "post", "tweet",
        "release", "response", "memo", "video", "op-ed", "column", "briefing", "conference", "call", "filing",
        "report", "message"])
    static let settingPrepositions = WordSet(["in", "on", "at", "during", "via", "through", "with"])

    /// The phrase right after the cue: a pronoun, a name with its title words ("Republican party boss Reince
    /// Priebus"), or a determiner phrase ("the ministry").
    func phraseAfter(_ p: TextParagraph, _ start: Int, _ inside: [Bool]) -> Found? {
        let t = p.tokens
        guard start < t.count, !inside[start], t[start].kind == .word, !Self.timeWords.contains(t[start].hash) else { return nil }
        if let pk = lexicon.pronoun(t[start]) { return Found(lowerBound: start, upperBound: start + 1, kind: .pronoun(pk)) }
        let determiner = lexicon.isDeterminer(t[start])
        guard determiner || t[start].flags.contains(.capitalized) || t[start].flags.contains(.hasDigit)
                || capitalisedSoon(p, start, inside) else { return nil }
        var e = start + 1
        var capitalised = t[start].flags.contains(.capitalized) && !determiner
        while e < t.count, e - start < 14, !inside[e] {
            let u = t[e]
            if u.kind != .word { break }
            if u.flags.contains(.capitalized) { capitalised = true; e += 1; continue }
            if u.flags.contains(.possessive) || u.hash == CueLexicon.of || u.hash == CueLexicon.for_ || lexicon.isDeterminer(u) {
                e += 1; continue
            }
            if lexicon.breaksPhrase(u) || Self.timeWords.contains(u.hash) || lexicon.isAdverb(u) { break }
            // After a name, a lowercase word continues the phrase only as a title before more name words
            // ("Republican party boss Reince Priebus"), not as a verb ("Japan agreed").
            if capitalised, !capitalisedSoon(p, e, inside), !nounsToClauseEnd(p, e, inside) { break }
            e += 1
        }
        while e > start + 1, t[e - 1].hash == CueLexicon.of || t[e - 1].hash == CueLexicon.for_ || lexicon.isDeterminer(t[e - 1]) { e -= 1 }
        if capitalised { return Found(lowerBound: start, upperBound: e, kind: .name) }
        // "tweeted another.", "said one": a determiner standing alone.
        if e == start + 1, determiner, Self.standalone.contains(t[start].hash) { return Found(lowerBound: start, upperBound: e, kind: .nominal) }
        guard e > start + 1 else { return nil }
        return Found(lowerBound: start, upperBound: e, kind: .nominal)
    }

    /// "former South Carolina Gov. Jim Hodges", "retired Rep. John Boehner": lowercase modifiers before a name.
    func capitalisedSoon(_ p: TextParagraph, _ start: Int, _ inside: [Bool]) -> Bool {
        if CueLexicon.nameConnectors.contains(p.tokens[start].hash) || Self.clausePrepositions.contains(p.tokens[start].hash) {
            return false
        }
        var k = start
        while k < min(p.tokens.count, start + 3), !inside[k], p.tokens[k].kind == .word {
            if p.tokens[k].flags.contains(.capitalized) { return k > start }
            // Title words are nouns and adjectives: "Clinton proposed a New York debate" has none.
            if lexicon.breaksPhrase(p.tokens[k]) || lexicon.isAdverb(p.tokens[k]) || lexicon.isDeterminer(p.tokens[k])
                || isStrongVerb(p, k) { return false }
            k += 1
        }
        return false
    }

    /// "of the New York delegation." — at most three plain words, then the end of the clause.
    func nounsToClauseEnd(_ p: TextParagraph, _ start: Int, _ inside: [Bool]) -> Bool {
        var k = start
        while k < p.tokens.count, k - start < 3, !inside[k], p.tokens[k].kind == .word, !lexicon.breaksPhrase(p.tokens[k]),
              !looksLikeVerb(p, k) || p.scalars[Int(p.tokens[k].end) - 1] == "s" {
            k += 1
        }
        return k > start && endsClause(p, k)
    }

    /// After an inverted speaker the clause ends: punctuation, the paragraph end, or an adjunct
    /// ("said Aso on Monday", "said the ministry in a statement").
    /// "according to police", "according to city engineers": one to three lowercase words that end the
    /// clause (a comma or the sentence's end), with no verb, pronoun or determiner among them.
    func bareNounPhrase(_ p: TextParagraph, _ start: Int, _ inside: [Bool]) -> Found? {
        var e = start
        while e < p.tokens.count, e - start < 3, !inside[e], p.tokens[e].kind == .word {
            let u = p.tokens[e]
            if u.flags.contains(.capitalized) || lexicon.breaksPhrase(u) || lexicon.isDeterminer(u) || lexicon.isAdverb(u)
                || lexicon.pronoun(u) != nil || Self.timeWords.contains(u.hash) || isStrongVerb(p, e) { return nil }
            e += 1
        }
        guard e > start, !Self.notSources.contains(p.tokens[e - 1].hash), e < p.tokens.count, p.token(e, is: ",") || p.tokens[e].flags.contains(.sentenceEnd)
                || (p.tokens[e].kind == .punctuation && p.text(of: p.tokens[e]) == ".") else { return nil }
        return Found(lowerBound: start, upperBound: e, kind: .nominal)
    }

    /// "according to plan", "according to custom": manners, not sources.
    static let notSources = WordSet(["plan", "plans", "schedule", "tradition", "custom", "script", "form", "law",
        "rule", "rules", "protocol", "design", "type", "size", "need", "needs", "taste", "season", "age", "merit"])

    func endsClause(_ p: TextParagraph, _ k: Int) -> Bool {
        guard k < p.tokens.count else { return true }
        let t = p.tokens[k]
        if t.kind == .punctuation || t.kind == .dash || t.isClosingQuote { return true }
        // A reduced relative: "said one Republican involved in the planning", "said a source familiar with".
        if t.kind == .word, k + 1 < p.tokens.count, looksLikeParticipleOrAdjective(p, k),
           Self.clausePrepositions.contains(p.tokens[k + 1].hash) || p.tokens[k + 1].hash == CueLexicon.with_ {
            return true
        }
        return t.kind == .word && Self.adjunctStarters.contains(t.hash)
    }

    static let adjunctStarters = WordSet(["on", "in", "at", "during", "after", "before", "last", "late",
        "earlier", "this", "yesterday", "today", "tonight", "when", "while", "as", "who", "whose", "told", "to",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "via", "through", "from"])
}
