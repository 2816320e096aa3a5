#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import NewsLensExtraction
import NewsLensJSON

/// Rebuilding the store at start from its data directory, and compaction on demand.
///
/// Journaled is the stored analysis JSON with its gzip, not the submitted text: a restart needs neither
/// the engine (re-analysing 100,000 articles would take minutes, and a newer engine would change stored
/// results and their ETags) nor recompression; it parses the JSON back into an `Analysis` to rebuild the
/// offsets and the participant index.
extension ArticleStore {
    func recover(from persistence: Persistence) throws(StoreError) {
        var damaged = 0
        var batch: [JournalRecord] = []
        // Decoding and re-encoding dominate a restart and are independent per article: done in parallel
        // batches, applied in journal order.
        func applyBatch() {
            let prepared = Self.prepareInParallel(batch)
            for (record, p) in zip(batch, prepared) {
                switch record {
                case .header(kind: .snapshot, _, let nextSeq):
                    state.nextSeq = max(state.nextSeq, nextSeq)
                case .header, .snapshotEnd:
                    break
                case .put(let r):
                    guard state.bySeq[r.seq] == nil, state.byContent[r.contentID] == nil else { continue }
                    switch p {
                    case .success(let prepared):
                        state.apply(insert: makeStored(prepared, seq: r.seq, createdAt: r.createdAtMillis),
                                    keys: prepared.participantKeys)
                    case .failure(let error):
                        damaged += 1
                        configuration.log("article \(r.id) in the journal cannot be decoded (\(error)); skipped")
                    case nil:
                        break
                    }
                case .delete(let seq, let contentID):
                    if let a = state.bySeq[seq], a.contentID == contentID { state.apply(delete: a) }
                }
            }
            batch.removeAll(keepingCapacity: true)
        }
        persistence.recover { record in
            batch.append(record)
            if batch.count >= 512 { applyBatch() }
        }
        applyBatch()
        let count = state.bySeq.count
        if count > configuration.maxArticles {
            configuration.log("loaded \(count) articles, more than --max-articles \(configuration.maxArticles): nothing was dropped, new articles are refused until some are deleted")
        }
        if state.estimatedBytes > configuration.memoryBudgetBytes {
            configuration.log("loaded articles take about \(state.estimatedBytes) bytes, more than the memory budget of \(configuration.memoryBudgetBytes): nothing was dropped, new articles are refused")
        }
        if damaged > 0 { configuration.log("\(damaged) journaled articles could not be restored") }
    }

    /// Decodes and encodes the puts of `records` on every core; nil for other records.
    static func prepareInParallel(_ records: [JournalRecord]) -> [Result<PreparedArticle, AnalysisDecoder.Failure>?] {
        var out = [Result<PreparedArticle, AnalysisDecoder.Failure>?](repeating: nil, count: records.count)
        let workers = max(1, min(16, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        /// Each worker writes only its own slots.
        struct Slots: @unchecked Sendable { let base: UnsafeMutableBufferPointer<Result<PreparedArticle, AnalysisDecoder.Failure>?> }
        out.withUnsafeMutableBufferPointer { buffer in
            let slots = Slots(base: buffer)
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var i = w
                while i < records.count {
                    if case .put(let r) = records[i] { slots.base[i] = prepare(r) }
                    i += workers
                }
            }
        }
        return out
    }

    private static func prepare(_ r: PutRecord) -> Result<PreparedArticle, AnalysisDecoder.Failure> {
        let analysis: Analysis
        do {
            analysis = try AnalysisDecoder.decode(JSONParser().parse(r.json))
        } catch let error as AnalysisDecoder.Failure {
            return .failure(error)
        } catch {
            return .failure(AnalysisDecoder.Failure(path: "$", expected: "JSON (\(error))"))
        }
        return .success(ArticleEncoder.prepare(analysis, contentID: r.contentID, id: r.id, reuse: (r.json, r.gzip)))
    }

    /// Writes a snapshot now and drops the journal before it (normally done in the background once the
    /// journal passes `compactionThresholdBytes`). No effect without a data directory.
    public func compact() throws(StoreError) {
        guard let persistence else { return }
        persistence.waitForBackgroundWork()
        try persistence.compact(self)
    }

    /// Finishes background work, closes the data directory's files and releases its lock (another store
    /// may then open it); later writes fail with `storageUnavailable`. Reads keep working.
    public func close() {
        writers.withLock { persistence?.close() }
    }

    /// Waits until background compaction (if any) has finished; for orderly shutdown and tests.
    public func waitForBackgroundWork() {
        persistence?.waitForBackgroundWork()
    }
}

extension StoreState {
    /// Every stored article, oldest first.
    func orderedArticles() -> [StoredArticle] {
        var out: [StoredArticle] = []
        out.reserveCapacity(bySeq.count)
        for seq in order { if let a = bySeq[seq] { out.append(a) } }
        return out
    }
}
