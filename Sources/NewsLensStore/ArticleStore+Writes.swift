import NewsLensExtraction

/// Journaled writes between their append and their flush: they count against the limits and block a
/// duplicate, but are not visible to readers until durable.
final class PendingWrites: @unchecked Sendable {
    struct Insert {
        var article: StoredArticle
        var keys: [ParticipantKeySpec]
        var ticket: JournalTicket
    }
    var inserts: [ContentID: Insert] = [:]
    var ids: [String: ContentID] = [:]
    var bytes = 0
    var deletes: [UInt64: (article: StoredArticle, ticket: JournalTicket)] = [:]
}

/// Inserts and deletes: decided in order under the writers' mutex, made durable without it, then applied.
extension ArticleStore {
    private enum Step {
        case done(InsertResult)
        case waitForFlush(StoredArticle, JournalTicket, created: Bool)
    }

    /// Stores `analysis` under the id derived from `normalizedText` (the engine's normalised article text,
    /// `ArticleAnalyzer.normalizedText(of:)`).
    public func insert(_ analysis: Analysis, normalizedText: String) throws(StoreError) -> InsertResult {
        try insert(analysis, contentID: ContentID(normalizedText: normalizedText))
    }

    /// Stores `analysis` as the content `contentID`; returns the existing article when that content is
    /// already stored. Throws on limits (`articleLimitReached`, `memoryBudgetExceeded`) and when the
    /// journal cannot make the write durable (`storageUnavailable`) — in every case nothing changes.
    /// With a data directory it returns once the article is on disk.
    public func insert(_ analysis: Analysis, contentID: ContentID) throws(StoreError) -> InsertResult {
        if let existing = article(contentID: contentID) { return InsertResult(article: existing, created: false) }
        let prepared = ArticleEncoder.prepare(analysis, contentID: contentID, id: contentID.prefix())
        let step: Result<Step, StoreError> = writers.withLock {
            if let existing = state.byContent[contentID] { return .success(.done(InsertResult(article: existing, created: false))) }
            if let p = pending.inserts[contentID] { return .success(.waitForFlush(p.article, p.ticket, created: false)) }
            var prepared = prepared
            let id = uniqueID(for: contentID)
            if id != prepared.id {
                prepared = ArticleEncoder.prepare(prepared.analysis, contentID: contentID, id: id)
            }
            if state.bySeq.count + pending.inserts.count >= configuration.maxArticles {
                return .failure(.articleLimitReached(limit: configuration.maxArticles))
            }
            let createdAt = max(Timestamp.nowMillis(), state.lastCreatedAt)
            let article = makeStored(prepared, seq: state.nextSeq, createdAt: createdAt)
            let used = state.estimatedBytes + pending.bytes
            if used + article.estimatedBytes > configuration.memoryBudgetBytes {
                return .failure(.memoryBudgetExceeded(budgetBytes: configuration.memoryBudgetBytes,
                                                      usedBytes: used, neededBytes: article.estimatedBytes))
            }
            state.nextSeq += 1
            state.lastCreatedAt = createdAt
            guard let persistence else {
                lock.withWriteLock { state.apply(insert: article, keys: prepared.participantKeys) }
                return .success(.done(InsertResult(article: article, created: true)))
            }
            switch persistence.write(.put(PutRecord(article))) {
            case .failure(let error):
                return .failure(error)
            case .success(let ticket):
                pending.inserts[contentID] = .init(article: article, keys: prepared.participantKeys, ticket: ticket)
                pending.ids[article.id] = contentID
                pending.bytes += article.estimatedBytes
                return .success(.waitForFlush(article, ticket, created: true))
            }
        }
        switch try step.get() {
        case .done(let result):
            return result
        case .waitForFlush(let article, let ticket, let created):
            try finishInsert(contentID, ticket).get()
            persistence?.compactIfDue(self)
            return InsertResult(article: article, created: created)
        }
    }

    /// Waits for the flush of a pending insert and applies it (whoever gets there first, the writer or a
    /// caller that posted the same content meanwhile); on a failed flush the insert is dropped.
    private func finishInsert(_ contentID: ContentID, _ ticket: JournalTicket) -> Result<Void, StoreError> {
        let durable = persistence!.waitDurable(ticket)
        writers.withLock {
            guard let p = pending.inserts[contentID], p.ticket == ticket else { return }
            pending.inserts[contentID] = nil
            pending.ids[p.article.id] = nil
            pending.bytes -= p.article.estimatedBytes
            if case .success = durable {
                lock.withWriteLock { state.apply(insert: p.article, keys: p.keys) }
            }
        }
        return durable
    }

    /// Removes the article `id`; false when there is none. Every index forgets it before this returns,
    /// and with a data directory the deletion is on disk first.
    @discardableResult
    public func delete(id: String) throws(StoreError) -> Bool {
        enum DeleteStep {
            case done(Bool)
            case waitForFlush(StoredArticle, JournalTicket)
        }
        let step: Result<DeleteStep, StoreError> = writers.withLock {
            guard let article = state.byID[id] else { return .success(.done(false)) }
            if let p = pending.deletes[article.seq] { return .success(.waitForFlush(p.article, p.ticket)) }
            guard let persistence else {
                lock.withWriteLock { state.apply(delete: article) }
                return .success(.done(true))
            }
            switch persistence.write(.delete(seq: article.seq, contentID: article.contentID)) {
            case .failure(let error):
                return .failure(error)
            case .success(let ticket):
                pending.deletes[article.seq] = (article, ticket)
                return .success(.waitForFlush(article, ticket))
            }
        }
        switch try step.get() {
        case .done(let deleted):
            return deleted
        case .waitForFlush(let article, let ticket):
            let durable = persistence!.waitDurable(ticket)
            writers.withLock {
                guard let p = pending.deletes[article.seq], p.ticket == ticket else { return }
                pending.deletes[article.seq] = nil
                if case .success = durable { lock.withWriteLock { state.apply(delete: p.article) } }
            }
            try durable.get()
            persistence?.compactIfDue(self)
            return true
        }
    }

    /// The short id for new content: 16 hex digits, lengthened 4 at a time past any stored (or pending)
    /// article whose id it would equal (a 64-bit prefix collision). Stable: the chosen id is journaled.
    func uniqueID(for contentID: ContentID) -> String {
        var length = ContentID.shortLength
        var id = contentID.prefix(length)
        while length < 64 {
            let taken = state.byID[id].map { $0.contentID != contentID } ?? false
            let pendingTaken = pending.ids[id].map { $0 != contentID } ?? false
            guard taken || pendingTaken else { break }
            length += 4
            id = contentID.prefix(length)
        }
        return id
    }

    /// Every article a snapshot taken now must hold: the visible ones plus durable pending inserts,
    /// minus durable pending deletes, oldest first. Call with `writers` held.
    func articlesForSnapshot() -> [StoredArticle] {
        var articles = lock.withReadLock { state.orderedArticles() }
        guard let persistence else { return articles }
        let deleted = Set(pending.deletes.values.filter { persistence.isDurable($0.ticket) }.map(\.article.seq))
        if !deleted.isEmpty { articles.removeAll { deleted.contains($0.seq) } }
        let added = pending.inserts.values.filter { persistence.isDurable($0.ticket) }.map(\.article)
        if !added.isEmpty {
            articles += added
            articles.sort { $0.seq < $1.seq }
        }
        return articles
    }
}
