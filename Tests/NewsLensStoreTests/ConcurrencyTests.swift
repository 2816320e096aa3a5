import Dispatch
import NewsLensExtraction
import NewsLensJSON
import Testing
@testable import NewsLensStore

/// Many threads inserting, reading and deleting at once; run under ThreadSanitizer with
/// `swift test --sanitize=thread --filter ConcurrencyTests`.
@Suite struct ConcurrencyTests {
    static let speakers: [Fixtures.P] = [
        .init(name: "Taro Aso", aliases: ["Aso"]), .init(name: "Aso"), .init(name: "Ichiro Aso"),
        .init(name: "Japan", type: .country), .init(name: "United Nations", type: .organization, aliases: ["UN"]),
    ]

    static func article(_ worker: Int, _ i: Int) -> Analysis {
        let p = speakers[(worker + i) % speakers.count]
        let q = speakers[(worker * 7 + i) % speakers.count]
        return Fixtures.analysis(headline: "w\(worker) i\(i)", participants: p.name == q.name ? [p] : [p, q],
                                 quotes: [.init(speaker: p.name, text: "said \(worker) \(i)"), .init(speaker: q.name, text: "also \(i)", kind: .indirect)])
    }

    /// Per worker: insert, read back, list, search, and delete every third of its own articles.
    static func work(_ store: ArticleStore, worker: Int, count: Int) -> (kept: Set<String>, failures: [String]) {
        var kept: Set<String> = []
        var failures: [String] = []
        for i in 0..<count {
            do {
                let text = "worker \(worker) article \(i)"
                let r = try store.insert(article(worker, i), normalizedText: text)
                if !r.created { failures.append("\(text) existed") }
                // A duplicate from this thread is answered with the same article.
                if i % 10 == 0, try store.insert(article(worker, i), normalizedText: text).article !== r.article {
                    failures.append("duplicate of \(text) is another article")
                }
                if store.article(id: r.article.id) !== r.article { failures.append("cannot read back \(text)") }
                let page = try store.articles(ArticleQuery(limit: 5))
                if let next = page.nextCursor { _ = try store.articles(ArticleQuery(limit: 5, cursor: next)) }
                _ = try store.quotes(QuoteQuery(limit: 10, speaker: speakers[i % speakers.count].name))
                _ = try store.participants(ParticipantQuery(limit: 10, q: "a"))
                _ = store.quotes(inArticle: r.article.id, speaker: "aso")
                _ = store.participant(id: "aso")
                _ = store.statistics
                if i % 3 == 0 {
                    if try !store.delete(id: r.article.id) { failures.append("delete of \(text) found nothing") }
                } else {
                    kept.insert(r.article.id)
                }
            } catch {
                failures.append("\(error)")
            }
        }
        return (kept, failures)
    }

    static func runWorkers(_ store: ArticleStore, workers: Int, count: Int) -> (kept: Set<String>, failures: [String]) {
        let results = ResultBox(workers)
        Fixtures.onThreads(workers) { w in
            results.set(w, work(store, worker: w, count: count))
        }
        return results.merged
    }

    @Test func manyThreadsEndWithConsistentCounts() throws {
        let store = Fixtures.memoryStore()
        let (kept, failures) = Self.runWorkers(store, workers: 8, count: 60)
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        #expect(store.count == kept.count)
        #expect(kept.count == 8 * 40)
        var listed: Set<String> = []
        var cursor: String? = nil
        repeat {
            let page = try store.articles(ArticleQuery(limit: 100, cursor: cursor))
            listed.formUnion(page.items.map(\.id))
            cursor = page.nextCursor
        } while cursor != nil
        #expect(listed == kept)
        #expect(store.statistics.quotes == 2 * kept.count)
        var quoteCount = 0
        cursor = nil
        repeat {
            let page = try store.quotes(QuoteQuery(limit: 100, cursor: cursor))
            quoteCount += page.items.count
            cursor = page.nextCursor
        } while cursor != nil
        #expect(quoteCount == 2 * kept.count)

        // The indexes equal those of a store built from the survivors alone.
        let rebuilt = Fixtures.memoryStore()
        for w in 0..<8 {
            for i in 0..<60 where i % 3 != 0 {
                _ = try rebuilt.insert(Self.article(w, i), normalizedText: "worker \(w) article \(i)")
            }
        }
        #expect(try store.participants(ParticipantQuery(limit: 100)).items == rebuilt.participants(ParticipantQuery(limit: 100)).items)
        #expect(store.statistics.participantKeys == rebuilt.statistics.participantKeys)
        #expect(store.statistics.estimatedBytes == rebuilt.statistics.estimatedBytes)
    }

    @Test func concurrentDurableWritesAllSurviveARestart() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { Fixtures.removeDirectory(dir) }
        var c = StoreConfiguration(maxArticles: 10_000, memoryBudgetBytes: 1 << 30, dataDirectory: dir)
        c.compactionThresholdBytes = 16 << 10
        c.log = { _ in }
        var kept: Set<String> = []
        do {
            let store = try ArticleStore(configuration: c)
            let result = Self.runWorkers(store, workers: 4, count: 30)
            #expect(result.failures.isEmpty, "\(result.failures.prefix(5))")
            kept = result.kept
            store.close()
        }
        let reopened = try ArticleStore(configuration: c)
        #expect(reopened.count == kept.count)
        for id in kept { #expect(reopened.article(id: id) != nil) }
    }

    /// Collects each worker's result without sharing mutable state unsafely.
    final class ResultBox: @unchecked Sendable {
        private let lock = Fixtures.NSLockLike()
        private var results: [(kept: Set<String>, failures: [String])]
        init(_ n: Int) { results = Array(repeating: ([], []), count: n) }
        func set(_ i: Int, _ r: (kept: Set<String>, failures: [String])) { lock.sync { results[i] = r } }
        var merged: (kept: Set<String>, failures: [String]) {
            lock.sync { results.reduce(into: (Set<String>(), [String]())) { $0.0.formUnion($1.kept); $0.1 += $1.failures } }
        }
    }
}
