#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Limits and persistence of an `ArticleStore` (the server's `--max-articles`, `--memory-budget`,
/// `--data-dir`).
public struct StoreConfiguration: Sendable {
    /// Most articles stored at once; past it inserts fail with `StoreError.articleLimitReached`.
    public var maxArticles: Int = 100_000
    /// Most bytes the stored articles may take, estimated from their JSON, gzip and index sizes; past it
    /// inserts fail with `StoreError.memoryBudgetExceeded`. Default: half the physical memory.
    public var memoryBudgetBytes: Int = StoreConfiguration.defaultMemoryBudget
    /// Directory for the journal and snapshots; nil keeps the store in memory only.
    public var dataDirectory: String? = nil
    /// Journal bytes written since the last snapshot that trigger a background compaction (or the size of
    /// that snapshot, when larger).
    public var compactionThresholdBytes: Int = 64 << 20
    /// Where warnings go (torn journal records, failed compactions); stderr by default.
    public var log: @Sendable (String) -> Void = { message in
        var line = "newslens store: " + message + "\n"
        line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }

    /// Test hook: makes file operations fail like a full or read-only disk.
    var faults: FaultInjector? = nil

    public init(maxArticles: Int = 100_000, memoryBudgetBytes: Int = StoreConfiguration.defaultMemoryBudget,
                dataDirectory: String? = nil) {
        self.maxArticles = maxArticles
        self.memoryBudgetBytes = memoryBudgetBytes
        self.dataDirectory = dataDirectory
    }

    public static var defaultMemoryBudget: Int {
        let pages = sysconf(Int32(_SC_PHYS_PAGES))
        let size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return 4 << 30 }
        return pages * size / 2
    }
}
