/// Rules that look around a candidate in its sentence, run after the sentence's chunks are parsed:
/// - speech: a name before or after a speech verb is a speaker, so an unknown one is a person ("Joseph said");
/// - appositions: "Priya Natarajan, an analyst at Clearwater Energy" (title, affiliation), "coach Alireza
///   Mehraban", "Clearwater Energy analyst Priya Natarajan";
/// - acronyms in brackets: "Asia-Pacific Economic Cooperation (APEC)" links the two;
/// - capitals: "Pyongyang's test", "Tokyo was refusing" stand for the country; "in Tokyo" is the city;
/// - agency credits: "(Reuters)", "(AP Photo/...)" are credits, not mentions.
struct ContextRules: Sendable {
    let resources: EntityResources
    var gazetteer: Gazetteer { _read { yield resources.gazetteer } }

    /// Candidates of one sentence by first and last token: a linear scan for the usual handful, hash maps
    /// for sentences with many names, so each rule finds its neighbour cheaply either way.
    struct Neighbours {
        let starts: [Int32], ends: [Int32], index: [Int32]
        var byStart: [Int: Int]?, byEnd: [Int: Int]?

        init(_ out: [NameCandidate], from first: Int) {
            var s: [Int32] = [], e: [Int32] = [], x: [Int32] = []
            for i in first..<out.count where !out[i].nested {
                s.append(Int32(out[i].tokenStart)); e.append(Int32(out[i].tokenEnd)); x.append(Int32(i))
            }
            starts = s; ends = e; index = x
            if x.count > 24 {
                var bs: [Int: Int] = [:], be: [Int: Int] = [:]
                for k in x.indices {
                    if bs[Int(s[k])] == nil { bs[Int(s[k])] = Int(x[k]) }
                    be[Int(e[k])] = Int(x[k])
                }
                byStart = bs; byEnd = be
            }
        }

        /// First candidate starting at token `t`.
        func starting(_ t: Int) -> Int? {
            if let m = byStart { return m[t] }
            for k in starts.indices where starts[k] == Int32(t) { return Int(index[k]) }
            return nil
        }

        /// Last candidate ending at token `t`.
        func ending(_ t: Int) -> Int? {
            if let m = byEnd { return m[t] }
            var found: Int?
            for k in ends.indices where ends[k] == Int32(t) { found = Int(index[k]) }
            return found
        }
    }

    func apply(_ u: EntityUnit, sentence: Range<Int>, to out: inout [NameCandidate], from first: Int) {
        guard first < out.count else { return }
        let n = Neighbours(out, from: first)
        var i = first
        while i < out.count {
            if !out[i].nested && !out[i].aliasOnly { applyOne(u, sentence, i, &out, first, n) }
            i += 1
        }
    }

