import NewsLensExtraction

typealias KeyID = Int32

/// Position of a merged participant in the ordered list of `GET /v1/participants`: by id (slug), then
/// type and normalised name for the rare slug shared by two entities. `key` rides along, uncompared.
struct ParticipantOrderKey: Comparable, Hashable, Sendable {
    var slug: String
    var type: UInt8
    var name: String
    var key: KeyID = -1

    static func < (a: Self, b: Self) -> Bool { (a.slug, a.type, a.name) < (b.slug, b.type, b.name) }
    static func == (a: Self, b: Self) -> Bool { a.slug == b.slug && a.type == b.type && a.name == b.name }
    func hash(into h: inout Hasher) { h.combine(slug); h.combine(type); h.combine(name) }
}

/// Everything the index knows about one participant key (type + normalised name) across the store.
struct KeyRecord {
    let key: ParticipantKey
    /// The most common of `names` (ties: the smallest), and the engine's slug for it.
    var displayName: String
    var slug: String
    /// Display names article participants gave this key, with counts and the slug the engine gave each.
    var names: [String: NameUse] = [:]
    /// Articles in which a participant has this key.
    var refs: Int32 = 0
    /// Keys (with counts of article participants) claiming this one as an alias or surname.
    var claimers: [KeyID: Int32] = [:]
    /// The key this one is merged into (its only claimer), -1 for none.
    var parent: KeyID = -1
    var children: [KeyID] = []
    var isRoot = false
    /// Sequence numbers of the articles, ascending.
    var articles: [UInt64] = []
    /// Quote postings (`QuotePosting`), ascending.
    var quotes: [UInt64] = []
    var mentionCount = 0
    var quoteCount = 0
    /// Aliases the engine reported, with how many article participants reported each.
    var aliases: [String: Int32] = [:]

    var orderKey: ParticipantOrderKey
}

struct NameUse {
    var count: Int32
    var slug: String
}

/// A quote's place in the store packed in one word, so that descending order is newest article first and,
/// within an article, document order: `seq << 24 | (2^24 - 1 - index)`.
enum QuotePosting {
    static let maxIndex = (1 << 24) - 1
    static func make(seq: UInt64, index: Int) -> UInt64 { seq << 24 | UInt64(maxIndex - index) }
    static func seq(_ p: UInt64) -> UInt64 { p >> 24 }
    static func index(_ p: UInt64) -> Int { maxIndex - Int(p & UInt64(maxIndex)) }
}

/// What one article contributed to the index, kept so that deleting it undoes exactly that.
struct ArticleKeys {
    struct Contribution {
        var key: KeyID
        var mentionCount: Int32
        var quoteCount: Int32
        var aliases: [String]
        var name: String
    }
    /// Key of each participant entry of the article, in order.
    var entryKeys: [KeyID]
    var contributions: [Contribution]
    var claims: [(owner: KeyID, claimed: KeyID)]
    var quotePostings: [(key: KeyID, posting: UInt64)]
}

/// The cross-article participant index: speaker → quotes, participant → articles, and the merging of the
/// same person, organization, country or place across articles (rules in `ParticipantName`). Every
/// derived fact (parent, root, membership in the ordered list) is recomputed for each key an insert or
/// delete touches, so the index after any sequence of operations equals one built from the survivors.
/// Not thread-safe: the store guards it with its lock.
struct ParticipantIndex {
    var records: [KeyRecord?] = []
    private var freeIDs: [KeyID] = []
    var ids: [ParticipantKey: KeyID] = [:]
    /// Slugs of present keys (ids the engine gave), to find an entity from a URL.
    var bySlug: [String: [KeyID]] = [:]
    /// Present keys merged into no other: the entities of `GET /v1/participants`.
    var roots = SortedChunkedSet<ParticipantOrderKey>()
    private var byArticle: [UInt64: ArticleKeys] = [:]

    var liveKeyCount: Int { ids.count }

    // MARK: insert and remove

