import NewsLensHTTP

/// The server's counters for `GET /metrics`: requests by route, method and status, request latency per
/// route, and analyses by input kind with their latency. Fed by the HTTP server's request observer (one
/// short critical section per request) and by the analysis handlers; gauges (store sizes, open
/// connections) are read when scraped, see `MetricsExposition`.
public final class MetricsRegistry: Sendable {
    struct RequestKey: Hashable, Sendable {
        var route: String
        var method: String
        var status: Int

        /// Hashes the status and the lengths only: the keys are few (route patterns as registered, methods,
        /// statuses), equal strings share storage so `==` settles ties at once, and hashing the strings
        /// themselves cost more than the rest of the observation (callgrind, BENCHMARKS.md).
        func hash(into hasher: inout Hasher) {
            hasher.combine(status)
            hasher.combine(route.utf8.count)
            hasher.combine(method.utf8.count)
        }

        /// The status first: the cheapest test, and the one that differs most often between keys.
        static func == (a: RequestKey, b: RequestKey) -> Bool {
            a.status == b.status && a.method == b.method && a.route == b.route
        }
    }

    /// Count and latency of one route, method and status.
    struct RequestStats: Sendable {
        var count: UInt64 = 0
        var latency = Histogram(bounds: Histogram.requestBounds)
    }

    struct State: Sendable {
        /// One entry per route, method and status, in order of first appearance; `index` finds an entry.
        var entries: [(key: RequestKey, stats: RequestStats)] = []
        var index: [RequestKey: Int] = [:]
        /// The entry the previous request updated: a run of requests to one route skips the hash lookup.
        var last = -1
        var analyses: [String: Histogram] = [:]

        var requests: [RequestKey: RequestStats] {
            Dictionary(entries.map { ($0.key, $0.stats) }, uniquingKeysWith: { first, _ in first })
        }

        mutating func record(_ key: RequestKey, seconds: Double) {
            var slot = last
            if slot < 0 || !(entries[slot].key == key) {
                if let found = index[key] {
                    slot = found
                } else {
                    slot = entries.count
                    entries.append((key, RequestStats()))
                    index[key] = slot
                }
                last = slot
            }
            entries[slot].stats.record(seconds)
        }

        /// Latency per route, over its methods and statuses.
        var requestLatency: [String: Histogram] {
            var merged: [String: Histogram] = [:]
            for (key, stats) in entries {
                merged[key.route, default: Histogram(bounds: Histogram.requestBounds)].add(stats.latency)
            }
            return merged
        }
    }

    private let state = Locked(State())
    /// Open connections, read from the server once it exists (it is created after the routes).
    private let connections = Locked<(@Sendable () -> Int)?>(nil)

    public init() {}

    /// The request observer to install in `HTTPServerConfiguration.requestObserver`.
    public var requestObserver: @Sendable (RequestObservation) -> Void {
        { [self] observation in observe(observation) }
    }

    public func observe(_ observation: RequestObservation) {
        let route = Self.label(observation.match)
        let key = RequestKey(route: route, method: observation.method?.name ?? "-", status: observation.status)
        let seconds = Double(observation.durationNanos) / 1e9
        state.withLock { $0.record(key, seconds: seconds) }
    }

    /// One analysis of `input` ("text" or "html") that took `seconds`.
    func observeAnalysis(input: String, seconds: Double) {
        state.withLock { s in
            s.analyses[input, default: Histogram(bounds: Histogram.analysisBounds)].record(seconds)
        }
    }

    /// Where `/metrics` reads the number of open connections (`HTTPServer.activeConnections`).
    public func setConnectionCount(_ read: @escaping @Sendable () -> Int) {
        connections.withLock { $0 = read }
    }

    var openConnections: Int? { connections.withLock { $0 }?() }

    /// A copy of the counters, taken under the lock and formatted outside it.
    var snapshot: State { state.withLock { $0 } }

    /// The `route` label: the pattern as registered, so label values stay few whatever the paths.
    static func label(_ match: RequestObservation.Match) -> String {
        switch match {
        case .route(let pattern): pattern
        case .fallback: "static"
        case .router: "unmatched"
        case .unreadable: "unreadable"
        }
    }
}

extension MetricsRegistry.RequestStats {
    mutating func record(_ seconds: Double) {
        count += 1
        latency.record(seconds)
    }
}

/// A Prometheus histogram: counts per upper bound (cumulated when written), sum and count.
struct Histogram: Sendable {
    let bounds: [Double]
    private(set) var counts: [UInt64]
    private(set) var sum: Double = 0
    private(set) var count: UInt64 = 0

    init(bounds: [Double]) {
        self.bounds = bounds
        counts = Array(repeating: 0, count: bounds.count)
    }

    mutating func record(_ value: Double) {
        sum += value
        count += 1
        // Few buckets: a linear scan beats a binary search here.
        for i in bounds.indices where value <= bounds[i] {
            counts[i] += 1
            return
        }
    }

    /// Adds another histogram with the same bounds.
    mutating func add(_ other: Histogram) {
        for i in counts.indices { counts[i] += other.counts[i] }
        sum += other.sum
        count += other.count
    }

    /// Cumulative counts per bound (`le`), as the exposition format wants them.
    var cumulative: [UInt64] {
        var running: UInt64 = 0
        return counts.map { running += $0; return running }
    }

    /// Request latency: 100 µs (a cached GET) up to 10 s (a huge analysis).
    static let requestBounds: [Double] = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                          0.25, 0.5, 1, 2.5, 5, 10]
    static let analysisBounds: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
}
