import NewsLensHTTP
import NewsLensStore

/// The HTTP form of stored articles (header lines, entity-tag bytes around the store's cached JSON and gzip),
/// built once per article instead of once per request: on `GET /v1/articles/{id}`, the API's hot path,
/// building a `PreparedBody` cost about as many instructions as the rest of the request together (callgrind,
/// BENCHMARKS.md). Keyed by the article object and holding it weakly, so a deleted article is not kept
/// alive by its entry and a new article at a reused address is never taken for it. Bounded: when full, it
/// starts over (the bodies share the store's byte arrays; the header lines and, within the descriptor
/// budget of `BodyFile`, the files that plain sockets send with sendfile are the cache's own).
final class PreparedArticleBodies: Sendable {
    private struct Entry {
        weak var article: StoredArticle?
        let body: PreparedBody
        /// Body files were asked for (they may have been refused: descriptor budget, small body).
        var fileBackingTried = false
    }

    /// `Locked` (a pthread mutex), not `Synchronization.Mutex`: ThreadSanitizer cannot see the futex behind
    /// the latter and reports every pair of critical sections as a race.
    private let entries = Locked<[ObjectIdentifier: Entry]>([:])
    let capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// The article's body: built on the first request, mirrored in body files (sendfile) from the second,
    /// so an article read once (a crawl over the whole store) never costs a body file.
    func body(for article: StoredArticle) -> PreparedBody {
        let key = ObjectIdentifier(article)
        let cached = entries.withLock { $0[key] }
        if let cached, cached.article === article, cached.body.isFileBacked || cached.fileBackingTried {
            return cached.body
        }
        let again = cached?.article === article
        let body = PreparedBody(contentType: "application/json", bytes: article.json, gzip: article.gzip,
                                etag: article.etag, compress: false, fileBacked: again)
        entries.withLock { entries in
            if entries.count >= capacity {
                // Deleted articles' entries first (their bodies and body files), then everything.
                entries = entries.filter { $0.value.article != nil }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[key] = Entry(article: article, body: body, fileBackingTried: again)
        }
        return body
    }

    /// Drops a deleted article's body at once: its body files and the bytes it shares with the store are
    /// released when the last response still sending them is done, not when the cache next fills up.
    func forget(_ article: StoredArticle) {
        let key = ObjectIdentifier(article)
        entries.withLock { entries in
            if let entry = entries[key], entry.article == nil || entry.article === article { entries[key] = nil }
        }
    }

    /// Entries held now (tests).
    var count: Int { entries.withLock { $0.count } }
}
