#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import NewsLensExtraction
import Testing
@testable import NewsLensStore

@Suite struct GroupCommitTests {
    final class Counter: @unchecked Sendable {
        private let lock = Fixtures.NSLockLike()
        private var n = 0
        func bump() -> Int { lock.sync { n += 1; return n } }
        var value: Int { lock.sync { n } }
    }

    final class IDs: @unchecked Sendable {
        private let lock = Fixtures.NSLockLike()
        private var set: Set<String> = []
        func add(_ id: String) { lock.sync { _ = set.insert(id) } }
        var count: Int { lock.sync { set.count } }
    }

    func open(_ dir: String, faults: FaultInjector) throws -> ArticleStore {
        var c = StoreConfiguration(maxArticles: 10_000, memoryBudgetBytes: 1 << 30, dataDirectory: dir)
        c.faults = faults
        c.log = { _ in }
        return try ArticleStore(configuration: c)
    }

    @Test func concurrentWritersShareFlushes() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { Fixtures.removeDirectory(dir) }
        let syncs = Counter()
        let faults = FaultInjector { op, path in
            if op == .sync && path.hasSuffix(".log") {
                _ = syncs.bump()
                usleep(2000) // a slow disk, so writers pile up behind a flush
            }
            return nil
        }
        let store = try open(dir, faults: faults)
        let before = syncs.value
        let failures = Counter()
        Fixtures.onThreads(8) { w in
            for i in 0..<15 {
                do {
                    _ = try store.insert(Fixtures.analysis(headline: "w\(w) \(i)"), normalizedText: "w\(w) \(i)")
                } catch {
                    _ = failures.bump()
                }
            }
        }
        #expect(failures.value == 0)
        #expect(store.count == 120)
        let flushes = syncs.value - before
        #expect(flushes < 120, "\(flushes) flushes for 120 writes")
        store.close()
        #expect(try open(dir, faults: FaultInjector()).count == 120)
    }

    @Test func samePostedTwiceConcurrentlyIsStoredOnce() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { Fixtures.removeDirectory(dir) }
        let faults = FaultInjector { op, path in
            if op == .sync && path.hasSuffix(".log") { usleep(3000) }
            return nil
        }
        let store = try open(dir, faults: faults)
        let created = Counter()
        let seen = IDs()
        Fixtures.onThreads(6) { _ in
            for i in 0..<10 {
                if let r = try? store.insert(Fixtures.analysis(headline: "same \(i)"), normalizedText: "same \(i)") {
                    if r.created { _ = created.bump() }
                    seen.add(r.article.id)
                    // Whoever returns, the article is readable at once.
                    #expect(store.article(id: r.article.id) != nil)
                }
            }
        }
        #expect(created.value == 10)
        #expect(seen.count == 10)
        #expect(store.count == 10)
    }

    @Test func failedFlushFailsItsWritesAndLaterOnesSucceed() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { Fixtures.removeDirectory(dir) }
        let faults = FaultInjector()
        var acknowledged: [String] = []
        do {
            let store = try open(dir, faults: faults)
            _ = try store.insert(Fixtures.analysis(headline: "a"), normalizedText: "a")
            acknowledged.append("a")
            faults.set { op, path in op == .sync && path.hasSuffix(".log") ? EIO : nil }
            let failures = Counter()
            Fixtures.onThreads(4) { w in
                do {
                    _ = try store.insert(Fixtures.analysis(headline: "f\(w)"), normalizedText: "f\(w)")
                } catch {
                    if case StoreError.storageUnavailable = error { _ = failures.bump() }
                }
            }
            #expect(failures.value == 4)
            #expect(store.count == 1)
            faults.set(nil)
            _ = try store.insert(Fixtures.analysis(headline: "b"), normalizedText: "b")
            acknowledged.append("b")
            #expect(try store.delete(id: ContentID(normalizedText: "a").prefix()))
            acknowledged.removeFirst()
            store.close()
        }
        let reopened = try open(dir, faults: FaultInjector())
        #expect(reopened.count == acknowledged.count)
        for text in acknowledged { #expect(reopened.article(id: ContentID(normalizedText: text).prefix()) != nil) }
    }
}
