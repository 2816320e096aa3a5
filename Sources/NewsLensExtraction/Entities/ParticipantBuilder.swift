/// Builds the API's participants from entity clusters: canonical name (a person's fullest name, a country's
/// or known organization's catalogue name, an organization's long form rather than its acronym), aliases
/// (every other form the text uses, demonyms included), titles, affiliation, mention spans and counts,
/// and the stable id (`ParticipantID`). Participants come in order of first mention.
struct ParticipantBuilder: Sendable {
    let gazetteer: Gazetteer

    func build(_ units: [EntityUnit], _ cs: [NameCandidate], _ clusters: [EntityCluster], _ of: [Int]) -> EntityLayer {
        // clusters with at least one real mention, by first mention
        var firsts: [(Int, Int)] = []
        for (k, cl) in clusters.enumerated() {
            let real = cl.members.filter { !cs[$0].aliasOnly && !cs[$0].dropped }
            guard let first = real.min(by: { order(cs[$0]) < order(cs[$1]) }) else { continue }
            firsts.append((k, first))
        }
        firsts.sort { order(cs[$0.1]) < order(cs[$1.1]) }
        var index = [Int](repeating: -1, count: clusters.count)
        for (p, (k, _)) in firsts.enumerated() { index[k] = p }
        let names = clusters.indices.map { name(units, cs, clusters[$0]) }

        var layer = EntityLayer()
        var usedIDs: Set<String> = []
        for (k, _) in firsts {
            let cl = clusters[k]
            guard let type = cl.type.participantType else { continue }
            let name = names[k]
            var aliases: [String] = [], titles: [String] = [], spans: [Span] = []
            var affiliation: String?
            var male = 0, female = 0
            var mentions = 0
            for m in cl.members.sorted(by: { order(cs[$0]) < order(cs[$1]) }) {
                let c = cs[m]
                let u = units[c.unit]
                let text = u.string(c.tokenStart, c.tokenEnd)
                if !c.titleOnly && !Self.same(text, name) && !aliases.contains(where: { Self.same($0, text) }) {
                    aliases.append(text)
                }
                if c.hasTitle { Self.appendOnce(&titles, u.string(c.titleStart, c.titleEnd)) }
                if let r = c.roleTitle { Self.appendOnce(&titles, r) }
                if affiliation == nil, let a = c.affiliation { affiliation = resolve(a, names, of, k) }
                if c.gender == .male { male += 1 } else if c.gender == .female { female += 1 }
                guard !c.aliasOnly && !c.dropped else { continue }
                let start = Int(u.tokens[c.tokenStart].start), end = Int(u.tokens[c.tokenEnd - 1].end)
                layer.mentions.append(EntityMention(location: u.location, tokenStart: Int32(c.tokenStart),
                                                    tokenEnd: Int32(c.tokenEnd), start: Int32(start), end: Int32(end),
                                                    participant: index[k]))
                mentions += 1
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
                                                  affiliation: affiliation, mentionCount: mentions, quoteCount: 0,
                                                  mentions: spans))
            layer.genders.append(type != .person ? nil : male > female ? .male : female > male ? .female : nil)
        }
        layer.mentions.sort { ($0.location, $0.start) < ($1.location, $1.start) }
        return layer
    }

    private func order(_ c: NameCandidate) -> (Int, Int) { (c.unit, c.tokenStart) }

    /// The canonical name of a cluster.
    private func name(_ units: [EntityUnit], _ cs: [NameCandidate], _ cl: EntityCluster) -> String {
        if cl.known >= 0 && (cl.type == .country || cl.type == .organization) {
            return gazetteer.entities[Int(cl.known)].name
        }
        var best = ""
        var bestScore = (-1, -1)
        for m in cl.members where !cs[m].dropped && !cs[m].titleOnly {
            let c = cs[m]
            let u = units[c.unit]
            let acronym = c.length == 1 && u.tokens[c.tokenStart].flags.contains(.allCaps)
            let score = (acronym ? 0 : 1, c.length)
            if score > bestScore { bestScore = score; best = u.string(c.tokenStart, c.tokenEnd) }
        }
        return best
    }

    private func resolve(_ a: EntityRef, _ names: [String], _ of: [Int], _ me: Int) -> String? {
        switch a {
        case .known(let e): return gazetteer.entities[Int(e)].name
        case .candidate(let j): return j < of.count && of[j] >= 0 && of[j] != me ? names[of[j]] : nil
        }
    }

    static func same(_ a: String, _ b: String) -> Bool { a.lowercased() == b.lowercased() }

    static func appendOnce(_ list: inout [String], _ s: String) {
        if !list.contains(where: { same($0, s) }) { list.append(s) }
    }
}
