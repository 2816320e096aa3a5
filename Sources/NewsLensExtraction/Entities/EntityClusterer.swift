/// One entity of the article: the candidates that name it.
struct EntityCluster: Sendable {
    var type: NameType
    /// Gazetteer entity (country, known organization), or -1.
    var known: Int32
    /// Candidate indexes, in document order.
    var members: [Int]
    /// Words of the fullest name seen (a person's "Taro Aso"), as token hashes.
    var key: [UInt64]
}

/// Merges candidates into entities: countries and known organizations by gazetteer entity; other names by
/// their words; a person's surname or first name alone ("Aso", "Mr Key") to the nearest person named in
/// full who has it; an organization's own word alone ("the Church") to the nearest organization with it;
/// an acronym to its long form.
struct EntityClusterer: Sendable {
    func cluster(_ units: [EntityUnit], _ cs: [NameCandidate]) -> (clusters: [EntityCluster], of: [Int]) {
        var clusters: [EntityCluster] = []
        var of = [Int](repeating: -1, count: cs.count)
        let order = cs.indices.filter { !cs[$0].dropped && cs[$0].type != .unknown }.sorted {
            (cs[$0].unit, cs[$0].tokenStart, cs[$0].length) < (cs[$1].unit, cs[$1].tokenStart, cs[$1].length)
        }
        var byKnown: [Int32: Int] = [:]
        var byWords: [[UInt64]: Int] = [:]
        func words(_ c: NameCandidate) -> [UInt64] { (c.tokenStart..<c.tokenEnd).map { units[c.unit].hash($0) } }
        func add(_ i: Int, _ key: [UInt64]) -> Int {
            clusters.append(EntityCluster(type: cs[i].type, known: cs[i].known, members: [i], key: key))
            return clusters.count - 1
        }
        // 1. everything but lone person words and lone organization words
        for i in order {
            let c = cs[i]
            let w = words(c)
            if (c.type == .country || c.type == .organization), c.known >= 0 {
                if let k = byKnown[c.known] { clusters[k].members.append(i); of[i] = k } else { of[i] = add(i, w); byKnown[c.known] = of[i] }
                continue
            }
            if c.type == .person && (c.length == 1 || c.titleOnly) { continue }
            if c.type == .organization && c.length == 1 && c.evidence != .acronym && c.acronymOf == nil { continue }
            if c.type == .person, let k = clusters.indices.first(where: { clusters[$0].type == .person && Self.sameName(clusters[$0].key, w) }) {
                clusters[k].members.append(i)
                if w.count > clusters[k].key.count { clusters[k].key = w }
                of[i] = k
                continue
            }
            let typedKey = [UInt64(c.type.rawValue)] + w
            if let k = byWords[typedKey] { clusters[k].members.append(i); of[i] = k } else { of[i] = add(i, w); byWords[typedKey] = of[i] }
        }
        // 2. lone words: the nearest person (organization) whose name has that word, last word first
        for i in order where of[i] < 0 && !cs[i].titleOnly {
            let c = cs[i]
            let h = units[c.unit].hash(c.tokenStart)
            let candidates = clusters.indices.filter { k in
                clusters[k].type == c.type && clusters[k].key.count >= 2 && clusters[k].key.contains(h)
            }
            let lastWord = candidates.filter { clusters[$0].key.last == h }
            if let k = nearest(lastWord.isEmpty ? candidates : lastWord, to: i, clusters, cs) {
                clusters[k].members.append(i)
                of[i] = k
            } else {
                let typedKey = [UInt64(c.type.rawValue), h]
                if let k = byWords[typedKey] { clusters[k].members.append(i); of[i] = k } else { of[i] = add(i, [h]); byWords[typedKey] = of[i] }
            }
        }
        // 3. titles standing for people join them
        for i in order where cs[i].titleOnly {
            if let t = cs[i].coref, of[t] >= 0 { of[i] = of[t]; clusters[of[t]].members.append(i) }
        }
        // 4. acronyms join their long forms
        for i in order {
            let target: Int?
            if let j = cs[i].acronymOf { target = of[j] } else { target = nil }
            if let t = target, t >= 0, of[i] >= 0, of[i] != t { merge(of[i], into: t, &clusters, &of) }
            if let j = cs[i].acronym, of[j] >= 0, of[i] >= 0, of[j] != of[i] { merge(of[j], into: of[i], &clusters, &of) }
        }
        return (clusters, of)
    }

    /// Two person names are one when one is the other with more words around ("Barack Obama",
    /// "Barack Hussein Obama" share first and last word; "Kim Min-Woo" is "Kim Min-Woo").
    static func sameName(_ a: [UInt64], _ b: [UInt64]) -> Bool {
        guard a.count >= 2, b.count >= 2 else { return false }
        if a == b { return true }
        return a.first == b.first && a.last == b.last
    }

    /// The cluster among `ks` mentioned last before candidate `i`, else the first mentioned after it.
    private func nearest(_ ks: [Int], to i: Int, _ clusters: [EntityCluster], _ cs: [NameCandidate]) -> Int? {
        guard !ks.isEmpty else { return nil }
        let here = (cs[i].unit, cs[i].tokenStart)
        var best: Int?, bestPos = (-1, -1)
        for k in ks {
            for m in clusters[k].members {
                let p = (cs[m].unit, cs[m].tokenStart)
                if p < here && p > bestPos { best = k; bestPos = p }
            }
        }
        return best ?? ks.first
    }

    private func merge(_ from: Int, into to: Int, _ clusters: inout [EntityCluster], _ of: inout [Int]) {
        for m in clusters[from].members { of[m] = to }
        clusters[to].members.append(contentsOf: clusters[from].members)
        clusters[to].members.sort()
        if clusters[to].known < 0 { clusters[to].known = clusters[from].known }
        clusters[from].members = []
    }
}
