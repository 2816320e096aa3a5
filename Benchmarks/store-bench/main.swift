#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import NewsLensExtraction
import NewsLensJSON
import NewsLensStore

// store-bench [articles=100000] [--durable DIR]
// Prints: resident memory per stored article against its JSON size, insert and restart speed, and the
// cost of a read-locked lookup with a pthread rwlock versus a mutex.

@_silgen_name("malloc_trim") func mallocTrim(_ pad: Int) -> Int32

func residentBytes() -> Int {
    _ = mallocTrim(0)
    guard let f = fopen("/proc/self/statm", "r") else { return 0 }
    defer { fclose(f) }
    var size = 0, resident = 0
    _ = withUnsafeMutablePointer(to: &size) { s in withUnsafeMutablePointer(to: &resident) { r in
        withVaList([s, r]) { vfscanf(f, "%ld %ld", $0) } } }
    return resident * Int(sysconf(Int32(_SC_PAGESIZE)))
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// CPU time of the calling thread: the machine is shared, so wall time says little about our cost.
func cpuNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func mb(_ b: Int) -> String { String(format: "%.1f MB", Double(b) / 1_048_576) }

let args = CommandLine.arguments.dropFirst()
let count = args.first.flatMap { Int($0) } ?? 100_000
let durableDir: String? = args.firstIndex(of: "--durable").flatMap { args.index(after: $0) < args.endIndex ? args[args.index(after: $0)] : nil }

// `store-bench --open DIR`: only time a restart from DIR (for profiling). `store-bench 0`: locks only.
if let i = args.firstIndex(of: "--open"), args.index(after: i) < args.endIndex {
    let t = now()
    let c0 = cpuNow()
    let s = try ArticleStore(configuration: StoreConfiguration(maxArticles: 1 << 30, memoryBudgetBytes: 1 << 40, dataDirectory: args[args.index(after: i)]))
    print("restart: \(String(format: "%.2f", now() - t)) s wall, \(String(format: "%.2f", cpuNow() - c0)) s CPU for \(s.count) articles")
    exit(0)
}

if count > 0 {
    // MARK: memory and insert speed

    let config = StoreConfiguration(maxArticles: count, memoryBudgetBytes: 64 << 30, dataDirectory: durableDir)
    let before = residentBytes()
    let store = try ArticleStore(configuration: config)
    var generator = SyntheticArticles(seed: 42)
    var insertSeconds = 0.0
    if durableDir == nil {
        for i in 0..<count {
            let (analysis, text) = generator.analysis(i)
            let t0 = cpuNow()
            _ = try store.insert(analysis, normalizedText: text)
            insertSeconds += cpuNow() - t0
        }
    } else {
        // A server's load: 16 clients posting at once, so flushes are shared (group commit).
        let t0 = now()
        let clients = 16
        DispatchQueue.concurrentPerform(iterations: clients) { c in
            var g = SyntheticArticles(seed: UInt64(100 + c))
            for i in stride(from: c, to: count, by: clients) {
                let (analysis, text) = g.analysis(i)
                do { _ = try store.insert(analysis, normalizedText: text) } catch { fatalError("\(error)") }
            }
        }
        insertSeconds = now() - t0
    }
    let after = residentBytes()
    let stats = store.statistics
    let perArticle = Double(after - before) / Double(count)
    let jsonPerArticle = Double(stats.jsonBytes) / Double(count)
    print("articles stored:        \(stats.articles) (\(stats.participants) merged participants, \(stats.quotes) quotes)")
    print("JSON per article:       \(Int(jsonPerArticle)) bytes; gzip \(stats.gzipBytes / count) bytes")
    print("resident per article:   \(Int(perArticle)) bytes = \(String(format: "%.2f", perArticle / jsonPerArticle))x its JSON (target <= 3x)")
    print("store estimate:         \(mb(stats.estimatedBytes)) vs resident growth \(mb(after - before))")
    print("inserts:                \(String(format: "%.0f", Double(count) / insertSeconds))/s \(durableDir != nil ? " wall clock, 16 concurrent writers, journal flushed before each returns" : " of one core's CPU time"), JSON+gzip encoding included")

    // MARK: JSON parser speed

    let sample = try store.articles(ArticleQuery(limit: 100)).items.map(\.json)
    let parser = JSONParser()
    let tp = cpuNow()
    var parsedBytes = 0
    for k in 0..<3000 {
        let doc = sample[k % sample.count]
        _ = try parser.parse(doc)
        parsedBytes += doc.count
    }
    print("JSONParser:             \(String(format: "%.0f", Double(parsedBytes) / (cpuNow() - tp) / 1e6)) MB/s into JSONValue (analysis documents)")

    // MARK: reads

    let ids = try store.articles(ArticleQuery(limit: 100)).items.map(\.id)
    let readers = 2
    let lookups = 2_000_000
    let tr = now()
    DispatchQueue.concurrentPerform(iterations: readers) { r in
        var found = 0
        for k in 0..<(lookups / readers) where store.article(id: ids[(k &+ r) % ids.count]) != nil { found += 1 }
        precondition(found == lookups / readers)
    }
    print("article(id:) lookups:   \(String(format: "%.1f", Double(lookups) / (now() - tr) / 1e6)) M/s on \(readers) threads")
    let tq = now()
    var pages = 0
    for k in 0..<2000 {
        pages += try store.quotes(QuoteQuery(limit: 20, speaker: ["japan", "united-nations", "reuters"][k % 3])).items.count
    }
    print("quotes?speaker= pages:  \(String(format: "%.0f", 2000 / (now() - tq)))/s (limit 20)")

    // MARK: restart

    if durableDir != nil {
        store.close()
        let tc = now()
        let reopened = try ArticleStore(configuration: config)
        print("restart from journal:   \(String(format: "%.1f", now() - tc)) s for \(reopened.count) articles")
        let ts = now()
        try reopened.compact()
        print("compaction (snapshot):  \(String(format: "%.1f", now() - ts)) s")
        reopened.close()
        let tr2 = now()
        let again = try ArticleStore(configuration: config)
        print("restart from snapshot:  \(String(format: "%.1f", now() - tr2)) s for \(again.count) articles")
    }
}

// MARK: lock choice for read-heavy load

/// The store's read path in miniature (a dictionary lookup under the lock), with either lock; rounds are
/// interleaved and the median kept, because the machine is shared.
final class Box: @unchecked Sendable {
    var rw = pthread_rwlock_t()
    var mutex = pthread_mutex_t()
    var map: [String: Int] = [:]
    init() {
        pthread_rwlock_init(&rw, nil)
        pthread_mutex_init(&mutex, nil)
        for i in 0..<100_000 { map["\(i)"] = i }
    }
}

func lockRound(_ box: Box, keys: [String], threads: Int, rw: Bool) -> Double {
    let n = 2_000_000
    let start = now()
    DispatchQueue.concurrentPerform(iterations: threads) { t in
        var sum = 0
        for k in 0..<(n / threads) {
            let key = keys[(k &+ t) % keys.count]
            if rw {
                pthread_rwlock_rdlock(&box.rw); sum &+= box.map[key] ?? 0; pthread_rwlock_unlock(&box.rw)
            } else {
                pthread_mutex_lock(&box.mutex); sum &+= box.map[key] ?? 0; pthread_mutex_unlock(&box.mutex)
            }
        }
        precondition(sum != 42)
    }
    return Double(n) / (now() - start) / 1e6
}

let box = Box()
let keys = (0..<1000).map { "\($0 * 97)" }
for threads in [1, 2] {
    var rwRates: [Double] = [], mutexRates: [Double] = []
    for _ in 0..<7 {
        rwRates.append(lockRound(box, keys: keys, threads: threads, rw: true))
        mutexRates.append(lockRound(box, keys: keys, threads: threads, rw: false))
    }
    let rw = rwRates.sorted()[3], mx = mutexRates.sorted()[3]
    print("read lookups, \(threads) thread(s): pthread_rwlock \(String(format: "%.1f", rw)) M/s, pthread_mutex \(String(format: "%.1f", mx)) M/s (medians of 7)")
}
