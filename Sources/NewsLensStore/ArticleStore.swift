import NewsLensExtraction
import NewsLensJSON

/// The article store behind `/v1/articles`, `/v1/quotes` and `/v1/participants`: analysed articles in
/// memory, deduplicated by content, indexed by speaker and participant across articles, bounded, and
/// optionally durable (journal + snapshots in a data directory).
///
/// Concurrency: readers take a reader-writer lock for a few dictionary lookups and then work on immutable
/// `StoredArticle`s outside it; an insert does all its encoding (JSON, gzip, offsets) before taking any
/// lock, appends its journal record under the writers' mutex, waits for the flush with no lock held (group
/// commit: concurrent writers share one fdatasync), and holds the write lock just for the index update.
/// Reads therefore never wait for an analysis, an encoding or a disk flush, and a write is visible only
/// once it is durable.
public final class ArticleStore: @unchecked Sendable {
    public let configuration: StoreConfiguration
    /// Guards `state` for readers; writers hold it (exclusively) only while applying a change.
    let lock = ReadWriteLock()
    /// Serialises writers: id choice, limits, journal append and apply happen in one order.
    let writers = Mutex()
    /// Mutated only with both `writers` and `lock` (write) held; read with either held.
    let state = StoreState()
    /// Journaled writes waiting for their flush (guarded by `writers`).
    let pending = PendingWrites()
    let persistence: Persistence?

    /// Opens the store; with a data directory, rebuilds it from the snapshot and journal there (torn or
    /// corrupt records are skipped with a warning). Throws only when the directory cannot be used at all.
    public init(configuration: StoreConfiguration = StoreConfiguration()) throws(StoreError) {
        self.configuration = configuration
        if let dir = configuration.dataDirectory {
            let p = try Persistence(directory: dir, log: configuration.log,
                                    compactionThreshold: configuration.compactionThresholdBytes,
                                    faults: configuration.faults)
            persistence = p
            try recover(from: p)
        } else {
            persistence = nil
        }
    }

    /// The result of `insert`: the stored article, and whether this call created it (201) or found the
    /// same content already stored (200).
    public struct InsertResult: Sendable {
        public let article: StoredArticle
        public let created: Bool
    }

    func makeStored(_ p: PreparedArticle, seq: UInt64, createdAt: Int64) -> StoredArticle {
        let summary = ArticleEncoder.summary(of: p, createdAtMillis: createdAt)
        return StoredArticle(
            id: p.id, contentID: p.contentID, seq: seq, createdAtMillis: createdAt,
            headline: p.analysis.article.headline, json: p.json, gzip: p.gzip,
            etag: p.etag, summaryJSON: summary.json, quoteEntries: p.quoteEntries,
            participantEntries: p.participantEntries, quotesRange: p.quotesRange,
            participantsRange: p.participantsRange, searchRanges: summary.searchRanges)
    }

    // MARK: reads

    /// The article with this id (or with this full 64-digit content hash).
    public func article(id: String) -> StoredArticle? {
        if let a = lock.withReadLock({ state.byID[id] }) { return a }
        if id.utf8.count == 64, let cid = ContentID(hex: id) { return article(contentID: cid) }
        return nil
    }

    /// The article stored for this content, if any (lets the API skip analysing a duplicate).
    public func article(contentID: ContentID) -> StoredArticle? {
        lock.withReadLock { state.byContent[contentID] }
    }

    public var count: Int { lock.withReadLock { state.bySeq.count } }

    /// Counts for `/metrics` and `/readyz`.
    public var statistics: StoreStatistics {
        let s = lock.withReadLock {
            StoreStatistics(articles: state.bySeq.count, quotes: state.quoteTotal,
                            participants: state.participants.roots.count, participantKeys: state.participants.liveKeyCount,
                            estimatedBytes: state.estimatedBytes, jsonBytes: state.jsonBytes, gzipBytes: state.gzipBytes,
                            maxArticles: configuration.maxArticles, memoryBudgetBytes: configuration.memoryBudgetBytes,
                            durable: persistence != nil, writable: true)
        }
        guard let persistence else { return s }
        var out = s
        out.writable = persistence.isWritable
        return out
    }
}

/// Sizes and counts of the store.
public struct StoreStatistics: Sendable, Hashable {
    public var articles: Int
    public var quotes: Int
    /// Participants merged across articles (the length of `GET /v1/participants`).
    public var participants: Int
    /// Distinct participant names and aliases in the index.
    public var participantKeys: Int
    /// The estimate the memory budget is checked against.
    public var estimatedBytes: Int
    public var jsonBytes: Int
    public var gzipBytes: Int
    public var maxArticles: Int
    public var memoryBudgetBytes: Int
    /// Whether a data directory is in use.
    public var durable: Bool
    /// False while the data directory refuses writes (read-only, disk full at the last attempt).
    public var writable: Bool
}

/// The store's mutable indexes (guarded by `ArticleStore`'s locks).
final class StoreState: @unchecked Sendable {
    var bySeq: [UInt64: StoredArticle] = [:]
    var byID: [String: StoredArticle] = [:]
    var byContent: [ContentID: StoredArticle] = [:]
    /// Sequence numbers of stored articles (iterated descending: newest first).
    var order = SortedChunkedSet<UInt64>()
    var participants = ParticipantIndex()
    var nextSeq: UInt64 = 1
    var lastCreatedAt: Int64 = 0
    var estimatedBytes = 0
    var jsonBytes = 0
    var gzipBytes = 0
    var quoteTotal = 0

    func apply(insert a: StoredArticle, keys: [ParticipantKeySpec]) {
        bySeq[a.seq] = a
        byID[a.id] = a
        byContent[a.contentID] = a
        order.insert(a.seq)
        participants.insert(seq: a.seq, specs: keys, quoteSpeakers: a.quoteEntries.map(\.speaker))
        nextSeq = max(nextSeq, a.seq + 1)
        lastCreatedAt = max(lastCreatedAt, a.createdAtMillis)
        estimatedBytes += a.estimatedBytes
        jsonBytes += a.json.count
        gzipBytes += a.gzip.count
        quoteTotal += a.quoteEntries.count
    }

    func apply(delete a: StoredArticle) {
        guard bySeq.removeValue(forKey: a.seq) != nil else { return }
        byID[a.id] = nil
        byContent[a.contentID] = nil
        order.remove(a.seq)
        participants.remove(seq: a.seq)
        estimatedBytes -= a.estimatedBytes
        jsonBytes -= a.json.count
        gzipBytes -= a.gzip.count
        quoteTotal -= a.quoteEntries.count
    }
}
