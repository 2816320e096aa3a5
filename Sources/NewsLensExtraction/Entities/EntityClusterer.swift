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
/// an acronym to its long form. Every lookup is a hash probe, so long articles stay linear.
struct EntityClusterer: Sendable {
    private struct FirstLast: Hashable { var first: UInt64; var last: UInt64 }

    func cluster(_ units: [EntityUnit], _ cs: [NameCandidate]) -> (clusters: [EntityCluster], of: [Int]) {
        var clusters: [EntityCluster] = []
        var of = [Int](repeating: -1, count: cs.count)
        let order = cs.indices.filter { !cs[$0].dropped && cs[$0].type != .unknown }.sorted {
            (cs[$0].unit, cs[$0].tokenStart, cs[$0].length) < (cs[$1].unit, cs[$1].tokenStart, cs[$1].length)
        }
        var byKnown: [Int32: Int] = [:]
        var byWords: [UInt64: Int] = [:]  // type and words hashed together
        var byFirstLast: [FirstLast: Int] = [:]
        var byParticleTail: [UInt64: Int] = [:]  // "von der Leyen" of "Ursula von der Leyen"
        func words(_ c: NameCandidate) -> [UInt64] { (c.tokenStart..<c.tokenEnd).map { units[c.unit].hash($0) } }
        func add(_ i: Int, _ key: [UInt64]) -> Int {
            clusters.append(EntityCluster(type: cs[i].type, known: cs[i].known, members: [i], key: key))
            return clusters.count - 1
        }
        func join(_ i: Int, _ k: Int) { clusters[k].members.append(i); of[i] = k }
        // 1. everything but lone person words and lone organization words
        for i in order {
            let c = cs[i]
            if (c.type == .country || c.type == .organization), c.known >= 0 {
                if let k = byKnown[c.known] { join(i, k) } else { of[i] = add(i, words(c)); byKnown[c.known] = of[i] }
                continue
            }
            if c.type == .person && (c.length == 1 || c.titleOnly) { continue }
            if c.type == .organization && c.length == 1 && c.evidence != .acronym && c.acronymOf == nil { continue }
            let w = words(c)
            if c.type == .person {
                // same first and last word: "Barack Obama", "Barack Hussein Obama"
                let fl = FirstLast(first: w[0], last: w[w.count - 1])
                if let k = byFirstLast[fl] {
                    join(i, k)
                    if w.count > clusters[k].key.count { clusters[k].key = w }
                    continue
                }
                // "Von der Leyen", "bin Salman" after "Ursula von der Leyen", "Mohammed bin Salman"
                if w.count >= 2, units[c.unit].has(c.tokenStart, .particle),
                   let k = byParticleTail[Self.typedKey(.person, w)] {
                    join(i, k)
                    continue
                }
                of[i] = add(i, w)
                byFirstLast[fl] = of[i]
                for j in 1..<max(1, w.count - 1) where units[c.unit].isLower(c.tokenStart + j, .particle) {
                    let tail = Self.typedKey(.person, Array(w[j...]))
                    if byParticleTail[tail] == nil { byParticleTail[tail] = of[i] }
                }
                continue
            }
            let typedKey = Self.typedKey(c.type, w)
            if let k = byWords[typedKey] { join(i, k) } else { of[i] = add(i, w); byWords[typedKey] = of[i] }
        }
        // 2. lone words: the nearest person (organization) whose name has that word, last word first
        var byWord: [UInt64: [Int]] = [:], byLastWord: [UInt64: [Int]] = [:]
        for (k, cl) in clusters.enumerated() where cl.key.count >= 2 && (cl.type == .person || cl.type == .organization) {
            for h in Set(cl.key) { byWord[h, default: []].append(k) }
            byLastWord[cl.key[cl.key.count - 1], default: []].append(k)
        }
        let sorted = clusters.map(\.members.count)  // members so far are in document order
        var lastLone: [Int: (Int, Int)] = [:]  // cluster → position of its latest lone word
        for i in order where of[i] < 0 && !cs[i].titleOnly {
            let c = cs[i]
            let h = units[c.unit].hash(c.tokenStart)
            let last = (byLastWord[h] ?? []).filter { clusters[$0].type == c.type }
            let any = last.isEmpty ? (byWord[h] ?? []).filter { clusters[$0].type == c.type } : last
            if let k = nearest(any, to: i, clusters, sorted, lastLone, cs) {
                join(i, k)
                lastLone[k] = (c.unit, c.tokenStart)
            } else {
                let typedKey = Self.typedKey(c.type, [h])
                if let k = byWords[typedKey] { join(i, k) } else { of[i] = add(i, [h]); byWords[typedKey] = of[i] }
            }
        }
        // 3. titles standing for people join them
        for i in order where cs[i].titleOnly {
            if let t = cs[i].coref, of[t] >= 0 { join(i, of[t]) }
        }
        // 4. acronyms join their long forms
        for i in order {
            if let j = cs[i].acronymOf, of[j] >= 0, of[i] >= 0, of[i] != of[j] { merge(of[i], into: of[j], &clusters, &of) }
            if let j = cs[i].acronym, of[j] >= 0, of[i] >= 0, of[j] != of[i] { merge(of[j], into: of[i], &clusters, &of) }
        }
        return (clusters, of)
    }

    static func typedKey(_ type: NameType, _ words: [UInt64]) -> UInt64 {
        var h = UInt64(type.rawValue) &+ 0x51_7CC1_B727_220A
        for w in words { h = WordHash.phrase(h, w) }
        return h
    }

    /// Two person names are one when one is the other with more words around ("Barack Obama",
    /// "Barack Hussein Obama" share first and last word).
    static func sameName(_ a: [UInt64], _ b: [UInt64]) -> Bool {
        guard a.count >= 2, b.count >= 2 else { return false }
        return a.first == b.first && a.last == b.last
    }

    /// The cluster among `ks` mentioned last before candidate `i`, else the first one: a binary search in
    /// each cluster's first `sorted[k]` members (in document order), and its latest lone word.
    private func nearest(_ ks: [Int], to i: Int, _ clusters: [EntityCluster], _ sorted: [Int],
                         _ lastLone: [Int: (Int, Int)], _ cs: [NameCandidate]) -> Int? {
        guard ks.count > 1 else { return ks.first }
        let here = (cs[i].unit, cs[i].tokenStart)
        var best: Int?, bestPos = (-1, -1)
        for k in ks {
            let m = clusters[k].members
            var lo = 0, hi = sorted[k]
            while lo < hi {
                let mid = (lo + hi) / 2
                if (cs[m[mid]].unit, cs[m[mid]].tokenStart) < here { lo = mid + 1 } else { hi = mid }
            }
            var p = lo > 0 ? (cs[m[lo - 1]].unit, cs[m[lo - 1]].tokenStart) : (-1, -1)
            if let l = lastLone[k], l > p { p = l }
            if p > bestPos { best = k; bestPos = p }
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
