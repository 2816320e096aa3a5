#if canImport(Glibc)
import Glibc
#endif
import NewsLensExtraction
import NewsLensJSON
import Testing
@testable import NewsLensStore

@Suite struct DurabilityTests {
    func open(_ dir: String, faults: FaultInjector? = nil, log: Fixtures.LogSink? = nil,
              threshold: Int = 64 << 20) throws -> ArticleStore {
        var c = StoreConfiguration(maxArticles: 1000, memoryBudgetBytes: 1 << 30, dataDirectory: dir)
        c.faults = faults
        c.compactionThresholdBytes = threshold
        if let log { c.log = { log.add($0) } } else { c.log = { _ in } }
        return try ArticleStore(configuration: c)
    }

    func article(_ i: Int) -> Analysis {
        Fixtures.analysis(headline: "Headline \(i)", participants: [.init(name: "Taro Aso", aliases: ["Aso"]), .init(name: "Person \(i % 3)")],
                          quotes: [.init(speaker: "Taro Aso", text: "quote \(i)"), .init(speaker: "Person \(i % 3)", text: "other \(i)", kind: .partial)])
    }

    /// What a client can observe of a store.
    func fingerprint(_ s: ArticleStore) throws -> [String] {
        let articles = try s.articles(ArticleQuery(limit: 100)).items.map {
            "\($0.id) \($0.createdAtMillis) \($0.etag) \($0.json.count) \($0.gzip == $0.gzip) \(String(decoding: $0.summaryJSON, as: UTF8.self))"
        }
        let people = try s.participants(ParticipantQuery(limit: 100)).items.map { "\($0)" }
        let quotes = try s.quotes(QuoteQuery(limit: 100, speaker: "aso")).items.map { "\($0.article.id)#\($0.index)" }
        return articles + people + quotes
    }

    func journalFiles(_ dir: String) -> [String] {
        DataFiles(directory: dir, faults: nil).list().filter { $0.hasPrefix("journal-") }.sorted()
    }

