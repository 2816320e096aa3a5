#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// The store's data directory: an append-only journal of every accepted write, flushed (fdatasync, group
/// commit) before the write is acknowledged, and snapshots that compact it. Files, by generation `g`:
///
///     journal-g.log    writes since snapshot g (or since the start when there is no snapshot)
///     snapshot-g.snap  every article at the moment journal g was started; complete once renamed from .tmp
///
/// State = newest snapshot S + journals with generation ≥ S, replayed in order. Compaction flushes and
/// closes journal g, starts journal g+1, writes snapshot g+1 from memory, renames it into place, syncs the
/// directory, then deletes older files; a crash at any step leaves files that replay to the same articles.
final class Persistence: @unchecked Sendable {
    let files: DataFiles
    let log: @Sendable (String) -> Void
    let compactionThreshold: Int
    private(set) var journal: JournalWriter

    /// Guards the flags read by other threads.
    private let flags = Mutex()
    private var writable = true
    private var compacting = false
    private var closed = false
    private var bytesSinceSnapshot = 0
    /// Size of the newest snapshot: the journal may grow as large before the next compaction, so rewriting
    /// snapshots costs O(1) amortised per written byte, not O(store size) per threshold.
    private var snapshotBytes = 0
    private let background = DispatchGroup()
    private var lockFD: Int32 = -1

    init(directory: String, log: @escaping @Sendable (String) -> Void, compactionThreshold: Int = 64 << 20,
         faults: FaultInjector? = nil) throws(StoreError) {
        do {
            try DataFiles.makeDirectory(directory)
        } catch {
            throw .dataDirectoryUnusable(path: directory, reason: error.description)
        }
        files = DataFiles(directory: directory, faults: faults)
        self.log = log
        self.compactionThreshold = compactionThreshold
        journal = JournalWriter(files: files, generation: 1, truncateTo: nil)
        try lockDirectory()
    }

    deinit {
        background.wait()
        if lockFD >= 0 { Glibc.close(lockFD) }
    }

    /// One process per data directory: an exclusive `flock` on `LOCK`.
    private func lockDirectory() throws(StoreError) {
        var fd = Glibc.open(files.path("LOCK"), O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 { fd = Glibc.open(files.path("LOCK"), O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else {
            log("cannot create \(files.path("LOCK")) (\(String(cString: strerror(errno)))); not guarding against a second process")
            return
        }
        // A process being spawned meanwhile (by anything in this process) holds copies of our descriptors
        // until its exec closes them, so a lock released a moment ago can still look taken: retry briefly.
        var attempts = 0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            attempts += 1
            if errno != EWOULDBLOCK || attempts >= 50 {
                Glibc.close(fd)
                throw .dataDirectoryUnusable(path: files.directory, reason: "it is in use by another process")
            }
            usleep(10_000)
        }
        lockFD = fd
    }

    var isWritable: Bool { flags.withLock { writable && !closed } }

    /// Waits for background work, flushes and closes the journal and releases the directory lock.
    func close() {
        background.wait()
        journal.close()
        flags.withLock {
            closed = true
            if lockFD >= 0 { Glibc.close(lockFD) }
            lockFD = -1
        }
    }

    static func journalName(_ g: UInt64) -> String { "journal-" + hex16(g) + ".log" }
    static func snapshotName(_ g: UInt64) -> String { "snapshot-" + hex16(g) + ".snap" }

    private static func hex16(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: max(0, 16 - s.count)) + s
    }

    static func generation(of name: String, prefix: String, suffix: String) -> UInt64? {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix), name.utf8.count == prefix.utf8.count + 16 + suffix.utf8.count else { return nil }
        return UInt64(name.dropFirst(prefix.count).dropLast(suffix.count), radix: 16)
    }

    // MARK: recovery

    /// Replays the newest snapshot and the journals after it through `apply`, reporting damaged records
    /// (skipped, with a warning), then opens the newest journal for appending.
    func recover(_ apply: (JournalRecord) -> Void) {
        let names = files.list()
        for name in names where name.hasSuffix(".tmp") { files.remove(name) }
        let snapshots = names.compactMap { Self.generation(of: $0, prefix: "snapshot-", suffix: ".snap") }.sorted()
        let journals = names.compactMap { Self.generation(of: $0, prefix: "journal-", suffix: ".log") }.sorted()
        var base: UInt64 = 0
        if let s = snapshots.last {
            base = s
            let scan = scanFile(Self.snapshotName(s), apply)
            flags.withLock { snapshotBytes = scan.fileSize }
            if !scan.sawSnapshotEnd { log("snapshot \(Self.snapshotName(s)) is incomplete; loaded the \(scan.records) records that are intact") }
        }
        let replay = journals.filter { $0 >= base }
        var cut: Int? = nil
        for (n, g) in replay.enumerated() {
            let scan = scanFile(Self.journalName(g), apply)
            if n == replay.count - 1, scan.validEnd < scan.fileSize { cut = scan.validEnd }
        }
        // Files a finished compaction had not yet removed.
        for g in snapshots where g < base { files.remove(Self.snapshotName(g)) }
        for g in journals where g < base { files.remove(Self.journalName(g)) }
        journal = JournalWriter(files: files, generation: replay.last ?? max(base, 1), truncateTo: cut)
        do throws(FileError) {
            try journal.open()
        } catch {
            flags.withLock { writable = false }
            log("data directory is not writable (\(error)); serving reads only until it is")
        }
        let size = journal.size
        flags.withLock { bytesSinceSnapshot = size }
    }

    struct ScanResult {
        var records = 0
        var validEnd = 0
        var fileSize = 0
        var sawSnapshotEnd = false
    }

