import NewsLensExtraction

/// Reads of the participant index: resolving an id or name to a merged entity, its members, summary,
/// articles and quotes.
extension ParticipantIndex {
    /// The entity (root key) key `k` is merged into.
    func root(of k: KeyID) -> KeyID {
        var k = k
        var steps = 0
        while let r = records[Int(k)], r.parent >= 0, steps < 64 {
            k = r.parent
            steps += 1
        }
        return k
    }

    /// Every key merged into root `k`, itself first.
    func members(of k: KeyID) -> [KeyID] {
        var out: [KeyID] = [k]
        var i = 0
        while i < out.count {
            if let r = records[Int(out[i])] { out.append(contentsOf: r.children) }
            i += 1
        }
        return out
    }

    /// The entity a client names: a participant id (slug) — the entity's own id first, then any member's —
    /// or a name or alias ("Taro Aso", "Aso"), persons first. `type` narrows the search when given.
    func resolve(_ text: String, type: ParticipantType? = nil) -> KeyID? {
        if let candidates = bySlug[text] {
            let roots = candidates.filter { k in type.map { records[Int(k)]!.key.type == $0 } ?? true }
                .map(root(of:)).sorted { records[Int($0)]!.orderKey < records[Int($1)]!.orderKey }
            if let own = roots.first(where: { records[Int($0)]!.slug == text }) { return own }
            if let best = roots.max(by: { records[Int($0)]!.articles.count < records[Int($1)]!.articles.count }) {
                return best
            }
        }
        let types = type.map { [$0] } ?? [.person, .organization, .country, .place]
        for t in types {
            let name = ParticipantName.normalize(text, type: t)
            guard !name.isEmpty, let k = ids[ParticipantKey(type: t, name: name)], let r = records[Int(k)] else { continue }
            if r.refs > 0 { return root(of: k) }
            // Never a participant itself but the alias or surname of exactly one: that one.
            if r.claimers.count == 1 { return root(of: r.claimers.first!.key) }
        }
        return nil
    }

    /// The merged view of root `k`.
    func summary(of k: KeyID) -> ParticipantSummary {
        let r = records[Int(k)]!
        let ms = members(of: k)
        var aliasCounts: [String: Int32] = [:]
        var mentionCount = 0, quoteCount = 0
        for m in ms {
            let mr = records[Int(m)]!
            mentionCount += mr.mentionCount
            quoteCount += mr.quoteCount
            for (name, use) in mr.names { aliasCounts[name, default: 0] += use.count }
            for (a, n) in mr.aliases { aliasCounts[a, default: 0] += n }
        }
        aliasCounts[r.displayName] = nil
        let aliases = aliasCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        let articleCount = ms.count == 1 ? r.articles.count : mergedCount(ms.map { records[Int($0)]!.articles })
        return ParticipantSummary(
            id: r.slug, type: r.key.type, name: r.displayName, aliases: aliases, articleCount: articleCount,
            quoteCount: quoteCount, quotationCount: ms.reduce(0) { $0 + records[Int($1)]!.quotes.count },
            mentionCount: mentionCount)
    }

    /// Distinct values across sorted lists.
    private func mergedCount(_ lists: [[UInt64]]) -> Int {
        var all = lists.flatMap { $0 }
        all.sort()
        var n = 0
        var last: UInt64? = nil
        for v in all where v != last { n += 1; last = v }
        return n
    }

    /// Up to `limit` values below `before` (all when nil), descending and distinct, from ascending `lists`,
    /// that pass `accept`; plus whether more remain.
    static func mergeDescending(_ lists: [[UInt64]], before: UInt64?, limit: Int,
                                accept: (UInt64) -> Bool) -> (values: [UInt64], more: Bool) {
        var positions = lists.map { list -> Int in
            guard let before else { return list.count - 1 }
            return lowerBound(list, before) - 1
        }
        var out: [UInt64] = []
        var last: UInt64? = nil
        while true {
            var best = -1
            var bestValue: UInt64 = 0
            for (i, p) in positions.enumerated() where p >= 0 {
                let v = lists[i][p]
                if best < 0 || v > bestValue { best = i; bestValue = v }
            }
            guard best >= 0 else { return (out, false) }
            positions[best] -= 1
            if bestValue == last { continue }
            last = bestValue
            guard accept(bestValue) else { continue }
            if out.count == limit { return (out, true) }
            out.append(bestValue)
        }
    }
}

/// A participant merged across every stored article: the items of `GET /v1/participants`.
public struct ParticipantSummary: Sendable, Hashable {
    /// Stable slug of the canonical name ("taro-aso"), the same id articles use for it.
    public var id: String
    public var type: ParticipantType
    public var name: String
    /// Other names of the merged participant, most frequent first (including names merged into it).
    public var aliases: [String]
    /// Stored articles in which it takes part.
    public var articleCount: Int
    /// Direct and partial quotes attributed to it (sum of the articles' `quoteCount`).
    public var quoteCount: Int
    /// Quotes of every kind (indirect included) attributed to it: what `GET /v1/quotes?speaker=` lists.
    public var quotationCount: Int
    public var mentionCount: Int

    public init(id: String, type: ParticipantType, name: String, aliases: [String], articleCount: Int,
                quoteCount: Int, quotationCount: Int, mentionCount: Int) {
        self.id = id
        self.type = type
        self.name = name
        self.aliases = aliases
        self.articleCount = articleCount
        self.quoteCount = quoteCount
        self.quotationCount = quotationCount
        self.mentionCount = mentionCount
    }
}
