import Dispatch
import Logging
import NewsLensAPI
import NewsLensStore

#if canImport(Glibc)
import Glibc
#endif

/// Opens the article store after the server listens, so `/readyz` can say 503 while a large journal is
/// replayed; a data directory that cannot be used at all stops the process (exit 1) with the reason.
enum StoreLoader {
    static func load(_ configuration: StoreConfiguration, into slot: StoreSlot, logger: Logger) {
        DispatchQueue.global(qos: .userInitiated).async {
            let started = ContinuousClock.now
            do {
                let store = try ArticleStore(configuration: configuration)
                slot.fill(store)
                let stats = store.statistics
                logger.info("store ready", metadata: [
                    "articles": .stringConvertible(stats.articles),
                    "data_dir": .string(configuration.dataDirectory ?? "none (memory only)"),
                    "load_ms": .stringConvertible(milliseconds(ContinuousClock.now - started)),
                ])
            } catch {
                logger.critical("cannot open the article store", metadata: ["error": .string(String(describing: error))])
                exit(1)
            }
        }
    }

    private static func milliseconds(_ d: Duration) -> Int64 {
        d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
    }
}