    private func applyOne(_ u: EntityUnit, _ s: Range<Int>, _ i: Int, _ out: inout [NameCandidate], _ first: Int,
                          _ n: Neighbours) {
        let c = out[i]
        let before = (c.hasTitle ? c.titleStart : c.tokenStart) - 1
        var after = c.tokenEnd
        if c.possessive { after += 1 }
        // products ("Internet Explorer", "iPhone") are named things, not participants
        if c.type == .organization, c.known >= 0, gazetteer.entities[Int(c.known)].kind == .product {
            out[i].dropped = true
            return
        }
        // agency credit: "(Reuters)", "[AP]", "(AP Photo/Jane Doe)"
        if c.known >= 0, gazetteer.entities[Int(c.known)].kind == .agency, c.type == .organization,
           u.isPunct(c.tokenStart - 1, EntityWords.openParen) || u.isPunct(c.tokenStart - 1, EntityWords.openBracket) {
            out[i].dropped = true
            return
        }
        // acronym defined in brackets right after a name
        if u.isPunct(c.tokenEnd, EntityWords.openParen), u.isPunct(c.tokenEnd + 2, EntityWords.closeParen),
           c.type == .organization || c.type == .unknown || c.type == .country, c.length >= 2 {
            if let j = n.starting(c.tokenEnd + 1), j > i,
               u.tokens[c.tokenEnd + 1].flags.contains(.allCaps) {
                let t: NameType = c.type == .unknown ? .organization : c.type
                out[i].type = t
                out[i].acronym = j
                out[j].type = t
                if out[j].known < 0 { out[j].known = c.known }
                out[j].evidence = .acronym
            }
        }
        // capitals: the city after a place preposition, else the government of the country
        if c.gazetteerKind == .capital, c.type == .place {
            if !isLocative(u, c, out, i, n) {
                out[i].type = .country
            }
        }
        // a town before a speech verb is a person of that name ("Aso said"; Aso is also a Japanese town)
        if c.gazetteerKind == .city, c.length == 1, u.isLower(after, .speechVerb) {
            out[i].type = .person
            out[i].evidence = .speech
            return
        }
        // a place by its last word that speaks or has a role is a person named so ("Ben Hall said", "Ben Hall,
        // the mayor,"), or else the body that runs it ("Carnegie Hall said")
        // a body named like a person ("Joan Church, a lawyer at") is that person when a role says so
        if c.evidence == .placeWord || c.evidence == .orgWord, c.known < 0, !c.nested {
            let named = NameTyper().looksLikePersonName(u, c.tokenStart, c.tokenEnd) && u.has(c.tokenStart, .given)
                && u.has(c.tokenEnd - 1, .surname)
            if c.type == .place, personContext(u, s, before: before, after: after, speech: true) {
                out[i].type = named ? .person : .organization
                out[i].evidence = .speech
                if !named { return }
            } else if named, personContext(u, s, before: before, after: after, speech: false) {
                out[i].type = .person
                out[i].evidence = .apposition
            }
        }
        guard c.type == .unknown || c.type == .person || out[i].type == .person else { return }
        // the title of a work is no participant: "the 1969 film Easy Rider", "her novel Angel Catbird"
        if c.evidence != .title && c.evidence != .honorific && u.isLower(c.tokenStart - 1, .workNoun) {
            out[i].dropped = true
            return
        }
        // a body or a place by the noun in front ("the religious schools Santo Spirito", "the band Duran
        // Duran", "the city of Bogliasco") or in an apposition ("Instituto Gonzaga, a catholic school")
        if c.evidence != .title && c.evidence != .honorific, let t = kindByNoun(u, c, before: before, after: after, s) {
            out[i].type = t
            out[i].evidence = .apposition
            return
        }
        // "the Monti government", "the Trump administration": the leader
        if c.type == .unknown && u.isLower(after, .leaderNoun) && !u.tokens[c.tokenStart].flags.contains(.allCaps) {
            out[i].type = .person
            out[i].evidence = .leader
        }
        // "US Undersecretary A (C) and Undersecretary B (R)": coordinated titles share the affiliation
        if c.type == .person, c.hasTitle, c.affiliation == nil, before >= 0, u.tokens[before].hash == EntityWords.and,
           let j = out[max(first, i - 16)..<i].lastIndex(where: { $0.type == .person && $0.hasTitle && !$0.titleOnly }),
           let a = out[j].affiliation {
            out[i].affiliation = a
        }
        // speech verb after the name ("Aso said") or before it ("said Ingrid Halvorsen")
        if u.isLower(after, .speechVerb) || (after < s.upperBound && u.isPunct(after, EntityWords.comma) && u.isLower(after + 1, .speechVerb))
            || u.isLower(before, .speechVerb) {
            // "the Church claims": a body's own word is no person
            if c.type == .unknown && c.strength == .strong && !u.tokens[c.tokenStart].flags.contains(.allCaps)
                && !(c.length == 1 && u.has(c.tokenStart, [.orgLast, .orgFirst, .placeLast])) {
                out[i].type = .person
                out[i].evidence = .speech
            }
        }
        // apposition after: ", an analyst at Clearwater Energy", ", the team's coach"
        if u.isPunct(after, EntityWords.comma), let (role, end) = roleAfter(u, after + 1, s.upperBound) {
            out[i].type = .person
            out[i].evidence = c.type == .person ? c.evidence : .apposition
            if out[i].roleTitle == nil && !out[i].hasTitle && u.has(role.lowerBound, .role) {
                out[i].roleTitle = u.string(role.lowerBound, role.upperBound)
            }
            if let j = n.starting(end), j > i, out[i].affiliation == nil {
                if out[j].type == .unknown { out[j].type = .organization; out[j].evidence = .apposition }
                out[i].affiliation = out[j].known >= 0 ? .known(out[j].known) : .candidate(j)
            }
        }
        // role before: "coach Alireza Mehraban", "the team's coach, Alireza Mehraban", "Clearwater Energy analyst X"
        var r = before
        if u.isPunct(r, EntityWords.comma) { r -= 1 }
        if r >= s.lowerBound, u.isLower(r, [.role, .personNoun]), !c.hasTitle {
            out[i].type = .person
            if c.type == .unknown { out[i].evidence = .apposition }
            // "prime minister Kovalenko", "Prime minister Kovalenko" at a sentence start: modifiers belong to it
            var m = r
            while m - 1 >= s.lowerBound, u.isLower(m - 1, [.titleModifier, .role]) { m -= 1 }
            if m - 1 >= s.lowerBound, u.tokens[m - 1].flags.contains(.sentenceStart), u.has(m - 1, .titleModifier),
               let j = n.ending(m), j < i {
                m -= 1
                out[j].dropped = true
            }
            if out[i].roleTitle == nil && u.has(r, .role) { out[i].roleTitle = u.string(m, r + 1) }
            if m - 1 >= 0, let j = n.ending(m), j < i, !out[j].dropped,
               out[i].affiliation == nil, out[j].type != .person {
                if out[j].type == .unknown { out[j].type = .organization; out[j].evidence = .apposition }
                out[i].affiliation = out[j].known >= 0 ? .known(out[j].known) : .candidate(j)
            }
        }
    }

