/// Step 5 of `ChunkParser`: a chunk that is no known phrase and no organization or place by its words is
/// read as [affiliation] [title] [honorific] name [of/at organization]:
/// "Japanese | Foreign Minister | Taro Aso", "US | President | Barack Obama", "Mr | Key",
/// "Matthew Ingram | of | The Globe and Mail".
extension ChunkParser {
    func segment(_ u: EntityUnit, unit: Int, _ a: Int, _ b: Int, affiliation inherited: EntityRef?,
                 into out: inout [NameCandidate]) {
        var pos = a
        var affiliation = inherited
        // a known country, demonym or organization in front of a title or a person's name
        if let m = u.known(pos, limit: b), pos + m.length < b, u.isCapitalized(pos) {
            let rest = pos + m.length
            let personFollows = titles.parse(u, rest, b) != nil || u.has(rest, .honorific)
                || typer.looksLikePersonName(u, rest, b)
                || m.hit.kind != .organization && typer.isUnusualName(u, rest, b)  // "United States | Hamdullah Mohib"
            if personFollows || m.hit.kind == .demonym {
                var c = known(unit, pos, rest, m.hit)
                if c.gazetteerKind == .capital { c.type = .country }  // "Washington officials"
                out.append(c)
                affiliation = m.hit.entity >= 0 ? .known(m.hit.entity) : .candidate(out.count - 1)
                pos = rest
            }
        }
        var title: TitleParser.Title?
        if let t = titles.parse(u, pos, b) {
            for inner in t.inner {
                var c = known(unit, inner.range.lowerBound, inner.range.upperBound, inner.hit)
                c.nested = true
                out.append(c)
            }
            guard t.range.upperBound < b else {
                // a title without a name ("The President", "the Home Secretary"): who holds it is decided later
                var c = NameCandidate(unit: unit, tokenStart: t.range.lowerBound, tokenEnd: b, type: .person, evidence: .title)
                c.titleOnly = true
                c.titleStart = t.range.lowerBound
                c.titleEnd = b
                // "Co-founder of Google": the body in the complement is the affiliation
                c.affiliation = affiliation ?? t.inner.last.map { .known($0.hit.entity) }
                c.possessive = u.tokens.indices.contains(b) && u.tokens[b].flags.contains(.possessive)
                out.append(c)
                return
            }
            title = t
            pos = t.range.upperBound
        }
        var gender: Gender?
        var honorific = false
        if u.has(pos, .honorific) && u.isCapitalized(pos) && pos + 1 < b {
            gender = u.has(pos, .male) ? .male : u.has(pos, .female) ? .female : nil
            honorific = true
            pos += 1
        }
        if let t = title, gender == nil {
            if u.has(t.range.upperBound - 1, .male) { gender = .male } else if u.has(t.range.upperBound - 1, .female) { gender = .female }
        }
        // "Matthew Ingram of The Globe and Mail", "Kevin Allton of USI": split a person from the body after
        var end = b
        var k = pos + 1
        while k < b - 1 {
            let h = u.tokens[k].hash
            if u.isLower(k, .connector), h == EntityWords.of || h == EntityWords.for || h == EntityWords.from,
               title != nil || honorific || typer.looksLikePersonName(u, pos, k) {
                end = k
                break
            }
            k += 1
        }
        let nameCount = out.count
        if title != nil || honorific {
            var c = NameCandidate(unit: unit, tokenStart: pos, tokenEnd: end, type: .person,
                                  evidence: title != nil ? .title : .honorific)
            if let t = title { c.titleStart = t.range.lowerBound; c.titleEnd = t.range.upperBound }
            c.gender = gender ?? typer.gender(u, pos, end)
            c.affiliation = affiliation
            out.append(c)
        } else {
            var c = typer.type(u, unit: unit, pos, end, gazetteer: gazetteer)
            if c.type == .person { c.affiliation = affiliation }
            out.append(c)
        }
        out[nameCount].possessive = u.tokens.indices.contains(end) && u.tokens[end].flags.contains(.possessive)
        if end < b {
            var r = end + 1
            if r < b, u.tokens[r].hash == EntityWords.the, !(u.known(r, limit: b).map { r + $0.length == b } ?? false) { r += 1 }
            guard r < b else { return }
            let before = out.count
            parse(u, unit: unit, r, b, affiliation: nil, into: &out)
            // "Matthew Ingram of The Globe and Mail": the body is the affiliation; "Marcus Bell of Decatur": a
            // home town is not
            if before < out.count, out[nameCount].type == .person, out[before].type != .place {
                if out[before].type == .unknown { out[before].type = .organization; out[before].evidence = .apposition }
                out[nameCount].affiliation = out[before].known >= 0 && out[before].type != .place
                    ? .known(out[before].known) : .candidate(before)
            }
        }
    }
}
