import NewsLensStore

#if canImport(Glibc)
import Glibc
#endif

/// Writes `GET /metrics` in the Prometheus text exposition format (version 0.0.4): the registry's counters
/// and histograms, plus gauges read at scrape time — open connections, store contents and limits,
/// readiness, resident memory.
enum MetricsExposition {
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    static func render(_ registry: MetricsRegistry, store: ArticleStore?) -> [UInt8] {
        var out = PrometheusText()
        let s = registry.snapshot

        out.help("newslens_http_requests_total", "HTTP requests answered, by route pattern, method and status.", type: "counter")
        for (key, value) in s.requests.sorted(by: { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }) {
            out.sample("newslens_http_requests_total", [("route", key.route), ("method", key.method), ("status", String(key.status))], value.count)
        }
        out.help("newslens_http_request_duration_seconds", "Time from the request head to the queued response, by route pattern.", type: "histogram")
        for (route, histogram) in s.requestLatency.sorted(by: { $0.key < $1.key }) {
            out.histogram("newslens_http_request_duration_seconds", [("route", route)], histogram)
        }
        out.help("newslens_analysis_duration_seconds", "Time the engine took per analysed article, by input (text or html).", type: "histogram")
        for (input, histogram) in s.analyses.sorted(by: { $0.key < $1.key }) {
            out.histogram("newslens_analysis_duration_seconds", [("input", input)], histogram)
        }
        if let open = registry.openConnections {
            out.help("newslens_http_open_connections", "Client connections open now.", type: "gauge")
            out.sample("newslens_http_open_connections", [], open)
        }

        out.help("newslens_store_ready", "1 once the article store is loaded (readyz is 200), else 0.", type: "gauge")
        out.sample("newslens_store_ready", [], store == nil ? 0 : 1)
        if let stats = store?.statistics {
            out.help("newslens_articles_stored", "Articles in the store.", type: "gauge")
            out.sample("newslens_articles_stored", [], stats.articles)
            out.help("newslens_quotes_stored", "Quotes of the stored articles (every kind).", type: "gauge")
            out.sample("newslens_quotes_stored", [], stats.quotes)
            out.help("newslens_participants", "Participants merged across the stored articles.", type: "gauge")
            out.sample("newslens_participants", [], stats.participants)
            out.help("newslens_store_estimated_bytes", "Memory the stored articles take, as counted against the budget.", type: "gauge")
            out.sample("newslens_store_estimated_bytes", [], stats.estimatedBytes)
            out.help("newslens_store_memory_budget_bytes", "The store's memory budget (--memory-budget).", type: "gauge")
            out.sample("newslens_store_memory_budget_bytes", [], stats.memoryBudgetBytes)
            out.help("newslens_store_max_articles", "Most articles the store accepts (--max-articles).", type: "gauge")
            out.sample("newslens_store_max_articles", [], stats.maxArticles)
            out.help("newslens_store_durable", "1 when writes go to a journal in --data-dir, 0 for memory only.", type: "gauge")
            out.sample("newslens_store_durable", [], stats.durable ? 1 : 0)
            out.help("newslens_store_writable", "0 while the data directory refuses writes (disk full, read-only).", type: "gauge")
            out.sample("newslens_store_writable", [], stats.writable ? 1 : 0)
        }
        if let rss = residentBytes() {
            out.help("process_resident_memory_bytes", "Resident memory size in bytes.", type: "gauge")
            out.sample("process_resident_memory_bytes", [], rss)
        }
        return out.bytes
    }

    /// From /proc/self/statm (Linux); nil elsewhere.
    static func residentBytes() -> Int? {
        #if os(Linux)
        let fd = open("/proc/self/statm", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return nil }
        let fields = buffer[0..<n].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
        return nil
        #endif
    }
}

/// The text format's lines: `# HELP`, `# TYPE`, samples with escaped label values.
struct PrometheusText {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(8192) }

    mutating func help(_ name: String, _ text: String, type: String) {
        append("# HELP \(name) \(text)\n# TYPE \(name) \(type)\n")
    }

    mutating func sample(_ name: String, _ labels: [(String, String)], _ value: some BinaryInteger) {
        append(name)
        appendLabels(labels)
        append(" \(value)\n")
    }

    mutating func histogram(_ name: String, _ labels: [(String, String)], _ h: Histogram) {
        for (bound, count) in zip(h.bounds, h.cumulative) {
            append(name + "_bucket")
            appendLabels(labels + [("le", Self.format(bound))])
            append(" \(count)\n")
        }
        append(name + "_bucket")
        appendLabels(labels + [("le", "+Inf")])
        append(" \(h.count)\n")
        append(name + "_sum")
        appendLabels(labels)
        append(" \(Self.format(h.sum))\n")
        append(name + "_count")
        appendLabels(labels)
        append(" \(h.count)\n")
    }

    private mutating func appendLabels(_ labels: [(String, String)]) {
        guard !labels.isEmpty else { return }
        append("{")
        for (i, (name, value)) in labels.enumerated() {
            if i > 0 { append(",") }
            append(name + "=\"")
            for b in value.utf8 {
                switch b {
                case UInt8(ascii: "\\"): append("\\\\")
                case UInt8(ascii: "\""): append("\\\"")
                case 0x0A: append("\\n")
                default: bytes.append(b)
                }
            }
            append("\"")
        }
        append("}")
    }

    private mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Shortest round-trip form ("0.005", "1.0", "2.5").
    static func format(_ value: Double) -> String { value.description }
}