    /// Reads every intact record of a file. A damaged region followed by intact records is skipped (the
    /// scan resynchronises on the next valid frame); a damaged tail is a torn last write.
    func scanFile(_ name: String, _ apply: (JournalRecord) -> Void) -> ScanResult {
        files.withMappedFile(name) { buf in
            var result = ScanResult(fileSize: buf.count)
            var i = 0
            while i < buf.count {
                if let (record, next) = JournalRecord.read(buf, at: i) {
                    if case .snapshotEnd = record { result.sawSnapshotEnd = true } else { apply(record) }
                    result.records += 1
                    i = next
                    result.validEnd = i
                    continue
                }
                var j = i + 1
                while j < buf.count && JournalRecord.read(buf, at: j) == nil { j += 1 }
                if j < buf.count {
                    log("\(name): skipped \(j - i) damaged bytes at offset \(i); records after them were kept")
                } else {
                    log("\(name): ignoring a torn or damaged last record (\(buf.count - i) bytes at offset \(i)); it was never acknowledged")
                }
                i = j
            }
            return result
        }
    }

    // MARK: writing

    /// Appends `record` to the journal (call with the store's writer mutex held, so the journal order is
    /// the store's order); durable after `waitDurable`.
    func write(_ record: JournalRecord) -> Result<JournalTicket, StoreError> {
        if flags.withLock({ closed }) { return .failure(.storageUnavailable(reason: "the store is closed")) }
        let bytes = record.framed()
        switch journal.write(bytes) {
        case .success(let ticket):
            flags.withLock { bytesSinceSnapshot += bytes.count }
            return .success(ticket)
        case .failure(let error):
            flags.withLock { writable = false }
            return .failure(.storageUnavailable(reason: error.description))
        }
    }

    /// Waits until the record of `ticket` is on disk (group commit); fails when the flush failed.
    func waitDurable(_ ticket: JournalTicket) -> Result<Void, StoreError> {
        if let failure = journal.waitDurable(ticket) {
            flags.withLock { writable = false }
            return .failure(.storageUnavailable(reason: failure))
        }
        flags.withLock { writable = true }
        return .success(())
    }

    func isDurable(_ ticket: JournalTicket) -> Bool { journal.isDurable(ticket) }

    // MARK: compaction

    /// Starts a background compaction when the journal has grown past the threshold.
    func compactIfDue(_ store: ArticleStore) {
        let start = flags.withLock { () -> Bool in
            guard bytesSinceSnapshot >= max(compactionThreshold, snapshotBytes), !compacting, writable, !closed else { return false }
            compacting = true
            return true
        }
        guard start else { return }
        background.enter()
        DispatchQueue.global(qos: .utility).async { [self, weak store] in
            defer { background.leave() }
            guard let store else { flags.withLock { compacting = false }; return }
            do throws(StoreError) { try compact(store, alreadyMarked: true) } catch {
                log("compaction failed (\(error)); the journal keeps every write")
            }
        }
    }

    /// Waits for a background compaction to finish.
    func waitForBackgroundWork() { background.wait() }

    /// Rotates the journal and writes a snapshot of `store` at that point (see the type's comment).
    func compact(_ store: ArticleStore, alreadyMarked: Bool = false) throws(StoreError) {
        if !alreadyMarked {
            let busy = flags.withLock { () -> Bool in
                if compacting || closed { return true }
                compacting = true
                return false
            }
            if busy { return }
        }
        defer { flags.withLock { compacting = false } }
        let rotated: Result<(UInt64, [StoredArticle], UInt64), StoreError> = store.writers.withLock {
            let next = journal.generation + 1
            do throws(FileError) {
                try journal.rotate(to: next)
            } catch {
                return .failure(.storageUnavailable(reason: error.description))
            }
            // Every write made so far is durable now; the snapshot holds all of them.
            return .success((next, store.articlesForSnapshot(), store.state.nextSeq))
        }
        let (gen, articles, nextSeq) = try rotated.get()
        flags.withLock { bytesSinceSnapshot = 0 }
        do throws(FileError) {
            let size = try writeSnapshot(gen, articles, nextSeq)
            flags.withLock { snapshotBytes = size }
        } catch {
            files.remove(Self.snapshotName(gen) + ".tmp")
            throw .storageUnavailable(reason: error.description)
        }
        for name in files.list() {
            if let g = Self.generation(of: name, prefix: "journal-", suffix: ".log"), g < gen { files.remove(name) }
            if let g = Self.generation(of: name, prefix: "snapshot-", suffix: ".snap"), g < gen { files.remove(name) }
        }
        try? files.syncDirectory()
    }

    /// Writes snapshot `gen` and returns its size.
    private func writeSnapshot(_ gen: UInt64, _ articles: [StoredArticle], _ nextSeq: UInt64) throws(FileError) -> Int {
        let tmp = Self.snapshotName(gen) + ".tmp"
        let fd = try files.open(tmp, create: true)
        defer { Glibc.close(fd) }
        try files.truncate(fd, to: 0, name: tmp)
        var offset = 0
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        func flush() throws(FileError) {
            try files.write(fd, buffer, at: offset, name: tmp)
            offset += buffer.count
            buffer.removeAll(keepingCapacity: true)
        }
        buffer += JournalRecord.header(kind: .snapshot, generation: gen, nextSeq: nextSeq).framed()
        for a in articles {
            buffer += JournalRecord.put(PutRecord(a)).framed()
            if buffer.count >= 1 << 20 { try flush() }
        }
        buffer += JournalRecord.snapshotEnd(count: UInt64(articles.count)).framed()
        try flush()
        try files.sync(fd, name: tmp)
        try files.rename(tmp, Self.snapshotName(gen))
        try files.syncDirectory()
        return offset
    }
}
