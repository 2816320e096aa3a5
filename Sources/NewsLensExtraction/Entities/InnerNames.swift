/// Names inside a longer name, mentioned in their own right: the places in "US National Park Service",
/// "University of Texas Arlington", "Irving Police Department", "Taipei City Lantern Festival"; the person in
/// "Andy Warhol Foundation" or "Chiang Kai Shek Memorial Hall". Known countries and regions count anywhere;
/// a town only after "of"/"at", next to another place, or before a word for a public body of a place
/// ("Police", "District"), since companies borrow town names ("Clearwater Energy").
extension ChunkParser {
    /// An organization or place named by its words, with the names inside it (`type` nil: an event, which
    /// is no participant, only the names inside it are).
    func addStructured(_ u: EntityUnit, _ unit: Int, _ a: Int, _ b: Int, _ type: NameType?,
                       into out: inout [NameCandidate]) {
        var c = NameCandidate(unit: unit, tokenStart: a, tokenEnd: b, type: type ?? .unknown,
                              evidence: type == .place ? .placeWord : .orgWord)
        c.possessive = u.tokens.indices.contains(b) && u.tokens[b].flags.contains(.possessive)
        let inner = innerNames(u, unit, a, b, civic: type != .organization || u.has(b - 1, .civic), people: true)
        if type != nil {
            for n in inner where n.gazetteerKind == .demonym { c.affiliation = .known(n.known) }
            out.append(c)
        }
        for var n in inner where n.gazetteerKind != .demonym {
            n.nested = true
            out.append(n)
        }
    }

    func innerNames(_ u: EntityUnit, _ unit: Int, _ a: Int, _ b: Int, civic: Bool, people: Bool) -> [NameCandidate] {
        var inner: [NameCandidate] = []
        var k = a
        if people, let end = eponymousPerson(u, a, b) {
            inner.append(NameCandidate(unit: unit, tokenStart: a, tokenEnd: end, type: .person, evidence: .givenName))
            k = end
        }
        while k < b {
            if u.has(k, .compass), k + 1 < b, let m = u.known(k + 1, limit: b),
               m.hit.kind == .region || m.hit.kind == .country, civic || k > a && u.isLower(k - 1, .connector) {
                inner.append(NameCandidate(unit: unit, tokenStart: k, tokenEnd: k + 1 + m.length, type: .place, evidence: .placeWord))
                k += 1 + m.length
                continue
            }
            // (at the start, not the whole name again: "Massachusetts | Institute of Technology")
            guard let m = u.known(k, limit: k == a ? b - 1 : b), u.isCapitalized(k) else { k += 1; continue }
            // after "of"/"at", or right after another place ("University of Texas | Arlington")
            let afterOf = k > a && u.isLower(k - 1, .connector) || inner.last.map { $0.type == .place && $0.tokenEnd == k } ?? false
            if m.hit.kind == .organization, resources.gazetteer.entities[Int(m.hit.entity)].kind == .product {
                k += m.length  // a product inside a name ("Internet Explorer 6 Countdown") is no participant
                continue
            }
            switch m.hit.kind {
            case .country, .organization, .demonym:
                inner.append(known(unit, k, k + m.length, m.hit))
            case .region:
                inner.append(known(unit, k, k + m.length, m.hit))
            case .capital, .city:
                guard civic || afterOf else { k += 1; continue }  // a town word inside a company name
                // "Taipei City", "Harris County": the place word belongs to the place
                let e = k + m.length < b - 1 && u.isCapitalized(k + m.length) && u.has(k + m.length, .placeLast) ? 1 : 0
                var n = known(unit, k, k + m.length + e, m.hit)
                n.type = .place
                n.gazetteerKind = .city
                inner.append(n)
                k += e
            }
            k += m.length
        }
        return inner
    }

    /// The end of a person's name at the start of `a ..< b`: a given name and a surname before more words
    /// ("Andy Warhol | Foundation"), or one to three unusual words before a word that names things after
    /// people ("Chiang Kai Shek | Memorial Hall").
    private func eponymousPerson(_ u: EntityUnit, _ a: Int, _ b: Int) -> Int? {
        for n in [3, 2] where a + n < b && typer.looksLikePersonName(u, a, a + n) && u.isCapitalized(a + n) {
            return a + n
        }
        var e = a
        while e < b && e - a < 4 && !u.has(e, .eponym) { e += 1 }
        guard e < b, e - a >= 2, u.has(e, .eponym) else { return nil }  // one word ("Grady Memorial") may be anything
        for k in a..<e {
            guard u.isCapitalized(k), !u.has(k, [.common, .titleWord, .orgLast, .orgFirst, .placeLast]),
                  u.known(k, limit: e) == nil else { return nil }
        }
        return e
    }
}
