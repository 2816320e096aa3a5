/// Types a bare name (no title, no honorific, not a known phrase) by its own words: a given name in front
/// ("Nick Moreau"), a known surname at the end of two or three unusual words ("Marc Lamont Hill"), capitals
/// ("USI" is an acronym, so an organization). Anything else stays `unknown` for the document-level rules.
struct NameTyper: Sendable {
    /// Whether `a ..< b` reads as a person's name by its words alone.
    func looksLikePersonName(_ u: EntityUnit, _ a: Int, _ b: Int) -> Bool {
        let n = b - a
        guard n >= 2, n <= 4 else { return false }
        for k in a..<b where !u.isCapitalized(k) && !u.isLower(k, .particle) { return false }
        for k in a..<b where u.has(k, [.orgLast, .placeLast, .titleHead, .notName, .eventLast]) && !u.has(k, [.given, .surname]) {
            return false
        }
        // beyond the surname, ordinary words end a name: "Andy Warhol | Photographic Legacy Program"
        for k in (a + 2)..<max(a + 2, b) where u.has(k, .common) && !u.has(k, [.given, .surname]) { return false }
        // three or more words: the last one must be a known name ("Marc Lamont Hill", not "Andy Warhol Polaroid")
        if n >= 3 && !u.has(b - 1, [.surname, .given]) && !u.isLower(b - 2, .particle) && !u.tokens[b - 2].flags.contains(.initial) {
            return false
        }
        if u.has(a, .given) && !u.tokens[a].flags.contains(.allCaps) {
            // "Will Smith" but not "Young Americans": an ordinary first word needs an unusual second
            return !u.has(a, .common) || !u.has(a + 1, .common) || u.has(a + 1, .surname)
        }
        if u.tokens[a].flags.contains(.initial) { return true }  // "K.C. Maurer", "J. Smith"
        // "J.K. Rowling": initials in capitals with periods, then a name that is no ordinary word
        if n == 2, isInitials(u, a), u.known(a, limit: a + 1) == nil,  // not "U.S." or "U.K."
           !u.has(a + 1, .common) || u.has(a + 1, .surname) {
            return true
        }
        return false
    }

    /// "J.K.", "A.J.": one or two letters each followed by a period.
    func isInitials(_ u: EntityUnit, _ i: Int) -> Bool {
        let t = u.tokens[i]
        guard t.flags.contains(.allCaps), t.length >= 3, t.length <= 6 else { return false }
        let s = u.text.scalars
        var k = Int(t.start), letters = 0
        while k < Int(t.end) {
            guard ScalarClass.of(s[k]).isLetter else { return false }
            letters += 1
            k += 1
            if k < Int(t.end) && s[k] == "." { k += 1; continue }
            if k == Int(t.end) { break }
            return false
        }
        return letters >= 2 && letters <= 3
    }

    /// One to three capitalised words none of which is an ordinary, title, organization or place word:
    /// what is left of "Afghan Ambassador to the United States Hamdullah Mohib" after the title.
    func isUnusualName(_ u: EntityUnit, _ a: Int, _ b: Int) -> Bool {
        guard b > a, b - a <= 3 else { return false }
        for k in a..<b {
            guard u.isCapitalized(k), !u.tokens[k].flags.contains(.allCaps) else { return false }
            if u.has(k, [.common, .titleWord, .orgLast, .placeLast, .notName, .eventLast]) && !u.has(k, [.given, .surname]) {
                return false
            }
        }
        return true
    }

    /// "IE6", "IE9": a known product's code with a version number, not an acronym of a body.
    private func isProductVersion(_ u: EntityUnit, _ t: Token, _ gazetteer: Gazetteer) -> Bool {
        guard t.flags.contains(.hasDigit) else { return false }
        var h = WordHash.empty
        var i = Int(t.start)
        while i < Int(t.end), ScalarClass.of(u.text.scalars[i]).isLetter { h = WordHash.add(h, WordHash.fold(u.text.scalars[i])); i += 1 }
        guard i > Int(t.start) else { return false }
        let p = Token(start: 0, end: Int32(i - Int(t.start)), hash: h, kind: .word, flags: [.capitalized, .allCaps])
        guard let m = gazetteer.match([p], at: 0, limit: 1), m.hit.kind == .organization else { return false }
        return gazetteer.entities[Int(m.hit.entity)].kind == .product
    }

    /// "XVII", "IV": a Roman numeral, not an acronym.
    private func isRoman(_ u: EntityUnit, _ t: Token) -> Bool {
        for i in Int(t.start)..<Int(t.end) where !"IVXLCDM".unicodeScalars.contains(u.text.scalars[i]) { return false }
        return true
    }

    /// Gender from the first given name, when the census lists it for one sex only.
    func gender(_ u: EntityUnit, _ a: Int, _ b: Int) -> Gender? {
        guard a < b else { return nil }
        let c = u.classes[a]
        if c.contains(.givenMale) && !c.contains(.givenFemale) { return .male }
        if c.contains(.givenFemale) && !c.contains(.givenMale) { return .female }
        return nil
    }

    func type(_ u: EntityUnit, unit: Int, _ a: Int, _ b: Int, gazetteer: Gazetteer) -> NameCandidate {
        var c = NameCandidate(unit: unit, tokenStart: a, tokenEnd: b, type: .unknown, evidence: .fallback)
        let n = b - a
        if let m = u.known(a, limit: b), m.length == n {
            return NameCandidate.known(unit, a, b, m.hit)
        }
        if n == 1 {
            let t = u.tokens[a]
            if t.flags.contains(.allCaps) && t.length >= 2 && t.length <= 7 && !u.has(a, .notName) && !isRoman(u, t)
                && !isProductVersion(u, t, gazetteer) {
                c.type = .organization
                c.evidence = .acronym
            }
            return c
        }
        if looksLikePersonName(u, a, b) {
            c.type = .person
            c.evidence = u.has(a, .given) ? .givenName : .surname
            c.gender = gender(u, a, b)
            return c
        }
        // two or three capitalised words, none of them ordinary, the last a known surname: "Lamont Hill"
        if n <= 3 && u.has(b - 1, .surname) && u.known(a, limit: b) == nil {  // not "U.S. Steel"
            var ordinary = false
            for k in a..<b where u.has(k, [.common, .titleWord, .orgLast, .placeLast]) && !u.has(k, .surname) { ordinary = true }
            if !ordinary {
                c.type = .person
                c.evidence = .surname
            }
        }
        return c
    }
}
