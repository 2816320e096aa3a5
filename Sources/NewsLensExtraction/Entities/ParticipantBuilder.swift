/// Builds the API's participants from entity clusters: canonical name (a person's fullest name, a country's
/// or known organization's catalogue name, an organization's long form rather than its acronym), aliases
/// (every other form the text uses, demonyms included), titles, affiliation, mention spans and counts,
/// and the stable id (`ParticipantID`). Participants come in order of first mention.
struct ParticipantBuilder: Sendable {
    let resources: EntityResources
    var gazetteer: Gazetteer { _read { yield resources.gazetteer } }

    func build(_ units: [EntityUnit], _ cs: [NameCandidate], _ clusters: [EntityCluster], _ of: [Int]) -> EntityLayer {
        // clusters with at least one real mention, by first mention
        var firsts: [(cluster: Int, first: Int)] = []
        for (k, cl) in clusters.enumerated() where cl.type.participantType != nil {
            var first = -1
            for m in cl.members where !cs[m].aliasOnly && !cs[m].dropped {
                if first < 0 || order(cs[m]) < order(cs[first]) { first = m }
            }
            if first >= 0 { firsts.append((k, first)) }
        }
        firsts.sort { order(cs[$0.first]) < order(cs[$1.first]) }
        var index = [Int](repeating: -1, count: clusters.count)
        for (p, f) in firsts.enumerated() { index[f.cluster] = p }
        var names = [String?](repeating: nil, count: clusters.count)
        func nameOf(_ k: Int) -> String {
            if let n = names[k] { return n }
            let n = name(units, cs, clusters[k])
            names[k] = n
            return n
        }

        var layer = EntityLayer()
        layer.participants.reserveCapacity(firsts.count)
        var usedIDs: Set<String> = []
        for (k, _) in firsts {
            let cl = clusters[k]
            guard let type = cl.type.participantType else { continue }
            let name = nameOf(k)
            var seen: [UInt64] = [nameKey(units, cs, cl)]
            var aliases: [String] = [], titles: [String] = [], spans: [Span] = []
            var titleKeys: [UInt64] = []
            var affiliation: String?
            var male = 0, female = 0
            let members = cl.members.sorted { order(cs[$0]) < order(cs[$1]) }
            spans.reserveCapacity(members.count)
            for m in members {
                let c = cs[m]
                let u = units[c.unit]
                if !c.titleOnly {
                    let key = Self.key(u, c.tokenStart, c.tokenEnd)
                    if !seen.contains(key) { seen.append(key); aliases.append(u.string(c.tokenStart, c.tokenEnd)) }
                }
                if c.hasTitle {
                    let key = Self.key(u, c.titleStart, c.titleEnd)
                    if !titleKeys.contains(key) { titleKeys.append(key); Self.appendOnce(&titles, u.string(c.titleStart, c.titleEnd)) }
                }
                if let r = c.roleTitle { Self.appendOnce(&titles, r) }
                if affiliation == nil, let a = c.affiliation { affiliation = resolve(a, of, k, nameOf) }
                if c.gender == .male { male += 1 } else if c.gender == .female { female += 1 }
                guard !c.aliasOnly && !c.dropped else { continue }
                let start = Int(u.tokens[c.tokenStart].start), end = Int(u.tokens[c.tokenEnd - 1].end)
                layer.mentions.append(EntityMention(location: u.location, tokenStart: Int32(c.tokenStart),
                                                    tokenEnd: Int32(c.tokenEnd), start: Int32(start), end: Int32(end),
                                                    participant: index[k]))
                switch u.location {
                case .paragraph(let p): spans.append(u.text.span(start, end, paragraph: p))
                case .caption(let i): spans.append(u.text.span(start, end, caption: i))
                case .headline:
                    let src = u.text.sourceRange(start, end)
                    spans.append(Span(headline: true, start: start, end: end,
                                      sourceStart: src?.lowerBound, sourceEnd: src?.upperBound))
                }
            }
            var id = ParticipantID.slug(name)
            if usedIDs.contains(id) { id += "-" + type.rawValue }
            usedIDs.insert(id)
            layer.participants.append(Participant(id: id, type: type, name: name, aliases: aliases, titles: titles,
                                                  affiliation: affiliation, mentionCount: spans.count, quoteCount: 0,
                                                  mentions: spans))
            layer.genders.append(type != .person ? nil : male > female ? .male : female > male ? .female : nil)
        }
        layer.mentions.sort { ($0.location, $0.start) < ($1.location, $1.start) }
        return layer
    }

    /// Words of a token range as one case-folded hash: "Aso" and "ASO" are one alias.
    static func key(_ u: EntityUnit, _ a: Int, _ b: Int) -> UInt64 {
        var h = u.hash(a)
        var k = a + 1
        while k < b { h = WordHash.phrase(h, u.hash(k)); k += 1 }
        return h
    }

    /// The key of the canonical name, so that the name itself is not listed among the aliases.
    private func nameKey(_ units: [EntityUnit], _ cs: [NameCandidate], _ cl: EntityCluster) -> UInt64 {
        if cl.known >= 0 && (cl.type == .country || cl.type == .organization) {
            return gazetteer.entities[Int(cl.known)].nameKey
        }
        let r = representative(units, cs, cl)
        return r < 0 ? 0 : Self.key(units[cs[r].unit], cs[r].tokenStart, cs[r].tokenEnd)
    }

    private func order(_ c: NameCandidate) -> (Int, Int) { (c.unit, c.tokenStart) }

    /// The canonical name of a cluster.
    private func name(_ units: [EntityUnit], _ cs: [NameCandidate], _ cl: EntityCluster) -> String {
        if cl.known >= 0 && (cl.type == .country || cl.type == .organization) {
            return gazetteer.entities[Int(cl.known)].name
        }
        let r = representative(units, cs, cl)
        return r < 0 ? "" : units[cs[r].unit].string(cs[r].tokenStart, cs[r].tokenEnd)
    }

    /// The member whose words make the canonical name: the longest, and no acronym when there is a long form.
    private func representative(_ units: [EntityUnit], _ cs: [NameCandidate], _ cl: EntityCluster) -> Int {
        var best = -1
        var bestScore = (-1, -1)
        for m in cl.members where !cs[m].dropped && !cs[m].titleOnly {
            let c = cs[m]
            let acronym = c.length == 1 && units[c.unit].tokens[c.tokenStart].flags.contains(.allCaps)
            let score = (acronym ? 0 : 1, c.length)
            if score > bestScore { bestScore = score; best = m }
        }
        return best
    }

    private func resolve(_ a: EntityRef, _ of: [Int], _ me: Int, _ nameOf: (Int) -> String) -> String? {
        switch a {
        case .known(let e): return gazetteer.entities[Int(e)].name
        case .candidate(let j): return j < of.count && of[j] >= 0 && of[j] != me ? nameOf(of[j]) : nil
        }
    }

    static func same(_ a: String, _ b: String) -> Bool { a.lowercased() == b.lowercased() }

    static func appendOnce(_ list: inout [String], _ s: String) {
        if !list.contains(where: { same($0, s) }) { list.append(s) }
    }
}