    /// Adds article `seq`'s participants (`specs`, in entry order) and its quotes' speakers
    /// (`quoteSpeakers[i]` = participant entry index of quote i's speaker, -1 for none).
    mutating func insert(seq: UInt64, specs: [ParticipantKeySpec], quoteSpeakers: [Int32]) {
        var touched: Set<KeyID> = []
        var entryKeys: [KeyID] = []
        entryKeys.reserveCapacity(specs.count)
        var contributions: [ArticleKeys.Contribution] = []
        var contributionOf: [KeyID: Int] = [:]
        for spec in specs {
            let k = intern(spec.key)
            entryKeys.append(k)
            touched.insert(k)
            let c: Int
            if let existing = contributionOf[k] {
                c = existing
            } else {
                c = contributions.count
                contributionOf[k] = c
                let name = addName(spec.displayName, slug: spec.slug, to: k)
                contributions.append(.init(key: k, mentionCount: 0, quoteCount: 0, aliases: [], name: name))
                records[Int(k)]!.refs += 1
                Self.insertSorted(&records[Int(k)]!.articles, seq)
            }
            contributions[c].mentionCount += Int32(clamping: spec.mentionCount)
            contributions[c].quoteCount += Int32(clamping: spec.quoteCount)
            records[Int(k)]!.mentionCount += spec.mentionCount
            records[Int(k)]!.quoteCount += spec.quoteCount
            for alias in spec.aliases where !contributions[c].aliases.contains(alias) {
                let shared = addAlias(alias, to: k)
                contributions[c].aliases.append(shared)
            }
        }
        var claims: [(owner: KeyID, claimed: KeyID)] = []
        for (i, spec) in specs.enumerated() {
            let owner = entryKeys[i]
            for claimedKey in spec.claims {
                let claimed = intern(claimedKey)
                guard claimed != owner, !claims.contains(where: { $0.owner == owner && $0.claimed == claimed }) else { continue }
                claims.append((owner, claimed))
                records[Int(claimed)]!.claimers[owner, default: 0] += 1
                touched.insert(claimed)
            }
        }
        var postings: [(key: KeyID, posting: UInt64)] = []
        for (qi, s) in quoteSpeakers.enumerated() where s >= 0 && Int(s) < entryKeys.count && qi <= QuotePosting.maxIndex {
            let k = entryKeys[Int(s)]
            let p = QuotePosting.make(seq: seq, index: qi)
            Self.insertSorted(&records[Int(k)]!.quotes, p)
            postings.append((k, p))
        }
        byArticle[seq] = ArticleKeys(entryKeys: entryKeys, contributions: contributions, claims: claims,
                                     quotePostings: postings)
        for k in touched { refreshPresentation(k) }
        for k in touched { recomputeParent(k) }
        for k in touched { releaseIfUnused(k) }
    }

    /// Undoes `insert` of article `seq`.
    mutating func remove(seq: UInt64) {
        guard let ak = byArticle.removeValue(forKey: seq) else { return }
        var touched: Set<KeyID> = []
        for (k, p) in ak.quotePostings {
            Self.removeSorted(&records[Int(k)]!.quotes, p)
            touched.insert(k)
        }
        for c in ak.contributions {
            let k = Int(c.key)
            records[k]!.refs -= 1
            Self.removeSorted(&records[k]!.articles, seq)
            records[k]!.mentionCount -= Int(c.mentionCount)
            records[k]!.quoteCount -= Int(c.quoteCount)
            for alias in c.aliases {
                if let n = records[k]!.aliases[alias], n > 1 {
                    records[k]!.aliases[alias] = n - 1
                } else {
                    records[k]!.aliases[alias] = nil
                }
            }
            if let use = records[k]!.names[c.name], use.count > 1 {
                records[k]!.names[c.name]!.count -= 1
            } else {
                records[k]!.names[c.name] = nil
            }
            touched.insert(c.key)
        }
        for (owner, claimed) in ak.claims {
            let k = Int(claimed)
            if let n = records[k]!.claimers[owner], n > 1 {
                records[k]!.claimers[owner] = n - 1
            } else {
                records[k]!.claimers[owner] = nil
            }
            touched.insert(claimed)
        }
        for k in touched { refreshPresentation(k) }
        for k in touched { recomputeParent(k) }
        for k in touched { releaseIfUnused(k) }
    }

    /// Participant key of each entry of article `seq`.
    func entryKeys(of seq: UInt64) -> [KeyID] { byArticle[seq]?.entryKeys ?? [] }

    // MARK: key lifecycle

    private mutating func intern(_ key: ParticipantKey) -> KeyID {
        if let k = ids[key] { return k }
        let slug = ParticipantName.slug(key.name)
        let order = ParticipantOrderKey(slug: slug, type: Self.typeOrder(key.type), name: key.name)
        let record = KeyRecord(key: key, displayName: key.name, slug: slug, orderKey: order)
        let k: KeyID
        if let reused = freeIDs.popLast() {
            k = reused
            records[Int(k)] = record
        } else {
            k = KeyID(records.count)
            records.append(record)
        }
        records[Int(k)]!.orderKey.key = k
        ids[key] = k
        return k
    }

