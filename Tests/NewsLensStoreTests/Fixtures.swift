import NewsLensExtraction
@testable import NewsLensStore

#if canImport(Glibc)
import Glibc
#endif

/// Builds analyses without the engine: participants by name, quotes by speaker.
enum Fixtures {
    struct P {
        var name: String
        var type: ParticipantType = .person
        var aliases: [String] = []
        var id: String? = nil
    }

    struct Q {
        var speaker: String?
        var text: String
        var kind: QuoteKind = .direct
    }

    static func slug(_ s: String) -> String {
        String(s.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    static func analysis(headline: String, body: String = "Body text.", participants: [P] = [], quotes: [Q] = [],
                         dateline: String? = "TOKYO", source: String? = "Reuters") -> Analysis {
        var article = Article()
        article.headline = headline
        article.dateline = dateline
        article.source = source
        article.datePublished = "2019-05-02T09:15:00"
        article.paragraphs = [body] + quotes.map { "\"\($0.text)\" said someone." }
        article.wordCount = body.split(separator: " ").count
        let ps = participants.map { p in
            Participant(id: p.id ?? slug(p.name), type: p.type, name: p.name, aliases: p.aliases, titles: [],
                        affiliation: nil, mentionCount: 1 + p.aliases.count,
                        quoteCount: quotes.filter { $0.speaker == p.name && $0.kind != .indirect }.count,
                        mentions: [Span(paragraph: 0, start: 0, end: p.name.unicodeScalars.count)])
        }
        let qs = quotes.enumerated().map { i, q in
            Quote(id: "q\(i + 1)", kind: q.kind, text: q.text,
                  span: Span(paragraph: i + 1, start: 1, end: 1 + q.text.unicodeScalars.count, sourceStart: 10, sourceEnd: 20),
                  cue: "said",
                  speaker: q.speaker.map { s in
                      Speaker(name: s, participant: participants.first { $0.name == s }.map { $0.id ?? slug($0.name) },
                              mention: SpeakerMention(text: s, span: Span(paragraph: i + 1, start: 0, end: 1)))
                  })
        }
        return Analysis(article: article, quotes: qs, participants: ps)
    }

    /// A temporary directory removed by the caller.
    static func temporaryDirectory() -> String {
        var template = Array("/tmp/newslens-store-test-XXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        return path
    }

    static func removeDirectory(_ path: String) {
        if let dir = opendir(path) {
            while let e = readdir(dir) {
                let name = withUnsafePointer(to: e.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name != "." && name != ".." { unlink(path + "/" + name) }
            }
            closedir(dir)
        }
        rmdir(path)
    }

    static func memoryStore(maxArticles: Int = 100_000, budget: Int = 1 << 30) -> ArticleStore {
        try! ArticleStore(configuration: StoreConfiguration(maxArticles: maxArticles, memoryBudgetBytes: budget))
    }

    /// Every message the store logs, for assertions.
    final class LogSink: @unchecked Sendable {
        private let lock = NSLockLike()
        private var lines: [String] = []
        func add(_ s: String) { lock.sync { lines.append(s) } }
        var messages: [String] { lock.sync { lines } }
    }

    final class NSLockLike: @unchecked Sendable {
        private var m = pthread_mutex_t()
        init() { pthread_mutex_init(&m, nil) }
        func sync<T>(_ body: () -> T) -> T {
            pthread_mutex_lock(&m)
            defer { pthread_mutex_unlock(&m) }
            return body()
        }
    }
}

extension Fixtures {
    /// Runs `body(i)` on `count` real threads at once (Dispatch's concurrentPerform would use only as many
    /// threads as cores) and waits for all of them.
    static func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        final class Job: @unchecked Sendable {
            let index: Int
            let body: @Sendable (Int) -> Void
            init(_ index: Int, _ body: @escaping @Sendable (Int) -> Void) { self.index = index; self.body = body }
        }
        var threads: [pthread_t] = []
        for i in 0..<count {
            var t = pthread_t()
            let job = Unmanaged.passRetained(Job(i, body)).toOpaque()
            let rc = pthread_create(&t, nil, { arg in
                let job = Unmanaged<Job>.fromOpaque(arg!).takeRetainedValue()
                job.body(job.index)
                return nil
            }, job)
            precondition(rc == 0, "pthread_create failed")
            threads.append(t)
        }
        for t in threads { pthread_join(t, nil) }
    }
}
