import ArgumentParser
import Dispatch
import NewsLensExtraction
import NewsLensHTML
import Glibc

/// `newslens analyze FILE|-`: prints the analysis JSON of a plain-text article (or, for `.html`/`.htm`
/// files or `--html`, of the article the HTML extractor finds). `--benchmark N FILES…` instead runs the
/// analysis N times over the (plain-text) files on one core and prints words per second.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse an article (plain text or HTML) and print the analysis as JSON."
    )

    @Argument(help: "Article files (UTF-8 plain text, or HTML), or - for standard input.")
    var files: [String]

    @Flag(help: "Treat the input as HTML even without an .html extension.")
    var html = false

    @Option(help: "Run N passes over all FILES and print words per second instead of the analysis.")
    var benchmark: Int?

    @Flag(help: ArgumentHelp("Skip the entity stage (to measure the other stages alone).", visibility: .hidden))
    var withoutEntities = false

    @Flag(help: ArgumentHelp("Print the entity stage's name candidates (type, deciding rule) instead of the analysis.",
                             visibility: .hidden))
    var explainEntities = false

    enum Input {
        case text(String)
        case html([UInt8])
    }

    func run() throws {
        let analyzer = withoutEntities ? ArticleAnalyzer(entities: nil) : ArticleAnalyzer()
        var inputs = [Input]()
        for path in files {
            let bytes = try ExtractHTMLCommand.read(path)
            if html || path.hasSuffix(".html") || path.hasSuffix(".htm") {
                inputs.append(.html(bytes))
            } else if let text = String(validating: bytes, as: UTF8.self) {
                inputs.append(.text(text))
            } else {
                throw ValidationError("\(path) is not valid UTF-8 text")
            }
        }
        if let passes = benchmark {
            let texts = inputs.compactMap { if case .text(let t) = $0 { return t } else { return nil } }
            try runBenchmark(analyzer, texts, passes: max(1, passes))
            return
        }
        if explainEntities {
            for case .text(let text) in inputs {
                let doc = ArticleStructurer().structure(TextDocument(text))
                for line in NewsEntityRecognizer().explain(doc) { print(line) }
            }
            return
        }
        for input in inputs {
            let analysis: Analysis
            switch input {
            case .text(let text): analysis = analyzer.analyze(text: text)
            case .html(let page):
                analysis = analyzer.analyze(input: HTMLArticleExtractor.extract(html: page, url: nil, transportCharset: nil))
            }
            var out = analysis.jsonBytes()
            out.append(0x0A)
            ExtractHTMLCommand.writeAll(out)
        }
    }

    /// Words per second over `passes` runs of every text, on the calling thread (one core).
    func runBenchmark(_ analyzer: ArticleAnalyzer, _ texts: [String], passes: Int) throws {
        guard !texts.isEmpty else { throw ValidationError("--benchmark needs plain-text files") }
        var words = 0
        for t in texts { words += Self.countWords(t) }
        for t in texts { _ = analyzer.analyze(text: t) }  // warm-up: loads the lexicons
        var sink = 0
        var start = DispatchTime.now().uptimeNanoseconds
        var cpuStart = Self.threadCPUNanoseconds()
        for _ in 0..<passes {
            for t in texts { sink &+= analyzer.analyze(text: t).quotes.count }
        }
        let analysisNs = DispatchTime.now().uptimeNanoseconds - start
        let analysisCPU = Self.threadCPUNanoseconds() - cpuStart
        start = DispatchTime.now().uptimeNanoseconds
        cpuStart = Self.threadCPUNanoseconds()
        for _ in 0..<passes {
            for t in texts { sink &+= analyzer.analyze(text: t).jsonBytes().count }
        }
        let jsonNs = DispatchTime.now().uptimeNanoseconds - start
        let jsonCPU = Self.threadCPUNanoseconds() - cpuStart
        let total = Double(words * passes)
        func rate(_ ns: UInt64) -> Int { Int(total / (Double(max(ns, 1)) / 1e9)) }
        let perDocUs = Double(analysisCPU) / 1e3 / Double(passes * texts.count)
        print("documents \(texts.count), words \(words), passes \(passes), one thread")
        print("analysis:        \(rate(analysisCPU)) words/s on CPU time (\(Int(perDocUs)) µs per document), \(rate(analysisNs)) words/s wall clock")
        print("analysis + JSON: \(rate(jsonCPU)) words/s on CPU time, \(rate(jsonNs)) words/s wall clock")
        if sink == Int.min { print(sink) }
    }

    /// CPU time consumed by the calling thread: the benchmark's measure, robust to other processes on the machine.
    static func threadCPUNanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// Whitespace-separated words, the usual measure of "words" in text benchmarks.
    static func countWords(_ text: String) -> Int {
        var n = 0
        var inWord = false
        for b in text.utf8 {
            let space = b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09
            if !space && !inWord { n += 1 }
            inWord = !space
        }
        return n
    }
}
