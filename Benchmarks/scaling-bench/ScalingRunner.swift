import NewsLensExtraction
import NewsLensHTML
import NewsLensJSON

#if canImport(Glibc)
import Glibc
#endif

/// One kind of pathological input: a generator from a byte size to the input.
struct Family: Sendable {
    let group: String
    let name: String
    let summary: String
    let make: @Sendable (Int) -> [UInt8]

    init(_ group: String, _ name: String, _ summary: String, _ make: @escaping @Sendable (Int) -> [UInt8]) {
        self.group = group
        self.name = name
        self.summary = summary
        self.make = make
    }

    var label: String { "\(group)/\(name)" }
}

/// Runs what the API runs on each kind of input: text → analysis → JSON; HTML → extraction → analysis →
/// JSON; JSON bodies → the request-body parser.
struct ScalingRunner {
    let analyzer = ArticleAnalyzer()
    /// A size that takes longer than this ends its family (the growth is already plain).
    var budgetSeconds = 20.0

    func process(_ family: Family, _ input: [UInt8]) -> Int {
        switch family.group {
        case "text":
            return analyzer.analyze(text: String(decoding: input, as: UTF8.self)).jsonBytes().count
        case "html":
            let extracted = HTMLArticleExtractor.extract(html: input, url: nil, transportCharset: nil)
            return analyzer.analyze(input: extracted).jsonBytes().count
        default:
            do {
                let value = try JSONParser().parse(input)
                if case .object(let object) = value { return object.count }
                return 1
            } catch {
                return -1  // a refusal (depth limit, bad syntax) is an answer too
            }
        }
    }

    struct Measurement {
        var seconds: [Double?]
        var outcome: String
    }

    /// CPU seconds of the best of up to three runs per size (each size at least once), growing sizes.
    func measure(_ family: Family, sizes: [Int]) -> Measurement {
        var seconds: [Double?] = []
        var outcome = ""
        for size in sizes {
            let input = family.make(size)
            var best = Double.infinity
            var spent = 0.0
            var runs = 0
            while runs < 3 && (runs == 0 || spent < 0.5) {
                let start = cpuSeconds()
                let result = process(family, input)
                let took = cpuSeconds() - start
                best = min(best, took)
                spent += took
                runs += 1
                if result < 0 { outcome = "refused" }
            }
            seconds.append(best)
            if best > budgetSeconds { break }
        }
        while seconds.count < sizes.count { seconds.append(nil) }
        return Measurement(seconds: seconds, outcome: outcome)
    }

    func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// Peak resident memory of the process so far, in MiB.
func peakResidentMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
