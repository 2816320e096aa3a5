import NewsLensExtraction

/// The paginated lists and per-entity reads of the API, served from the indexes under the read lock.
extension ArticleStore {
    static func clamp(_ limit: Int) -> Int { max(1, min(maxPageSize, limit)) }

    private static func matcher(_ q: String?) -> TextMatcher? {
        guard let q, !q.isEmpty else { return nil }
        return TextMatcher(q)
    }

    /// `GET /v1/articles`.
    public func articles(_ query: ArticleQuery) throws(StoreError) -> Page<StoredArticle> {
        let limit = Self.clamp(query.limit)
        let before = try query.cursor.map { c throws(StoreError) in try Cursor.decodeNumber(c, .articles) }
        let text = Self.matcher(query.q)
        return lock.withReadLock {
            var items: [StoredArticle] = []
            var more = false
            func accept(_ a: StoredArticle) -> Bool { text.map { a.matchesSummary($0) } ?? true }
            let filter = query.speaker ?? query.participant
            if let filter {
                guard let root = state.participants.resolve(filter) else { return Page(items: [], nextCursor: nil) }
                let members = state.participants.members(of: root)
                let lists: [[UInt64]] = members.map { k in
                    let r = state.participants.records[Int(k)]!
                    return query.speaker != nil ? r.quotes.map(QuotePosting.seq) : r.articles
                }
                let merged = ParticipantIndex.mergeDescending(lists, before: before, limit: limit) { seq in
                    state.bySeq[seq].map(accept) ?? false
                }
                items = merged.values.compactMap { state.bySeq[$0] }
                more = merged.more
            } else {
                state.order.forEach(descendingBefore: before) { seq in
                    guard let a = state.bySeq[seq], accept(a) else { return true }
                    if items.count == limit { more = true; return false }
                    items.append(a)
                    return true
                }
            }
            let next = more ? items.last.map { Cursor.encode(.articles, $0.seq) } : nil
            return Page(items: items, nextCursor: next)
        }
    }

    /// `GET /v1/quotes`.
    public func quotes(_ query: QuoteQuery) throws(StoreError) -> Page<QuoteHit> {
        let limit = Self.clamp(query.limit)
        let before = try query.cursor.map { c throws(StoreError) in try Cursor.decodeNumber(c, .quotes) }
        let text = Self.matcher(query.q)
        return lock.withReadLock {
            var postings: [UInt64] = []
            var more = false
            func accept(_ p: UInt64) -> Bool {
                guard let a = state.bySeq[QuotePosting.seq(p)] else { return false }
                let i = QuotePosting.index(p)
                return i < a.quoteCount && a.quoteMatches(i, kind: query.kind, text: text)
            }
            if let speaker = query.speaker {
                guard let root = state.participants.resolve(speaker) else { return Page(items: [], nextCursor: nil) }
                let lists = state.participants.members(of: root).map { state.participants.records[Int($0)]!.quotes }
                let merged = ParticipantIndex.mergeDescending(lists, before: before, limit: limit, accept: accept)
                postings = merged.values
                more = merged.more
            } else {
                let startSeq = before.map(QuotePosting.seq)
                // The cursor's own article first (its later quotes), then older articles.
                if let before, let seq = startSeq, let a = state.bySeq[seq] {
                    for i in (QuotePosting.index(before) + 1)..<max(QuotePosting.index(before) + 1, a.quoteCount) {
                        let p = QuotePosting.make(seq: seq, index: i)
                        guard accept(p) else { continue }
                        if postings.count == limit { more = true; break }
                        postings.append(p)
                    }
                }
                if !more {
                    state.order.forEach(descendingBefore: startSeq) { seq in
                        guard let a = state.bySeq[seq] else { return true }
                        for i in 0..<a.quoteCount where a.quoteMatches(i, kind: query.kind, text: text) {
                            if postings.count == limit { more = true; return false }
                            postings.append(QuotePosting.make(seq: seq, index: i))
                        }
                        return true
                    }
                }
            }
            let hits = postings.compactMap { p -> QuoteHit? in
                guard let a = state.bySeq[QuotePosting.seq(p)] else { return nil }
                return hit(a, QuotePosting.index(p))
            }
            return Page(items: hits, nextCursor: more ? postings.last.map { Cursor.encode(.quotes, $0) } : nil)
        }
    }

    /// The quotes of one article (`GET /v1/articles/{id}/quotes`), filtered by speaker (participant id or
    /// name, merged across articles) and kind; nil when there is no such article.
    public func quotes(inArticle id: String, speaker: String? = nil, kind: QuoteKind? = nil) -> [QuoteHit]? {
        guard let a = article(id: id) else { return nil }
        return lock.withReadLock {
            var members: Set<KeyID>? = nil
            if let speaker {
                guard let root = state.participants.resolve(speaker) else { return [] }
                members = Set(state.participants.members(of: root))
            }
            let keys = state.participants.entryKeys(of: a.seq)
            return a.quoteIndices(kind: kind).compactMap { i -> QuoteHit? in
                if let members {
                    let s = Int(a.quoteEntries[i].speaker)
                    guard s >= 0, s < keys.count, members.contains(keys[s]) else { return nil }
                }
                return hit(a, i)
            }
        }
    }

    /// Must be called under the read lock.
    private func hit(_ a: StoredArticle, _ i: Int) -> QuoteHit {
        let keys = state.participants.entryKeys(of: a.seq)
        let s = Int(a.quoteEntries[i].speaker)
        var speakerID: String? = nil
        if s >= 0 && s < keys.count, let r = state.participants.records[Int(state.participants.root(of: keys[s]))] {
            speakerID = r.slug
        }
        return QuoteHit(article: a, index: i, speakerID: speakerID)
    }

    /// `GET /v1/participants`.
    public func participants(_ query: ParticipantQuery) throws(StoreError) -> Page<ParticipantSummary> {
        let limit = Self.clamp(query.limit)
        let after = try query.cursor.map { c throws(StoreError) in try Cursor.decodeParticipant(c) }
        let text = Self.matcher(query.q)
        return lock.withReadLock {
            let index = state.participants
            var items: [ParticipantSummary] = []
            var lastKey: ParticipantOrderKey? = nil
            var more = false
            index.roots.forEach(ascendingAfter: after) { key in
                guard let r = index.records[Int(key.key)] else { return true }
                if let type = query.type, r.key.type != type { return true }
                if let text, !matchesNames(index, key.key, text) { return true }
                if items.count == limit { more = true; return false }
                items.append(index.summary(of: key.key))
                lastKey = key
                return true
            }
            return Page(items: items, nextCursor: more ? lastKey.map(Cursor.encode) : nil)
        }
    }

    private func matchesNames(_ index: ParticipantIndex, _ root: KeyID, _ text: TextMatcher) -> Bool {
        for m in index.members(of: root) {
            guard let r = index.records[Int(m)] else { continue }
            if text.matches(r.displayName) || r.aliases.keys.contains(where: text.matches) { return true }
        }
        return false
    }

    /// One merged participant (`GET /v1/participants/{id}`): by id, or by name or alias; `type` narrows.
    /// Its articles and quotes: `articles(ArticleQuery(participant: id))`, `quotes(QuoteQuery(speaker: id))`.
    public func participant(id: String, type: ParticipantType? = nil) -> ParticipantSummary? {
        lock.withReadLock {
            state.participants.resolve(id, type: type).map { state.participants.summary(of: $0) }
        }
    }
}
