/// Document-level typing of candidates the sentence rules left open: a word is typed by what the rest of
/// the article says about it. "Burns" at a sentence start is the surname of "Nicholas Burns"; "Paris" is
/// Valeska Paris when the article names her; "USI" is the acronym of "University of Southern Indiana";
/// "the Church" is the Church of Scientology named before. What stays unknown is decided by fallbacks:
/// several unusual capitalised words are a person, a weak word is dropped, a lone word is dropped.
struct DocumentTyping: Sendable {
    func apply(_ units: [EntityUnit], _ cs: inout [NameCandidate]) {
        // Name parts of people named in full, and of organizations named in several words.
        var personLast: [UInt64: Int] = [:], personFirst: [UInt64: Int] = [:]
        var orgWords: [UInt64: Int] = [:], orgInitials: [UInt64: Int] = [:]
        var typed: [UInt64: NameType] = [:]
        for (i, c) in cs.enumerated() where !c.dropped && !c.aliasOnly && c.strength == .strong {
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
        for i in cs.indices where !cs[i].dropped && !cs[i].aliasOnly && !cs[i].nested {
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
                } else if c.strength == .weak {
                    cs[i].dropped = true
                    continue
                } else if !single {
                    cs[i].type = fallbackType(u, c)
                } else {
                    cs[i].dropped = true
                    continue
                }
                cs[i].evidence = .document
                cs[i].strength = .strong
            case .place:
                // a town that is also the surname of a person the article names: "Paris" (Valeska Paris)
                if single, c.gazetteerKind == .city || c.gazetteerKind == .region, personLast[h] != nil {
                    cs[i].type = .person
                    cs[i].evidence = .document
                }
            case .organization:
                if single, c.evidence == .acronym, let j = orgInitials[h], cs[i].acronymOf == nil { cs[i].acronymOf = j }
            default:
                break
            }
        }
    }

    /// Several capitalised words that no rule typed: a person, unless ordinary words make them a body.
    private func fallbackType(_ u: EntityUnit, _ c: NameCandidate) -> NameType {
        var ordinary = 0
        for k in c.tokenStart..<c.tokenEnd where u.has(k, [.common, .titleWord]) && !u.has(k, [.given, .surname]) { ordinary += 1 }
        if ordinary * 2 >= c.length { return .organization }
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
