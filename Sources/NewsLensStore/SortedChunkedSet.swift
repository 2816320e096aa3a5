/// An ordered set kept as a list of sorted chunks (a flat B-tree): insert and remove cost O(√n) element
/// moves instead of O(n), iteration from any position is a binary search away. Orders the store's articles
/// (newest first) and merged participants (by id) for cursor pagination.
struct SortedChunkedSet<Element: Comparable>: Sequence {
    private var chunks: [[Element]] = []
    private(set) var count = 0
    private let maxChunk: Int

    init(maxChunk: Int = 512) {
        self.maxChunk = Swift.max(4, maxChunk)
    }

    var isEmpty: Bool { count == 0 }
    var first: Element? { chunks.first?.first }
    var last: Element? { chunks.last?.last }

    /// Index of the first chunk whose last element is ≥ `e` (`chunks.count` when `e` is past all).
    private func chunkIndex(for e: Element) -> Int {
        var lo = 0, hi = chunks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if chunks[mid][chunks[mid].count - 1] < e { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private static func lowerBound(_ a: [Element], _ e: Element) -> Int {
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < e { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func contains(_ e: Element) -> Bool {
        let c = chunkIndex(for: e)
        guard c < chunks.count else { return false }
        let p = Self.lowerBound(chunks[c], e)
        return p < chunks[c].count && chunks[c][p] == e
    }

    /// Inserts `e`; false when it was already present.
    @discardableResult
    mutating func insert(_ e: Element) -> Bool {
        if chunks.isEmpty {
            chunks = [[e]]
            count = 1
            return true
        }
        var c = chunkIndex(for: e)
        if c == chunks.count { c -= 1 }
        let p = Self.lowerBound(chunks[c], e)
        if p < chunks[c].count && chunks[c][p] == e { return false }
        chunks[c].insert(e, at: p)
        count += 1
        if chunks[c].count > 2 * maxChunk {
            let tail = Array(chunks[c][maxChunk...])
            chunks[c].removeSubrange(maxChunk...)
            chunks.insert(tail, at: c + 1)
        }
        return true
    }

    /// Removes `e`; false when it was absent.
    @discardableResult
    mutating func remove(_ e: Element) -> Bool {
        let c = chunkIndex(for: e)
        guard c < chunks.count else { return false }
        let p = Self.lowerBound(chunks[c], e)
        guard p < chunks[c].count && chunks[c][p] == e else { return false }
        chunks[c].remove(at: p)
        count -= 1
        if chunks[c].isEmpty {
            chunks.remove(at: c)
        } else if chunks[c].count < maxChunk / 4, c + 1 < chunks.count, chunks[c].count + chunks[c + 1].count <= maxChunk {
            chunks[c].append(contentsOf: chunks[c + 1])
            chunks.remove(at: c + 1)
        }
        return true
    }

    /// Calls `body` on elements greater than `after` (all when nil) in ascending order until it returns false.
    func forEach(ascendingAfter after: Element?, _ body: (Element) -> Bool) {
        var c = 0, p = 0
        if let after {
            c = chunkIndex(for: after)
            guard c < chunks.count else { return }
            p = Self.lowerBound(chunks[c], after)
            if p < chunks[c].count && chunks[c][p] == after { p += 1 }
        }
        while c < chunks.count {
            let chunk = chunks[c]
            while p < chunk.count {
                if !body(chunk[p]) { return }
                p += 1
            }
            c += 1
            p = 0
        }
    }

    /// Calls `body` on elements smaller than `before` (all when nil) in descending order until it returns false.
    func forEach(descendingBefore before: Element?, _ body: (Element) -> Bool) {
        guard !chunks.isEmpty else { return }
        var c = chunks.count - 1
        var p = chunks[c].count - 1
        if let before {
            let ci = chunkIndex(for: before)
            if ci < chunks.count {
                c = ci
                p = Self.lowerBound(chunks[c], before) - 1
            }
        }
        while c >= 0 {
            let chunk = chunks[c]
            while p >= 0 {
                if !body(chunk[p]) { return }
                p -= 1
            }
            c -= 1
            if c >= 0 { p = chunks[c].count - 1 }
        }
    }

    func makeIterator() -> FlattenSequence<[[Element]]>.Iterator { chunks.joined().makeIterator() }
}