    /// Chooses the key's display name and slug from the names its article participants use now (the most
    /// common, ties to the smallest), so they depend only on the stored articles, not on their history;
    /// moves the key in the ordered list and the slug table when they change.
    private mutating func refreshPresentation(_ k: KeyID) {
        let r = records[Int(k)]!
        var best: (name: String, use: NameUse)? = nil
        for (name, use) in r.names {
            if let b = best, b.use.count > use.count || (b.use.count == use.count && b.name <= name) { continue }
            best = (name, use)
        }
        let name = best?.name ?? r.key.name
        let slug = best?.use.slug ?? ParticipantName.slug(r.key.name)
        let listed = bySlug[r.slug]?.contains(k) == true
        let shouldBeListed = !r.names.isEmpty
        guard name != r.displayName || slug != r.slug || listed != shouldBeListed else { return }
        if listed {
            let rest = bySlug[r.slug]!.filter { $0 != k }
            bySlug[r.slug] = rest.isEmpty ? nil : rest
        }
        let order = ParticipantOrderKey(slug: slug, type: Self.typeOrder(r.key.type), name: r.key.name, key: k)
        if r.isRoot && order.slug != r.orderKey.slug {
            roots.remove(r.orderKey)
            roots.insert(order)
        }
        records[Int(k)]!.displayName = name
        records[Int(k)]!.slug = slug
        records[Int(k)]!.orderKey = order
        if shouldBeListed { bySlug[slug, default: []].append(k) }
    }

    /// Counts one use of display name `name` (with the engine's `slug`) for key `k`; returns the stored
    /// instance so articles share it.
    private mutating func addName(_ name: String, slug: String, to k: KeyID) -> String {
        if let i = records[Int(k)]!.names.index(forKey: name) {
            let shared = records[Int(k)]!.names[i].key
            records[Int(k)]!.names[shared]!.count += 1
            return shared
        }
        records[Int(k)]!.names[name] = NameUse(count: 1, slug: slug)
        return name
    }

    /// A key is merged into its claimer when it has exactly one (and is present itself).
    private mutating func recomputeParent(_ k: KeyID) {
        guard let r = records[Int(k)] else { return }
        let newParent: KeyID = r.refs > 0 && r.claimers.count == 1 ? r.claimers.first!.key : -1
        if newParent != r.parent {
            if r.parent >= 0 { records[Int(r.parent)]!.children.removeAll { $0 == k } }
            if newParent >= 0 { records[Int(newParent)]!.children.append(k) }
            records[Int(k)]!.parent = newParent
        }
        let shouldBeRoot = r.refs > 0 && newParent < 0
        if shouldBeRoot != r.isRoot {
            records[Int(k)]!.isRoot = shouldBeRoot
            if shouldBeRoot { roots.insert(r.orderKey) } else { roots.remove(r.orderKey) }
        }
    }

    private mutating func releaseIfUnused(_ k: KeyID) {
        guard let r = records[Int(k)], r.refs == 0, r.claimers.isEmpty, r.children.isEmpty,
              r.quotes.isEmpty, r.articles.isEmpty, !r.isRoot, r.parent < 0 else { return }
        ids[r.key] = nil
        records[Int(k)] = nil
        freeIDs.append(k)
    }

    /// Adds one count of `alias` to key `k` and returns the stored instance (so articles share it).
    private mutating func addAlias(_ alias: String, to k: KeyID) -> String {
        if let i = records[Int(k)]!.aliases.index(forKey: alias) {
            let shared = records[Int(k)]!.aliases[i].key
            records[Int(k)]!.aliases[shared]! += 1
            return shared
        }
        records[Int(k)]!.aliases[alias] = 1
        return alias
    }

    static func typeOrder(_ t: ParticipantType) -> UInt8 {
        switch t {
        case .person: return 0
        case .organization: return 1
        case .country: return 2
        case .place: return 3
        }
    }

    // MARK: sorted postings

    private static func insertSorted(_ a: inout [UInt64], _ v: UInt64) {
        if a.last.map({ $0 < v }) ?? true { a.append(v); return }
        let i = Self.lowerBound(a, v)
        if i < a.count && a[i] == v { return }
        a.insert(v, at: i)
    }

    private static func removeSorted(_ a: inout [UInt64], _ v: UInt64) {
        let i = Self.lowerBound(a, v)
        if i < a.count && a[i] == v { a.remove(at: i) }
    }

    static func lowerBound(_ a: [UInt64], _ v: UInt64) -> Int {
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
