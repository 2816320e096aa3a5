import NewsLensStore
import Synchronization

/// Where the handlers find the article store. The server starts listening before the store has been
/// rebuilt from its data directory (which may take a while), so the store arrives later: until then
/// `/readyz` answers 503 and the store routes answer 503 with Retry-After, while `/healthz`,
/// `/v1/analyze`, `/metrics` and the web page already work. Lock-free to read.
public final class StoreSlot: Sendable {
    private let reference = AtomicLazyReference<ArticleStore>()

    public init(_ store: ArticleStore? = nil) {
        if let store { _ = reference.storeIfNil(store) }
    }

    /// The store, once loaded.
    public var store: ArticleStore? { reference.load() }

    public var isReady: Bool { reference.load() != nil }

    /// Makes the store available; later calls are ignored (there is only ever one store).
    public func fill(_ store: ArticleStore) {
        _ = reference.storeIfNil(store)
    }
}
