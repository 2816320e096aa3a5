/// Turns one chunk of capitalised words into name candidates, rule by rule: a known phrase ("North
/// Korea"); an organization or place by its words ("Irving Police Department", "Jamarat Bridge",
/// "University of Texas"); else affiliation + title + honorific + name ("Japanese | Foreign Minister |
/// Taro Aso"), the name typed by given names, surnames and acronyms (`NameTyper`).
struct ChunkParser: Sendable {
    let resources: EntityResources
    let titles: TitleParser
    let typer: NameTyper

    init(resources: EntityResources) {
        self.resources = resources
        titles = TitleParser(resources: resources)
        typer = NameTyper()
    }

    var gazetteer: Gazetteer { _read { yield resources.gazetteer } }

    /// Adds the candidates of chunk `a ..< b` of unit `u` (index `unit`) to `out`; `affiliation` is an
    /// entity named just before with a possessive ("New Zealand's Prime Minister John Key").
    func parse(_ u: EntityUnit, unit: Int, _ a0: Int, _ b: Int, affiliation: EntityRef?, into out: inout [NameCandidate]) {
        var a = a0
        // "The": part of the name only when a known phrase says so ("The Hague", "The Guardian")
        var capitalThe = false
        if u.has(a, .determiner) {
            if let m = u.known(a, limit: b), m.length > 1 {
                if a + m.length == b { addKnown(u, unit, a, b, m.hit, into: &out); return }
            }
            // "told The Oregonian": a capital "The" inside a sentence starts a title (a paper, a band)
            capitalThe = u.tokens[a].hash == EntityWords.the && !u.tokens[a].flags.contains(.sentenceStart) && !u.titleCase
            a += 1
            guard a < b else { return }
        }
        // ... told, quoted or cited as a source ("told The Oregonian", "The Times reported"), it is a paper
        if capitalThe && b - a <= 3 && !u.has(a, [.titleHead, .titleModifier, .honorific]) && u.known(a, limit: b) == nil
            && (u.isLower(a - 2, .speechVerb) || u.isLower(b, .speechVerb)) {
            var c = NameCandidate(unit: unit, tokenStart: a, tokenEnd: b, type: .organization, evidence: .orgWord)
            c.possessive = u.tokens.indices.contains(b) && u.tokens[b].flags.contains(.possessive)
            out.append(c)
            return
        }
        let weak = isWeakStart(u, a)
        if weak && b - a == 1 {
            var c = NameCandidate(unit: unit, tokenStart: a, tokenEnd: b, type: .unknown, evidence: .fallback)
            c.strength = .weak
            out.append(c)
            return
        }
        if weak && !startsNameAnyway(u, a, b) {
            a += 1  // "Elements | of the Zeitgeist": connectors after the dropped word go too
            while a < b && !u.isCapitalized(a) { a += 1 }
            guard a < b else { return }
        }
        if b - a == 1 && u.has(a, .notName) && !u.tokens[a].flags.contains(.allCaps) { return }
        if b - a == 1 && u.tokens[a].length == 1 { return }

        // 1. a known phrase, the whole chunk
        if let m = u.known(a, limit: b), a + m.length == b {
            addKnown(u, unit, a, b, m.hit, into: &out)
            return
        }
        // 1a. a person "of" a body: "Kevin Allton of Glimmerfield Trust" (read by `segment`, which splits it)
        if personBeforeOf(u, a, b) {
            segment(u, unit: unit, a, b, affiliation: affiliation, into: &out)
            return
        }
        // 1b. a region of a known place: "Southern Indiana", "Northern Ireland"
        if b - a >= 2, u.has(a, .compass), let m = u.known(a + 1, limit: b), a + 1 + m.length == b,
           m.hit.kind != .organization && m.hit.kind != .demonym {
            out.append(NameCandidate(unit: unit, tokenStart: a, tokenEnd: b, type: .place, evidence: .placeWord))
            return
        }
        // 2a. an event, law or prize ("Waitangi Day", "Clean Air Act", "Operation Clambake"): no participant,
        // but the places and people in its name are mentioned
        if b - a >= 2 && (u.has(b - 1, .eventLast) && u.isCapitalized(b - 1) || u.has(a, .eventFirst))
            && !typer.looksLikePersonName(u, a, b) {
            addStructured(u, unit, a, b, nil, into: &out)
            return
        }
        // 2. the last word says organization or place ("Clearwater Energy", "Fisht Stadium")
        if b - a >= 2 && u.isCapitalized(b - 1) && u.has(b - 1, [.orgLast, .placeLast]) && !u.has(b - 1, .given)
            && !titledPerson(u, a, b) {
            let type: NameType = u.has(b - 1, .orgLast) ? .organization : .place
            addStructured(u, unit, a, b, type, into: &out)
            return
        }
        // 3. an organization word before "of" / "for" / "on" ("University of Texas", "Court of Cassation")
        var k = a
        while k + 1 < b {
            if u.isCapitalized(k) && u.has(k, [.orgFirst, .orgLast]) && u.isLower(k + 1, .connector)
                && u.tokens[k + 1].hash != EntityWords.and {
                let end = organizationEnd(u, a, b)
                addStructured(u, unit, a, end, .organization, into: &out)
                if end < b {
                    parse(u, unit: unit, end, b, affiliation: .candidate(out.count - 1), into: &out)
                }
                return
            }
            k += 1
        }
        // 4. "Mount Everest", "Gulf of Mexico"
        if b - a >= 2 && u.has(a, .placeFirst) && u.isCapitalized(a) && !u.has(a, .given) {
            addStructured(u, unit, a, b, .place, into: &out)
            return
        }
        // 5. a body's name that runs into a person's: "(CEO of the) Refugee Council | Enver Solomon told"
        if let k = bodyBeforePerson(u, a, b) {
            let body = out.count
            addStructured(u, unit, a, k, .organization, into: &out)
            parse(u, unit: unit, k, b, affiliation: .candidate(body), into: &out)
            return
        }
        segment(u, unit: unit, a, b, affiliation: affiliation, into: &out)
    }

