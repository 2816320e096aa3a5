/// Document-level typing of candidates the sentence rules left open: a word is typed by what the rest of
/// the article says about it. "Burns" at a sentence start is the surname of "Nicholas Burns"; "Paris" is
/// Valeska Paris when the article names her; "USI" is the acronym of "University of Southern Indiana";
/// "the Church" is the Church of Scientology named before; "The President" is the person named with that
/// title; in a match report "Sweden" is the national team. What stays unknown is decided by fallbacks:
/// several unusual capitalised words are a person, a weak or lone unknown word is dropped.
struct DocumentTyping: Sendable {
    func apply(_ units: [EntityUnit], _ cs: inout [NameCandidate]) {
        // 1. several capitalised words no rule typed: "Warhol Polaroids" names Warhol (known in full) and
        // things of his; else the fallback
        var surnames: Set<UInt64> = []
        for c in cs where c.type == .person && c.length >= 2 && !c.dropped { surnames.insert(units[c.unit].hash(c.tokenEnd - 1)) }
        for i in cs.indices where cs[i].type == .unknown && !cs[i].dropped && cs[i].length >= 2 && cs[i].strength == .strong
            && !cs[i].titleOnly {
            let u = units[cs[i].unit]
            if (cs[i].tokenStart..<cs[i].tokenEnd).allSatisfy({ u.has($0, [.connector, .determiner]) }) {
                cs[i].dropped = true  // "Of Of": function words in capitals
                continue
            } else if surnames.contains(u.hash(cs[i].tokenStart)) && !surnames.contains(u.hash(cs[i].tokenEnd - 1)) {
                cs[i].tokenEnd = cs[i].tokenStart + 1
                cs[i].type = .person
            } else {
                cs[i].type = fallbackType(u, cs[i])
            }
            cs[i].evidence = .fallback
        }
        // 2. name parts of people named in full, organizations named in several words, typed names
        var personLast: [UInt64: Int] = [:], personFirst: [UInt64: Int] = [:]
        var orgWords: [UInt64: Int] = [:], orgInitials: [UInt64: Int] = [:]
        var typed: [UInt64: NameType] = [:]
        for (i, c) in cs.enumerated() where !c.dropped && !c.aliasOnly && c.strength == .strong && !c.titleOnly {
            let u = units[c.unit]
            if c.type == .person && c.length >= 2 {
                personLast[u.hash(c.tokenEnd - 1)] = i
                personFirst[u.hash(c.tokenStart)] = i
            } else if c.type == .organization && c.length >= 2 {
                for k in c.tokenStart..<c.tokenEnd where u.has(k, [.orgLast, .orgFirst]) { orgWords[u.hash(k)] = i }
                orgInitials[initials(u, c.tokenStart, c.tokenEnd)] = i
            }
            if c.type != .unknown { typed[key(u, c)] = c.type }
        }
        // 3. lone and weak words
        var orphans: [Int] = []
        for i in cs.indices where !cs[i].dropped && !cs[i].aliasOnly && !cs[i].nested && !cs[i].titleOnly {
            let c = cs[i]
            let u = units[c.unit]
            let single = c.length == 1
            let h = u.hash(c.tokenStart)
            switch c.type {
            case .unknown:
                // a surname alone; a first name alone only mid-sentence ("As" is no "AS Heagle", "Will" no "Will Smith")
                if single, personLast[h] != nil || c.strength == .strong && personFirst[h] != nil,
                   u.tokens[c.tokenStart].flags.contains(.allCaps) == sameCase(units, cs, personLast[h] ?? personFirst[h]!, h) {
                    cs[i].type = .person
                } else if single, u.tokens[c.tokenStart].flags.contains(.allCaps), let j = orgInitials[h] {
                    cs[i].type = .organization
                    cs[i].acronymOf = j
                } else if single, u.has(c.tokenStart, [.orgLast, .orgFirst]), orgWords[h] != nil {
                    cs[i].type = .organization
                } else if let t = typed[key(u, c)] {
                    cs[i].type = t
                } else if single, c.strength == .strong, u.has(c.tokenStart, .given),
                          !u.has(c.tokenStart, [.common, .notName, .adjective]) {
                    cs[i].type = .person  // a first name alone mid-sentence: "Marilyn"
                } else {
                    cs[i].dropped = true
                    if c.strength == .strong && !u.has(c.tokenStart, [.notName, .adjective]) { orphans.append(i) }
                    continue
                }
                cs[i].evidence = .document
                cs[i].strength = .strong
            case .place, .country:
                // a town that is also the surname of a person the article names: "Paris" (Valeska Paris)
                if single, c.gazetteerKind == .city || c.gazetteerKind == .region || c.gazetteerKind == .capital,
                   personLast[h] != nil {
                    cs[i].type = .person
                    cs[i].evidence = .document
                }
            case .organization:
                if single, c.evidence == .acronym, let j = orgInitials[h], cs[i].acronymOf == nil { cs[i].acronymOf = j }
            default:
                break
            }
        }
        adoptListTypes(units, &cs, orphans)
        namedAfter(units, &cs, surnames: Set(personLast.keys))
        splitTrailingPerson(units, &cs)
        resolveTitles(units, &cs)
        if isSportsReport(units) { nationalTeams(units, &cs) }
    }