    @Test func replayRestoresEveryAcknowledgedWrite() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { Fixtures.removeDirectory(dir) }
        var before: [String] = []
        var nextCursor: String? = nil
        do {
            let s = try open(dir)
            for i in 0..<12 { _ = try s.insert(article(i), normalizedText: "a\(i)") }
            #expect(try s.delete(id: ContentID(normalizedText: "a3").prefix()))
            #expect(try s.delete(id: ContentID(normalizedText: "a7").prefix()))
            before = try fingerprint(s)
            nextCursor = try s.articles(ArticleQuery(limit: 4)).nextCursor
        }
        let s = try open(dir)
        #expect(s.count == 10)
        #expect(try fingerprint(s) == before)
        let original = try #require(s.article(id: ContentID(normalizedText: "a5").prefix()))
        #expect(try original.analysis().article.headline == "Headline 5")
        // Cursors issued before the restart still work, and new articles get new sequence numbers.
        #expect(try s.articles(ArticleQuery(limit: 2, cursor: nextCursor)).items.count == 2)
        let fresh = try s.insert(article(99), normalizedText: "a99").article
        #expect(try s.articles(ArticleQuery(limit: 1)).items.first === fresh)
    }

    @Test func tornLastRecordIsSkippedAtEveryCutPoint() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { Fixtures.removeDirectory(dir) }
        var sizeBeforeLast = 0
        var fullSize = 0
        let name: String
        do {
            let s = try open(dir)
            for i in 0..<3 { _ = try s.insert(article(i), normalizedText: "a\(i)") }
            name = try #require(journalFiles(dir).last)
            sizeBeforeLast = fileSize(dir + "/" + name)
            // A small last record keeps this loop (one restart per byte) quick.
            _ = try s.insert(Fixtures.analysis(headline: "3"), normalizedText: "a3")
            fullSize = fileSize(dir + "/" + name)
        }
        let pristine = readFile(dir + "/" + name)
        #expect(pristine.count == fullSize && fullSize > sizeBeforeLast)
        for cut in sizeBeforeLast..<fullSize {
            writeFile(dir + "/" + name, Array(pristine[..<cut]))
            let log = Fixtures.LogSink()
            let s = try open(dir, log: log)
            #expect(s.count == 3, "cut at \(cut)")
            if cut > sizeBeforeLast {
                #expect(log.messages.contains { $0.contains("torn") }, "cut at \(cut)")
            }
            // The tail is cut back, so the next write lands after the last good record and survives.
            _ = try s.insert(Fixtures.analysis(headline: "4"), normalizedText: "a4")
            let after = readFile(dir + "/" + name)
            let next = after.withUnsafeBytes { JournalRecord.read($0, at: sizeBeforeLast) }
            #expect(next?.1 == after.count, "cut at \(cut)")
            s.close()
        }
        let s = try open(dir)
        #expect(s.count == 4)
        #expect(s.article(id: ContentID(normalizedText: "a4").prefix()) != nil)
        #expect(s.article(id: ContentID(normalizedText: "a3").prefix()) == nil)
    }

    @Test func damagedRecordInTheMiddleIsSkippedAndLaterOnesKept() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { Fixtures.removeDirectory(dir) }
        var offsets: [Int] = []
        let name: String
        do {
            let s = try open(dir)
            name = try #require(journalFiles(dir).last)
            for i in 0..<5 {
                offsets.append(fileSize(dir + "/" + name))
                _ = try s.insert(article(i), normalizedText: "a\(i)")
            }
        }
        var bytes = readFile(dir + "/" + name)
        bytes[offsets[2] + 40] ^= 0xFF
        writeFile(dir + "/" + name, bytes)
        let log = Fixtures.LogSink()
        let s = try open(dir, log: log)
        #expect(s.count == 4)
        #expect(s.article(id: ContentID(normalizedText: "a2").prefix()) == nil)
        #expect(s.article(id: ContentID(normalizedText: "a4").prefix()) != nil)
        #expect(log.messages.contains { $0.contains("skipped") && $0.contains("damaged") })
    }

    @Test func compactionWritesASnapshotAndRestartsFromIt() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { Fixtures.removeDirectory(dir) }
        var before: [String] = []
        do {
            let s = try open(dir)
            for i in 0..<8 { _ = try s.insert(article(i), normalizedText: "a\(i)") }
            #expect(try s.delete(id: ContentID(normalizedText: "a1").prefix()))
            try s.compact()
            let names = DataFiles(directory: dir, faults: nil).list().filter { $0 != "LOCK" }.sorted()
            #expect(names == ["journal-0000000000000002.log", "snapshot-0000000000000002.snap"])
            _ = try s.insert(article(8), normalizedText: "a8")
            #expect(try s.delete(id: ContentID(normalizedText: "a2").prefix()))
            before = try fingerprint(s)
        }
        do {
            let s = try open(dir)
            #expect(s.count == 7)
            #expect(try fingerprint(s) == before)
        }
        // A crash after the snapshot's rename but before old files were removed, and a leftover .tmp.
        writeFile(dir + "/journal-0000000000000001.log", [1, 2, 3])
        writeFile(dir + "/snapshot-0000000000000009.snap.tmp", [1, 2, 3])
        let s = try open(dir)
        #expect(try fingerprint(s) == before)
        #expect(!DataFiles(directory: dir, faults: nil).list().contains { $0.hasSuffix(".tmp") || $0 == "journal-0000000000000001.log" })
    }

    @Test func backgroundCompactionKeepsConcurrentWrites() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { Fixtures.removeDirectory(dir) }
        var before: [String] = []
        do {
            let s = try open(dir, threshold: 4096)
            for i in 0..<40 {
                _ = try s.insert(article(i), normalizedText: "a\(i)")
                if i % 5 == 0 { _ = try s.delete(id: ContentID(normalizedText: "a\(i)").prefix()) }
            }
            s.waitForBackgroundWork()
            #expect(DataFiles(directory: dir, faults: nil).list().contains { $0.hasPrefix("snapshot-") })
            before = try fingerprint(s)
            s.close()
        }
        let s = try open(dir)
        #expect(s.count == 32)
        #expect(try fingerprint(s) == before)
    }

    @Test func diskFullRefusesWritesKeepsReadsAndLosesNothing() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { Fixtures.removeDirectory(dir) }
        let faults = FaultInjector()
        do {
            let s = try open(dir, faults: faults)
            _ = try s.insert(article(0), normalizedText: "a0")
            faults.set { op, _ in op == .write ? ENOSPC : nil }
            do {
                _ = try s.insert(article(1), normalizedText: "a1")
                Issue.record("write accepted on a full disk")
            } catch {
                guard case .storageUnavailable(let reason) = error else { Issue.record("\(error)"); return }
                #expect(reason.contains("No space left on device"))
            }
            #expect(throws: StoreError.self) { try s.delete(id: ContentID(normalizedText: "a0").prefix()) }
            #expect(s.count == 1)
            #expect(s.article(id: ContentID(normalizedText: "a0").prefix()) != nil)
            #expect(!s.statistics.writable)
            // A failing fsync is refused too, and the journal is cut back.
            faults.set { op, path in op == .sync && path.hasSuffix(".log") ? EIO : nil }
            #expect(throws: StoreError.self) { try s.insert(article(2), normalizedText: "a2") }
            faults.set(nil)
            _ = try s.insert(article(3), normalizedText: "a3")
            #expect(s.statistics.writable)
        }
        let s = try open(dir)
        #expect(s.count == 2)
        #expect(s.article(id: ContentID(normalizedText: "a3").prefix()) != nil)
        #expect(s.article(id: ContentID(normalizedText: "a2").prefix()) == nil)
    }

    @Test func readOnlyDirectoryServesReadsAndRefusesWrites() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { Fixtures.removeDirectory(dir) }
        do {
            let s = try open(dir)
            _ = try s.insert(article(0), normalizedText: "a0")
        }
        let faults = FaultInjector { op, _ in op == .open || op == .write || op == .truncate ? EROFS : nil }
        let log = Fixtures.LogSink()
        let s = try open(dir, faults: faults, log: log)
        #expect(s.count == 1)
        #expect(!s.statistics.writable)
        #expect(log.messages.contains { $0.contains("not writable") })
        #expect(throws: StoreError.self) { try s.insert(article(1), normalizedText: "a1") }
        #expect(try s.articles(ArticleQuery()).items.count == 1)
        // Once the directory is writable again, writes resume.
        faults.set(nil)
        _ = try s.insert(article(1), normalizedText: "a1")
        #expect(s.count == 2)
    }

    @Test func secondStoreOnTheSameDirectoryIsRefused() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { Fixtures.removeDirectory(dir) }
        let first = try open(dir)
        #expect(throws: StoreError.self) { try open(dir) }
        _ = try first.insert(article(0), normalizedText: "a0")
        first.close()
        #expect(throws: StoreError.storageUnavailable(reason: "the store is closed")) {
            try first.insert(article(1), normalizedText: "a1")
        }
        #expect(first.count == 1)
        #expect(try open(dir).count == 1)
        #expect(throws: StoreError.self) { try open("/proc/version/nope") }
    }

    @Test func recordFramingRoundTrips() {
        let put = JournalRecord.put(PutRecord(seq: 7, createdAtMillis: -5, contentID: ContentID(normalizedText: "x"),
                                              id: "abc", json: Array("{}".utf8), gzip: [1, 2, 3]))
        for r in [put, .delete(seq: 9, contentID: ContentID(normalizedText: "y")), .snapshotEnd(count: 3),
                  .header(kind: .snapshot, generation: 4, nextSeq: 10)] {
            let bytes = r.framed()
            let back = bytes.withUnsafeBytes { JournalRecord.read($0, at: 0) }
            #expect(back?.0 == r)
            #expect(back?.1 == bytes.count)
            for k in 0..<bytes.count {
                var damaged = bytes
                damaged[k] ^= 0x01
                #expect(damaged.withUnsafeBytes { JournalRecord.read($0, at: 0) } == nil, "flip at \(k)")
            }
        }
    }

    // MARK: file helpers

    func fileSize(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : -1
    }

    func readFile(_ path: String) -> [UInt8] {
        let fd = Glibc.open(path, O_RDONLY)
        defer { close(fd) }
        var out = [UInt8](repeating: 0, count: max(0, fileSize(path)))
        let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        return Array(out.prefix(max(0, n)))
    }

    func writeFile(_ path: String, _ bytes: [UInt8]) {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { close(fd) }
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}