    /// Where the person's name starts when an organization word ("Council", "Corp") is followed by a given
    /// name and a surname that end the chunk; nil otherwise.
    private func bodyBeforePerson(_ u: EntityUnit, _ a: Int, _ b: Int) -> Int? {
        guard b - a >= 3 else { return nil }
        for k in (a + 1)..<(b - 2) where u.isCapitalized(k) && u.has(k, .orgLast) && !u.has(k, .given) {
            let p = k + 1
            if b - p <= 3, u.has(p, .given), !u.has(p, [.orgLast, .placeLast, .common]), typer.looksLikePersonName(u, p, b) {
                return p
            }
        }
        return nil
    }

    /// A title or honorific, then a person's name whose surname is also a building or body word: "Mayor Ben
    /// Hall", "Senator Maria Church", "Mr. Hall". A title makes it a person, never a place.
    private func titledPerson(_ u: EntityUnit, _ a: Int, _ b: Int) -> Bool {
        guard u.has(a, [.titleHead, .titleModifier, .honorific]) else { return false }
        var k = titles.parse(u, a, b)?.range.upperBound ?? a
        while k < b - 1 && u.has(k, .honorific) { k += 1 }
        guard k > a, k < b, u.has(b - 1, .surname) else { return false }
        return b - k == 1 || typer.looksLikePersonName(u, k, b)
    }

    /// The chunk starts with a person's name (given name and surname) followed by "of"/"from"/"at".
    private func personBeforeOf(_ u: EntityUnit, _ a: Int, _ b: Int) -> Bool {
        guard b - a >= 4 else { return false }
        for k in (a + 2)..<min(b - 1, a + 4) where u.isLower(k, .connector) {
            let h = u.tokens[k].hash
            guard h == EntityWords.of || h == EntityWords.from || h == EntityWords.at else { return false }
            return typer.looksLikePersonName(u, a, k) && u.has(a, .given)
        }
        return false
    }

