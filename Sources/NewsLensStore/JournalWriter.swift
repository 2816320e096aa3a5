#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a record was written in the journal; durable once the journal is flushed past `end`.
struct JournalTicket: Sendable, Hashable {
    var epoch: UInt64
    var end: Int
}

/// The active journal file with group commit: writers append their record (in the store's order) and then
/// wait for durability; one of the waiters flushes (fdatasync) for everyone written so far while the others
/// wait, so N concurrent writers cost one flush, not N. A failed flush cuts the file back to the last
/// durable byte and fails every write after it (a new epoch starts); a failed write is cut back at once.
final class JournalWriter: @unchecked Sendable {
    let files: DataFiles
    private let state = ConditionLock()
    private(set) var generation: UInt64
    private var fd: Int32 = -1
    private var writtenEnd = 0
    private var syncedEnd = 0
    /// Bumped by a failed flush (its writes are lost) and by rotation (its writes were all flushed).
    private var epoch: UInt64 = 0
    private var failedEpochs: [UInt64: String] = [:]
    private var syncing = false
    private var closed = false
    /// A torn tail found at start, cut when the file is opened for writing.
    private var pendingTruncation: Int?

    init(files: DataFiles, generation: UInt64, truncateTo: Int?) {
        self.files = files
        self.generation = generation
        pendingTruncation = truncateTo
    }

    deinit {
        if fd >= 0 { Glibc.close(fd) }
    }

    private var name: String { Persistence.journalName(generation) }

    var size: Int { state.withLock { writtenEnd } }

    /// Opens the journal if needed: must hold `state`.
    private func ensureOpen() throws(FileError) {
        guard fd < 0 else { return }
        let newFD = try files.open(name, create: true)
        var size = files.size(newFD)
        do {
            if let cut = pendingTruncation, cut < size {
                try files.truncate(newFD, to: cut, name: name)
                size = cut
            }
            pendingTruncation = nil
            if size > 0 {
                // Reopened after a failure: what it holds counts as flushed from now on, so flush it.
                try files.sync(newFD, name: name)
            } else {
                let header = JournalRecord.header(kind: .journal, generation: generation, nextSeq: 0).framed()
                try files.write(newFD, header, at: 0, name: name)
                try files.sync(newFD, name: name)
                try files.syncDirectory()
                size = header.count
            }
        } catch {
            Glibc.close(newFD)
            throw error
        }
        fd = newFD
        writtenEnd = size
        syncedEnd = size
    }

    /// Opens the journal now (at start), reporting why it cannot be written.
    func open() throws(FileError) {
        let result: FileError? = state.withLock {
            do throws(FileError) { try ensureOpen(); return nil } catch { return error }
        }
        if let result { throw result }
    }

    /// Appends a framed record (not yet durable). The caller holds the store's writer mutex, so records
    /// land in the order the store decided.
    func write(_ bytes: [UInt8]) -> Result<JournalTicket, FileError> {
        state.withLock {
            if closed { return .failure(FileError(operation: "write", path: files.path(name), code: EBADF)) }
            do throws(FileError) {
                try ensureOpen()
                do throws(FileError) {
                    try files.write(fd, bytes, at: writtenEnd, name: name)
                } catch {
                    cutBack(to: writtenEnd)
                    throw error
                }
                writtenEnd += bytes.count
                return .success(JournalTicket(epoch: epoch, end: writtenEnd))
            } catch {
                return .failure(error)
            }
        }
    }

    /// Blocks until `ticket`'s record is on disk; nil on success, else why it was lost.
    func waitDurable(_ ticket: JournalTicket) -> String? {
        state.lock()
        defer { state.unlock() }
        while true {
            if ticket.epoch != epoch { return failedEpochs[ticket.epoch] }
            if syncedEnd >= ticket.end { return nil }
            if syncing {
                state.wait()
                continue
            }
            flushLocked()
        }
    }

    /// Whether `ticket` is known durable, without waiting.
    func isDurable(_ ticket: JournalTicket) -> Bool {
        state.withLock { ticket.epoch == epoch ? syncedEnd >= ticket.end : failedEpochs[ticket.epoch] == nil }
    }

    /// Flushes everything written so far, as the leader: releases `state` during the fdatasync so others
    /// can append meanwhile. Must hold `state`; returns holding it.
    private func flushLocked() {
        syncing = true
        let target = writtenEnd
        let syncFD = fd
        let syncName = name
        state.unlock()
        var failure: FileError? = nil
        do throws(FileError) { try files.sync(syncFD, name: syncName) } catch { failure = error }
        state.lock()
        syncing = false
        if let failure {
            // What was written after the last flush may or may not be on disk: remove it and fail it all.
            failedEpochs[epoch] = failure.description
            cutBack(to: syncedEnd)
            epoch += 1
        } else {
            syncedEnd = max(syncedEnd, target)
        }
        state.broadcast()
    }

    /// Cuts the file back to `size` after a failed write or flush; if even that fails, the file is closed
    /// and cut when next opened (replay would skip the torn bytes anyway). Must hold `state`.
    private func cutBack(to size: Int) {
        writtenEnd = size
        do throws(FileError) {
            try files.truncate(fd, to: size, name: name)
        } catch _ {
            Glibc.close(fd)
            fd = -1
            pendingTruncation = size
        }
    }

    /// Flushes the current journal and switches to a new one of generation `next`. Every write made so
    /// far is durable when this returns (or it throws and nothing changed but a failed flush's epoch).
    func rotate(to next: UInt64) throws(FileError) {
        let failure: FileError? = state.withLock {
            while syncing { state.wait() }
            if fd >= 0 && writtenEnd > syncedEnd {
                let before = epoch
                flushLocked()
                if epoch != before {
                    return FileError(operation: "fsync", path: files.path(name), code: EIO)
                }
            }
            let previous = (generation, fd, writtenEnd, syncedEnd)
            generation = next
            fd = -1
            do throws(FileError) {
                try ensureOpen()
            } catch {
                (generation, fd, writtenEnd, syncedEnd) = previous
                return error
            }
            if previous.1 >= 0 { Glibc.close(previous.1) }
            epoch += 1
            state.broadcast()
            return nil
        }
        if let failure { throw failure }
    }

    /// Flushes what is written and closes the file; later writes fail.
    func close() {
        state.withLock {
            while syncing { state.wait() }
            if fd >= 0 && writtenEnd > syncedEnd { flushLocked() }
            if fd >= 0 { Glibc.close(fd) }
            fd = -1
            closed = true
            epoch += 1
            state.broadcast()
        }
    }
}