    /// Names in one list share a type: "Zeus, Hera, Poseidon, Aphrodite and Athena" are people when one of
    /// them is known to be a person. `orphans` are lone words dropped for want of evidence.
    private func adoptListTypes(_ units: [EntityUnit], _ cs: inout [NameCandidate], _ orphans: [Int]) {
        guard !orphans.isEmpty else { return }
        var orphanStart: [Int: Int] = [:], orphanEnd: [Int: Int] = [:]
        for i in orphans {
            orphanStart[Self.position(cs[i].unit, cs[i].tokenStart)] = i
            orphanEnd[Self.position(cs[i].unit, cs[i].tokenEnd)] = i
        }
        // a work list of typed names; each one types the orphans listed right before and after it
        var queue = cs.indices.filter { j in
            !cs[j].dropped && !cs[j].nested && !cs[j].aliasOnly && !cs[j].titleOnly && cs[j].type != .unknown
        }
        while let j = queue.popLast() {
            let u = units[cs[j].unit]
            for gap in 1...2 {
                if let i = orphanEnd[Self.position(cs[j].unit, cs[j].tokenStart - gap)], cs[i].dropped,
                   Self.listed(u, cs[i].tokenEnd, cs[j].tokenStart) {
                    adopt(i, cs[j].type, &cs, &queue)
                }
                if let i = orphanStart[Self.position(cs[j].unit, cs[j].tokenEnd + gap)], cs[i].dropped,
                   Self.listed(u, cs[j].tokenEnd, cs[i].tokenStart) {
                    adopt(i, cs[j].type, &cs, &queue)
                }
            }
        }
    }

    private func adopt(_ i: Int, _ type: NameType, _ cs: inout [NameCandidate], _ queue: inout [Int]) {
        cs[i].type = type
        cs[i].dropped = false
        cs[i].evidence = .list
        queue.append(i)
    }

    /// Only list separators between tokens `a` and `b`: "," or "and"/"or" or ", and".
    static func listed(_ u: EntityUnit, _ a: Int, _ b: Int) -> Bool {
        guard b > a, b - a <= 2 else { return false }
        for k in a..<b {
            let h = u.tokens[k].hash
            guard u.isPunct(k, EntityWords.comma) || h == EntityWords.and || h == EntityWords.or else { return false }
        }
        return true
    }

    /// A body or place named after a person the article names: "the Warhol Factory" mentions Warhol.
    private func namedAfter(_ units: [EntityUnit], _ cs: inout [NameCandidate], surnames: Set<UInt64>) {
        let n = cs.count
        var personStarts: Set<Int> = []
        for c in cs where c.type == .person { personStarts.insert(Self.position(c.unit, c.tokenStart)) }
        for i in 0..<n where !cs[i].nested && !cs[i].dropped && cs[i].length >= 2 && cs[i].type != .person
            && cs[i].evidence != .gazetteer {
            let c = cs[i]
            guard surnames.contains(units[c.unit].hash(c.tokenStart)),
                  !personStarts.contains(Self.position(c.unit, c.tokenStart)) else { continue }
            var p = NameCandidate(unit: c.unit, tokenStart: c.tokenStart, tokenEnd: c.tokenStart + 1, type: .person, evidence: .document)
            p.nested = true
            cs.append(p)
        }
    }

    /// "University of Texas Arlington Amneh Jafari heard ...": a body's name that runs into the name of a
    /// person the article names elsewhere ("Jafari said") is cut before that person's two words.
    private func splitTrailingPerson(_ units: [EntityUnit], _ cs: inout [NameCandidate]) {
        var people: Set<UInt64> = []
        for c in cs where c.type == .person && !c.dropped && !c.titleOnly { people.insert(units[c.unit].hash(c.tokenEnd - 1)) }
        let n = cs.count
        for i in 0..<n where cs[i].type == .organization && !cs[i].dropped && !cs[i].nested && cs[i].length >= 4
            && cs[i].evidence != .gazetteer {
            let u = units[cs[i].unit]
            let last = cs[i].tokenEnd - 1
            guard people.contains(u.hash(last)), u.isCapitalized(last - 1),
                  !u.has(last - 1, [.orgLast, .orgFirst, .placeLast, .common]), u.known(last - 1, limit: last + 1) == nil else { continue }
            cs[i].tokenEnd = last - 1
            cs.append(NameCandidate(unit: cs[i].unit, tokenStart: last - 1, tokenEnd: last + 1, type: .person, evidence: .document))
        }
    }