    /// A sentence-initial (or title-case headline) word that is an ordinary English word: "Reopening",
    /// "Burns", "Police". Countries and organizations the gazetteer knows are names all the same ("China").
    func isWeakStart(_ u: EntityUnit, _ a: Int) -> Bool {
        let t = u.tokens[a]
        guard t.flags.contains(.sentenceStart) || u.titleCase else { return false }
        guard u.has(a, [.common, .determiner]) || u.titleCase && !t.flags.contains(.allCaps) else { return false }
        if let m = u.known(a, limit: u.tokens.count) {
            return m.hit.kind == .city || m.hit.kind == .region || m.hit.kind == .capital
        }
        return true
    }

    /// A weak first word that still belongs to the name: a title word, an honorific, a given name followed by
    /// a non-ordinary capitalised word ("Will Smith"), an organization or place opener.
    private func startsNameAnyway(_ u: EntityUnit, _ a: Int, _ b: Int) -> Bool {
        if u.titleCase && !u.has(a, [.common, .determiner]) { return true }
        if u.has(a, [.titleHead, .titleModifier, .honorific, .orgFirst, .placeFirst]) { return true }
        if u.has(a, .given) && typer.looksLikePersonName(u, a, b) { return true }
        if u.has(a, .portfolio) && a + 1 < b && u.has(a + 1, WordClass.titleWord) { return true }
        // "Taro Aso": an ordinary word ("taro") before one unusual capitalised word is a first name
        if b - a == 2, !u.has(a, [.notName, .determiner, .connector, .speechVerb, .locative]), !isAdverb(u, a),
           !Abbreviations.shared.isSentenceOpener(u.hash(a)),  // "But", "When", "After"
           !u.has(a + 1, [.common, .titleWord, .orgLast, .placeLast, .notName]),
           u.known(a + 1, limit: b).map({ $0.hit.kind == .city }) ?? true,
           !u.tokens[a + 1].flags.contains(.allCaps) {
            return true
        }
        return false
    }

    /// "Obviously", "Finally": a word in -ly, never a first name.
    private func isAdverb(_ u: EntityUnit, _ i: Int) -> Bool {
        let t = u.tokens[i]
        guard t.length > 3 else { return false }
        let s = u.text.scalars
        return s[Int(t.end) - 2] == "l" && s[Int(t.end) - 1] == "y"
    }

    /// Where an organization that starts at `a` ends: before a trailing person's name ("... Council on
    /// American-Islamic Relations | Alia Salem"), else at `b`.
    private func organizationEnd(_ u: EntityUnit, _ a: Int, _ b: Int) -> Int {
        var k = a + 2
        while k < b - 1 {
            if u.isCapitalized(k) && u.has(k, .given) && !u.has(k, [.orgLast, .portfolio, .common])
                && !u.isLower(k - 1, .connector) {
                var j = k + 1
                while j < b && u.isCapitalized(j) { j += 1 }
                if j == b && b - k <= 3 { return k }
            }
            k += 1
        }
        return b
    }

    func known(_ unit: Int, _ a: Int, _ b: Int, _ hit: GazetteerHit) -> NameCandidate {
        NameCandidate.known(unit, a, b, hit)
    }

    private func addKnown(_ u: EntityUnit, _ unit: Int, _ a: Int, _ b: Int, _ hit: GazetteerHit,
                          into out: inout [NameCandidate]) {
        var c = known(unit, a, b, hit)
        c.possessive = u.tokens.indices.contains(b) && u.tokens[b].flags.contains(.possessive)
        out.append(c)
        // "Massachusetts Institute of Technology", "Bank of Japan": places inside a known body's name
        if hit.kind == .organization && b - a >= 2 {
            for var n in innerNames(u, unit, a, b, civic: false, people: false) where n.known != hit.entity {
                n.nested = true
                out.append(n)
            }
        }
    }
}
