import ArgumentParser
import NewsLensExtraction
import NewsLensHTML
import NewsLensJSON
import Glibc

/// `newslens extract-html FILE|-`: runs the HTML article extractor on one page and prints the article as
/// JSON (the `article` object of the API), or with `--benchmark N` times N passes over the given pages.
/// A developer tool, hidden from `--help`, until `/v1/analyze` accepts HTML.
struct ExtractHTMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract-html",
        abstract: "Extract the article from an HTML page and print it as JSON.",
        shouldDisplay: false
    )

    @Argument(help: "HTML files, or - for standard input.")
    var files: [String]

    @Option(help: "The page's URL.")
    var url: String?

    @Option(help: "Charset from the transport (HTTP Content-Type), if any.")
    var charset: String?

    @Option(help: "Run N passes over all FILES and print pages per second instead of the article.")
    var benchmark: Int?

    @Flag(help: "Print one line per text block with the measures the extractor used.")
    var trace = false

    @Flag(help: "With --trace: score without class hints (the extractor's fallback pass).")
    var loose = false

    func run() throws {
        let pages = try files.map { try Self.read($0) }
        if trace {
            for page in pages { for line in ExtractionTrace.lines(html: page, strict: !loose) { print(line) } }
            return
        }
        if let passes = benchmark {
            runBenchmark(pages, passes: max(1, passes))
            return
        }
        for page in pages {
            let input = HTMLArticleExtractor.extract(html: page, url: url, transportCharset: charset)
            var w = JSONWriter(capacity: 8192)
            w.beginObject()
            w.key("article")
            Self.write(input, to: &w)
            w.endObject()
            var out = w.bytes
            out.append(0x0A)
            Self.writeAll(out)
        }
    }

    static func writeAll(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            offset += n
        }
    }

    private func runBenchmark(_ pages: [[UInt8]], passes: Int) {
        let bytes = pages.reduce(0) { $0 + $1.count }
        var paragraphs = 0
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = AnalyzeCommand.threadCPUNanoseconds()
        for _ in 0 ..< passes {
            for page in pages {
                paragraphs &+= HTMLArticleExtractor.extract(html: page).paragraphs.count
            }
        }
        let cpuSeconds = Double(AnalyzeCommand.threadCPUNanoseconds() - cpuStart) / 1e9
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let n = Double(pages.count * passes)
        print("pages \(pages.count) passes \(passes) bytes/page \(bytes / max(1, pages.count)) paragraphs \(paragraphs / passes)")
        print("FIGURE html_pages_per_s \(Int(n / seconds))")
        // One core's CPU time: robust to other processes on a shared machine.
        print("FIGURE html_pages_per_s_cpu \(Int(n / max(cpuSeconds, 1e-9)))")
        print("FIGURE html_mb_per_s \(Int(Double(bytes * passes) / seconds / 1e6))")
    }

    static func write(_ a: ArticleInput, to w: inout JSONWriter) {
        w.beginObject()
        w.field("headline", a.headline)
        w.key("author"); w.beginArray()
        for name in a.authors { w.beginObject(); w.field("name", name); w.endObject() }
        w.endArray()
        w.field("datePublished", a.datePublished)
        w.field("dateModified", a.dateModified)
        w.field("publisher", a.publisher)
        w.field("url", a.url)
        w.field("inLanguage", a.inLanguage)
        w.field("paragraphs", a.paragraphs)
        w.key("captions"); w.beginArray()
        for c in a.captions { w.beginObject(); w.field("text", c.text); w.field("credit", c.credit); w.endObject() }
        w.endArray()
        w.field("removedBoilerplate", a.removedBoilerplate)
        w.endObject()
    }

    static func read(_ path: String) throws -> [UInt8] {
        let fd = path == "-" ? 0 : open(path, O_RDONLY)
        guard fd >= 0 else { throw ValidationError("cannot open \(path)") }
        defer { if fd != 0 { close(fd) } }
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            data.append(contentsOf: chunk[0 ..< n])
        }
        return data
    }
}
