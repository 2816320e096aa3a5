/// Why the store refused an operation. Each case maps to one HTTP status in the API:
/// limits → 507 Insufficient Storage, storage → 503 Service Unavailable, cursor → 400 Bad Request.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `maxArticles` articles are stored; delete some or raise `--max-articles`.
    case articleLimitReached(limit: Int)
    /// Storing this article would take the estimated memory past the budget.
    case memoryBudgetExceeded(budgetBytes: Int, usedBytes: Int, neededBytes: Int)
    /// The journal could not make the write durable (disk full, read-only directory, I/O error); nothing
    /// was changed and reads keep working.
    case storageUnavailable(reason: String)
    /// A pagination cursor this list did not issue, or one that is damaged.
    case invalidCursor
    /// The data directory could not be opened at start (it is not a directory, cannot be created...).
    case dataDirectoryUnusable(path: String, reason: String)

    public var description: String {
        switch self {
        case .articleLimitReached(let limit):
            return "the store holds its maximum of \(limit) articles; delete articles or raise --max-articles"
        case .memoryBudgetExceeded(let budget, let used, let needed):
            return "storing this article (about \(needed) bytes) would exceed the memory budget of \(budget) bytes (\(used) in use)"
        case .storageUnavailable(let reason):
            return "the write could not be made durable: \(reason); nothing was changed"
        case .invalidCursor:
            return "the cursor is not valid for this list"
        case .dataDirectoryUnusable(let path, let reason):
            return "cannot use data directory \(path): \(reason)"
        }
    }
}
