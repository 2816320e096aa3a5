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
                if single, personLast[h] != nil || personFirst[h] != nil {
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
        var changed = true
        var open = Set(orphans)
        while changed {
            changed = false
            for i in open {
                let c = cs[i]
                let u = units[c.unit]
                // the neighbour before ("A, B" / "A and B" / "A, and B") or after
                let neighbour = cs.indices.first { j in
                    let d = cs[j]
                    guard j != i, d.unit == c.unit, !d.dropped, !d.nested, !d.aliasOnly, d.type != .unknown else { return false }
                    return Self.listed(u, d.tokenEnd, c.tokenStart) || Self.listed(u, c.tokenEnd, d.tokenStart)
                }
                if let j = neighbour {
                    cs[i].type = cs[j].type
                    cs[i].dropped = false
                    cs[i].evidence = .list
                    open.remove(i)
                    changed = true
                }
            }
        }
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
        for i in 0..<n where !cs[i].nested && !cs[i].dropped && cs[i].length >= 2 && cs[i].type != .person
            && cs[i].evidence != .gazetteer {
            let c = cs[i]
            guard surnames.contains(units[c.unit].hash(c.tokenStart)),
                  !cs.contains(where: { $0.unit == c.unit && $0.tokenStart == c.tokenStart && $0.type == .person }) else { continue }
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
        for i in cs.indices where cs[i].titleOnly && !cs[i].dropped {
            let c = cs[i]
            let u = units[c.unit]
            let head = u.hash(c.titleEnd - 1)
            var target: Int?
            if u.isPunct(c.tokenEnd + (c.possessive ? 1 : 0), EntityWords.comma) {
                target = cs.indices.first { j in
                    cs[j].unit == c.unit && cs[j].tokenStart == c.tokenEnd + 1 && cs[j].type == .person && !cs[j].titleOnly
                }
                if let t = target, !cs[t].hasTitle {
                    cs[t].titleStart = c.titleStart
                    cs[t].titleEnd = c.titleEnd
                    if cs[t].affiliation == nil { cs[t].affiliation = c.affiliation }
                }
            }
            if target == nil {
                target = cs.indices.last { j in
                    let p = cs[j]
                    return p.type == .person && !p.titleOnly && !p.dropped && p.hasTitle && (p.unit, p.tokenStart) < (c.unit, c.tokenStart)
                        && units[p.unit].hash(p.titleEnd - 1) == head
                }
            }
            if let t = target { cs[i].coref = t } else { cs[i].dropped = true }
        }
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
