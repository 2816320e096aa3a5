import NewsLensExtraction
import NewsLensHTTP
import NewsLensStore

/// How the API is set up: `newslens serve` fills it from its flags.
public struct APIConfiguration: Sendable {
    /// With a key, POST and DELETE need `Authorization: Bearer <key>`; nil or empty leaves writes open.
    public var apiKey: String?
    /// Largest article body `POST /v1/analyze` and `POST /v1/articles` read (413 beyond, decided from
    /// Content-Length before the body is read).
    public var maxArticleBytes: Int = 4 << 20
    /// Largest body of the other routes (they expect none).
    public var maxOtherBodyBytes: Int = 64 << 10

    public init(apiKey: String? = nil, maxArticleBytes: Int = 4 << 20) {
        self.apiKey = apiKey
        self.maxArticleBytes = maxArticleBytes
    }
}

/// What every handler shares: the configuration, the store (once loaded), the engine, the metrics and
/// the write guard. Immutable; the store slot and metrics synchronise themselves.
public final class APIContext: Sendable {
    public let configuration: APIConfiguration
    public let stores: StoreSlot
    public let metrics: MetricsRegistry
    /// Stored articles' response bodies with their header lines, built once per article.
    let preparedArticles = PreparedArticleBodies()
    let analyzer: SubmissionAnalyzer
    let writeGuard: WriteGuard

    /// `cors` is the router's policy (its write origins are enforced for browser writes).
    public init(configuration: APIConfiguration = APIConfiguration(), stores: StoreSlot, metrics: MetricsRegistry = MetricsRegistry(),
                analyzer: ArticleAnalyzer = ArticleAnalyzer(), cors: CORSPolicy?) {
        self.configuration = configuration
        self.stores = stores
        self.metrics = metrics
        self.analyzer = SubmissionAnalyzer(analyzer: analyzer)
        writeGuard = WriteGuard(apiKey: configuration.apiKey, cors: cors)
    }

    /// Runs `body` with the store, or answers 503 while it is still loading.
    func withStore(_ body: (ArticleStore) -> Response) -> Response {
        guard let store = stores.store else { return ProblemResponses.storeLoading() }
        return body(store)
    }

    /// Prepares and analyses a submission, recording how long the engine took.
    func analyze(_ prepared: SubmissionAnalyzer.Prepared, input: String) -> Analysis {
        let clock = ContinuousClock()
        let started = clock.now
        let analysis = analyzer.analyze(prepared)
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        metrics.observeAnalysis(input: input, seconds: seconds)
        return analysis
    }

    var articleRoute: RouteOptions {
        RouteOptions(maxBodyBytes: configuration.maxArticleBytes, execution: .offloaded)
    }

    /// A fast read answered on the I/O queue.
    var inlineRead: RouteOptions { RouteOptions(maxBodyBytes: configuration.maxOtherBodyBytes, execution: .inline) }

    /// A read that may scan many articles (filters, text search): off the I/O queue.
    var scanningRead: RouteOptions { RouteOptions(maxBodyBytes: configuration.maxOtherBodyBytes, execution: .offloaded) }
}

extension Response {
    /// 200 JSON with an ETag derived from its bytes, so a client's If-None-Match gets a 304.
    static func cacheableJSON(_ bytes: [UInt8]) -> Response {
        Response(status: .ok, contentType: "application/json", body: bytes, etag: ETag.strong(for: bytes))
    }

    /// A stored article's cached JSON and gzip, served as they are: no encoding (nor header formatting,
    /// through `bodies`) per request.
    static func storedArticle(_ article: StoredArticle, bodies: PreparedArticleBodies, status: HTTPStatus = .ok,
                              headers: [HTTPField] = []) -> Response {
        Response(status: status, prepared: bodies.body(for: article), headers: headers)
    }
}

extension SubmissionAnalyzer.Prepared {
    /// The metrics label of the input kind.
    var inputLabel: String { isHTML ? "html" : "text" }
}