    /// A speech verb right before or after the name (", said" too), or a role apposition after it.
    /// With `speech: false` only a role counts (bodies speak too): "lawyer Joan Church", ", a lawyer at".
    private func personContext(_ u: EntityUnit, _ s: Range<Int>, before: Int, after: Int, speech: Bool) -> Bool {
        if !speech && before >= s.lowerBound && u.isLower(before, .role) { return true }
        if speech && u.isLower(after, .speechVerb) { return true }
        // "said Ben Hall." but not "officials said Central Park would close"
        if speech && u.isLower(before, .speechVerb) && (after >= s.upperBound || !u.isWord(after)) { return true }
        guard after < s.upperBound, u.isPunct(after, EntityWords.comma) else { return false }
        return speech && u.isLower(after + 1, .speechVerb) || roleAfter(u, after + 1, s.upperBound) != nil
    }

    /// ", a senior analyst at" / ", the Afghan team's coach,": the role word's range and the token after
    /// "at/of/for/with" (where the employer starts), or the token after the role.
    private func roleAfter(_ u: EntityUnit, _ start: Int, _ end: Int) -> (Range<Int>, Int)? {
        var k = start
        guard k < end else { return nil }
        if u.isLower(k, .determiner) { k += 1 }
        var steps = 0
        while k < end && steps < 5 {
            if u.isLower(k, [.role, .personNoun]) {
                var e = k + 1
                while e < end, u.isLower(e, .role) { e += 1 }  // "chief executive"
                var next = e
                let h = next < end ? u.tokens[next].hash : 0
                if h == EntityWords.at || h == EntityWords.of || h == EntityWords.for || h == EntityWords.with {
                    next += 1
                    if next < end, u.tokens[next].hash == EntityWords.the { next += 1 }
                }
                return (k..<e, next)
            }
            // modifiers: lowercase words ("senior", "former"), or a possessive owner ("the Afghan team's")
            guard u.isWord(k), !u.has(k, [.speechVerb, .connector, .determiner]) || u.tokens[k].flags.contains(.capitalized) else {
                return nil
            }
            k += 1
            steps += 1
        }
        return nil
    }

    /// Organization or place when a body or place noun heads the phrase right before the name or its
    /// apposition; nil otherwise.
    private func kindByNoun(_ u: EntityUnit, _ c: NameCandidate, before: Int, after: Int, _ s: Range<Int>) -> NameType? {
        func kind(_ k: Int) -> NameType? {
            if u.isLower(k, .orgNoun) { return .organization }
            if u.isLower(k, .placeNoun) { return .place }
            return nil
        }
        if let t = kind(before) { return t }
        if before >= 1, u.tokens[before].hash == EntityWords.of, let t = kind(before - 1), t == .place { return t }
        guard u.isPunct(after, EntityWords.comma) else { return nil }
        var k = after + 1
        if u.isLower(k, .determiner) { k += 1 }
        var steps = 0
        while k < s.upperBound && steps < 3 {
            guard u.isWord(k), !u.tokens[k].flags.contains(.capitalized) else { return nil }
            if let t = kind(k), !u.isLower(k + 1, [.role, .personNoun, .orgNoun, .placeNoun]) { return t }
            if u.has(k, [.role, .personNoun, .speechVerb, .connector, .determiner]) { return nil }
            k += 1
            steps += 1
        }
        return nil
    }

    /// A capital used as a place: after a place preposition ("in Tokyo", "for Seoul" unless "for Tokyo to
    /// stay away"), in a list after another place ("to Beijing and Moscow"), or before ", <region>".
    private func isLocative(_ u: EntityUnit, _ c: NameCandidate, _ out: [NameCandidate], _ i: Int, _ n: Neighbours) -> Bool {
        var p = c.tokenStart - 1
        if p >= 0, u.tokens[p].hash == EntityWords.the { p -= 1 }
        if u.isLower(p, .locative) { return true }
        if p >= 0, u.tokens[p].hash == EntityWords.for { return !(u.isWord(c.tokenEnd) && u.tokens[c.tokenEnd].hash == EntityWords.to) }
        if p >= 0, u.tokens[p].hash == EntityWords.and || u.isPunct(p, EntityWords.comma),
           let j = n.ending(p), j < i {
            return out[j].type == .place
        }
        if u.isPunct(c.tokenEnd, EntityWords.comma), let j = n.starting(c.tokenEnd + 1), j > i {
            return out[j].type == .place || out[j].gazetteerKind == .region
        }
        return false
    }
}