    /// "The President", "the Home Secretary": the person named with that title right after (", Yvette
    /// Cooper") or last before; else no mention.
    private func resolveTitles(_ units: [EntityUnit], _ cs: inout [NameCandidate]) {
        guard cs.contains(where: { $0.titleOnly && !$0.dropped }) else { return }
        var personAt: [Int: Int] = [:]
        for (j, p) in cs.enumerated() where p.type == .person && !p.titleOnly && !p.dropped {
            personAt[Self.position(p.unit, p.tokenStart)] = j
        }
        var holder: [UInt64: Int] = [:]  // title head word → the last person named with it
        for i in Self.documentOrder(cs) where !cs[i].dropped {
            let u = units[cs[i].unit]
            if cs[i].type == .person && !cs[i].titleOnly && cs[i].hasTitle {
                holder[u.hash(cs[i].titleEnd - 1)] = i
                continue
            }
            guard cs[i].titleOnly else { continue }
            let comma = cs[i].tokenEnd + (cs[i].possessive ? 1 : 0)
            var target: Int?
            if u.isPunct(comma, EntityWords.comma), let t = personAt[Self.position(cs[i].unit, comma + 1)] {
                target = t
                if !cs[t].hasTitle {
                    cs[t].titleStart = cs[i].titleStart
                    cs[t].titleEnd = cs[i].titleEnd
                    if cs[t].affiliation == nil { cs[t].affiliation = cs[i].affiliation }
                }
            } else {
                target = holder[u.hash(cs[i].titleEnd - 1)]
            }
            if let t = target { cs[i].coref = t } else { cs[i].dropped = true }
        }
    }

    /// One integer for a token position in the document (unit, token).
    static func position(_ unit: Int, _ token: Int) -> Int { unit << 32 | token }

    /// Candidate indexes in document order.
    static func documentOrder(_ cs: [NameCandidate]) -> [Int] {
        cs.indices.sorted { position(cs[$0].unit, cs[$0].tokenStart) < position(cs[$1].unit, cs[$1].tokenStart) }
    }

    /// A match report: sports words make up a noticeable share of the text.
    private func isSportsReport(_ units: [EntityUnit]) -> Bool {
        var sport = 0, words = 0
        for u in units {
            for (i, t) in u.tokens.enumerated() where t.kind == .word {
                words += 1
                if u.classes[i].contains(.sport) { sport += 1 }
            }
        }
        return sport >= 8 && sport * 60 >= words
    }

    /// In a match report a country that is not a place ("in Russia") is its national team.
    private func nationalTeams(_ units: [EntityUnit], _ cs: inout [NameCandidate]) {
        for i in cs.indices where cs[i].type == .country && !cs[i].aliasOnly && !cs[i].dropped && !cs[i].nested {
            let u = units[cs[i].unit]
            var p = cs[i].tokenStart - 1
            if p >= 0, u.tokens[p].hash == EntityWords.the { p -= 1 }
            if u.isLower(p, .locative) && u.tokens[p].hash != EntityWords.to { continue }
            cs[i].type = .organization
            cs[i].known = -1
            cs[i].evidence = .document
        }
    }

    /// Whether the word `h` is written in capitals in person candidate `j` (so "AS" and "As" differ).
    private func sameCase(_ units: [EntityUnit], _ cs: [NameCandidate], _ j: Int, _ h: UInt64) -> Bool {
        let u = units[cs[j].unit]
        for k in cs[j].tokenStart..<cs[j].tokenEnd where u.hash(k) == h { return u.tokens[k].flags.contains(.allCaps) }
        return false
    }

    /// Several capitalised words that no rule typed: a person, unless ordinary words, capitals or a known
    /// place make them a body ("Hitwise UK", "Homeland Security").
    private func fallbackType(_ u: EntityUnit, _ c: NameCandidate) -> NameType {
        let a = c.tokenStart, last = c.tokenEnd - 1
        if u.has(a, .given) && (!u.has(a, .common) || u.has(a, .proper)) && c.length <= 3 { return .person }
        // "AS Heagle": initials before a surname
        if c.length == 2, u.tokens[a].flags.contains(.allCaps), u.tokens[a].length <= 2, !u.tokens[last].flags.contains(.allCaps),
           !u.has(last, [.common, .orgLast, .placeLast]) {
            return .person
        }
        for k in a...last where u.tokens[k].flags.contains(.allCaps) || u.tokens[k].flags.contains(.hasDigit) {
            return .organization
        }
        // an ordinary last word makes a thing or a body ("Campbell Soup", "Silver Clouds"); an unusual one
        // a surname ("Dries Mertens", "John Stones")
        if u.has(last, [.common, .titleWord]) && !u.has(last, [.given, .surname]) { return .organization }
        return c.length <= 3 ? .person : .organization
    }

    /// Hash of the initials of the capitalised words ("University of Southern Indiana" → "usi").
    func initials(_ u: EntityUnit, _ a: Int, _ b: Int) -> UInt64 {
        var h = WordHash.empty
        for k in a..<b where u.isCapitalized(k) {
            let t = u.tokens[k]
            h = WordHash.add(h, WordHash.fold(u.text.scalars[Int(t.start)]))
        }
        return h
    }

    /// The name's words as one hash (same words ⇒ same key).
    func key(_ u: EntityUnit, _ c: NameCandidate) -> UInt64 {
        var h = u.hash(c.tokenStart)
        for k in (c.tokenStart + 1)..<max(c.tokenStart + 1, c.tokenEnd) { h = WordHash.phrase(h, u.hash(k)) }
        return h
    }
}
