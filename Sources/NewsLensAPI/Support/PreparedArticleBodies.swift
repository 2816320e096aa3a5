import NewsLensHTTP
import NewsLensStore

/// The HTTP form of stored articles (header lines, entity-tag bytes around the store's cached JSON and gzip),
/// built once per article instead of once per request: on `GET /v1/articles/{id}`, the API's hot path,
/// building a `PreparedBody` cost about as many instructions as the rest of the request together (callgrind,
/// BENCHMARKS.md). A direct-mapped table: an article's slot is its store sequence number modulo the
/// capacity, so a lookup is one lock and one comparison, no hashing; an article whose slot another one took
/// is simply built again. Entries name their article by sequence number and address, never by a reference,
/// so a deleted article is not kept alive by its entry and a new article at a reused address is never taken
/// for it (sequence numbers are not reused). The bodies share the store's byte arrays; the header lines and,
/// within the budget of `BodyFile`, the files that plain sockets send with sendfile are the table's own.
final class PreparedArticleBodies: Sendable {
    private struct Entry {
        let seq: UInt64
        let object: ObjectIdentifier
        let body: PreparedBody
        /// Body files were asked for (they may have been refused: descriptor budget, small body).
        let fileBackingTried: Bool

        func holds(_ article: StoredArticle) -> Bool {
            seq == article.seq && object == ObjectIdentifier(article)
        }
    }

    /// `Locked` (a pthread mutex), not `Synchronization.Mutex`: ThreadSanitizer cannot see the futex behind
    /// the latter and reports every pair of critical sections as a race.
    private let slots: Locked<[Entry?]>
    /// A power of two.
    let capacity: Int

    init(capacity: Int = 4096) {
        var size = 1
        while size < max(capacity, 1) { size <<= 1 }
        self.capacity = size
        slots = Locked([Entry?](repeating: nil, count: size))
    }

    private func slot(of article: StoredArticle) -> Int { Int(truncatingIfNeeded: article.seq) & (capacity - 1) }

    /// The article's body: built on the first request, mirrored in body files (sendfile) from the second,
    /// so an article read once (a crawl over the whole store) never costs a body file.
    func body(for article: StoredArticle) -> PreparedBody {
        let slot = slot(of: article)
        var again = false
        let cached: PreparedBody? = slots.withLock { slots in
            guard let entry = slots[slot], entry.holds(article) else { return nil }
            if entry.body.isFileBacked || entry.fileBackingTried { return entry.body }
            again = true
            return nil
        }
        if let cached { return cached }
        let body = PreparedBody(contentType: "application/json", bytes: article.json, gzip: article.gzip,
                                etag: article.etag, compress: false, fileBacked: again)
        let entry = Entry(seq: article.seq, object: ObjectIdentifier(article), body: body, fileBackingTried: again)
        slots.withLock { $0[slot] = entry }
        return body
    }

    /// Drops a deleted article's body at once: its body files and the bytes it shares with the store are
    /// released when the last response still sending them is done, not when another article takes the slot.
    func forget(_ article: StoredArticle) {
        let slot = slot(of: article)
        slots.withLock { slots in
            if let entry = slots[slot], entry.holds(article) { slots[slot] = nil }
        }
    }

    /// Entries held now (tests).
    var count: Int { slots.withLock { $0.reduce(0) { $0 + ($1 == nil ? 0 : 1) } } }
}
