import ArgumentParser
import Dispatch
import Logging
import NewsLensAPI
import NewsLensHTTP
import NewsLensStore

#if canImport(Glibc)
import Glibc
#endif

/// `newslens serve`: the HTTP server with the API routes and the web page. Every flag can also come from an
/// environment variable (the flag wins), which is how containers configure it.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP server (API and web page).",
        discussion: """
            Each option can also be set with the environment variable named in its help; a flag on the \
            command line wins over the variable. Durations are seconds (decimals allowed, e.g. 0.5); sizes are \
            bytes, optionally with a KiB/MiB suffix (e.g. 4MiB).
            """
    )

    @Option(help: "Address to listen on. (env NEWSLENS_HOST, default 127.0.0.1)")
    var host: String?
    @Option(help: "Plain HTTP port; 0 picks a free one, off serves HTTPS only. (env NEWSLENS_PORT, default 8080)")
    var port: String?
    @Option(name: .customLong("public"), help: "Folder served at / (the web page). (env NEWSLENS_PUBLIC, default Public)")
    var publicFolder: String?
    @Option(help: "Longest request line, else 414. (env NEWSLENS_MAX_REQUEST_LINE, default 8KiB)")
    var maxRequestLine: String?
    @Option(help: "Largest header section, else 431. (env NEWSLENS_MAX_HEADER_BYTES, default 32KiB)")
    var maxHeaderBytes: String?
    @Option(help: "Most header fields, else 431. (env NEWSLENS_MAX_HEADER_COUNT, default 100)")
    var maxHeaderCount: String?
    @Option(help: "Largest request body, else 413. (env NEWSLENS_MAX_BODY, default 4MiB)")
    var maxBody: String?
    @Option(help: "Most simultaneous connections, else 503. (env NEWSLENS_MAX_CONNECTIONS, default 1024)")
    var maxConnections: String?
    @Option(help: "Most request-body bytes held in memory at once, over all connections, else 503; at least --max-body. (env NEWSLENS_MAX_BUFFERED_BODIES, default 256MiB or --max-body if larger)")
    var maxBufferedBodies: String?
    @Option(help: "Seconds for a whole request header section, else 408. (env NEWSLENS_HEADER_TIMEOUT, default 10)")
    var headerTimeout: String?
    @Option(help: "Seconds for a whole request body, else 408. (env NEWSLENS_BODY_TIMEOUT, default 60)")
    var bodyTimeout: String?
    @Option(help: "Seconds a kept-alive connection may wait for its next request. (env NEWSLENS_IDLE_TIMEOUT, default 75)")
    var idleTimeout: String?
    @Option(help: "Seconds a client may leave our response unread before it is dropped. (env NEWSLENS_WRITE_TIMEOUT, default 30)")
    var writeTimeout: String?
    @Option(help: "Seconds in-flight requests get to finish on SIGTERM/SIGINT. (env NEWSLENS_SHUTDOWN_GRACE, default 10)")
    var shutdownGrace: String?
    @Option(help: "Serial I/O queues connections are spread over. (env NEWSLENS_IO_QUEUES, default: CPU count)")
    var ioQueues: String?
    @Option(help: "Origins whose web pages may write (POST, DELETE), comma-separated, or * for any; reads are open to every origin; empty disables CORS. (env NEWSLENS_CORS_ORIGINS, default *)")
    var corsOrigins: String?
    @Option(help: "Folder for the article journal and snapshots; without it the store lives in memory only and is lost on exit. (env NEWSLENS_DATA_DIR, default: none)")
    var dataDir: String?
    @Option(help: "Most articles stored, else 507. (env NEWSLENS_MAX_ARTICLES, default 100000)")
    var maxArticles: String?
    @Option(help: "Most memory the stored articles may take, else 507. (env NEWSLENS_MEMORY_BUDGET, default: half the RAM)")
    var memoryBudget: String?
    @Option(help: "Key that POST and DELETE must send as 'Authorization: Bearer <key>'; reads stay public. (env NEWSLENS_API_KEY, default: none, writes open)")
    var apiKey: String?
    @Option(help: "trace, debug, info (one line per request), notice, warning, error or critical. (env NEWSLENS_LOG_LEVEL, default info)")
    var logLevel: String?
    @OptionGroup(title: "HTTPS")
    var tls: TLSOptions

    func run() throws {
        let settings = SettingsReader()
        var configuration = HTTPServerConfiguration()
        configuration.host = settings.text(host, "NEWSLENS_HOST") ?? "127.0.0.1"
        if settings.text(port, "NEWSLENS_PORT")?.lowercased() == "off" {
            configuration.servesPlainHTTP = false
        } else {
            configuration.port = try settings.integer(port, "NEWSLENS_PORT", in: 0...65535) ?? 8080
        }
        let publicPath = settings.text(publicFolder, "NEWSLENS_PUBLIC") ?? "Public"
        var limits = HTTPLimits()
        limits.maxRequestLineBytes = try settings.size(maxRequestLine, "NEWSLENS_MAX_REQUEST_LINE") ?? limits.maxRequestLineBytes
        limits.maxHeaderBytes = try settings.size(maxHeaderBytes, "NEWSLENS_MAX_HEADER_BYTES") ?? limits.maxHeaderBytes
        limits.maxHeaderCount = try settings.integer(maxHeaderCount, "NEWSLENS_MAX_HEADER_COUNT", in: 1...100_000)
            ?? limits.maxHeaderCount
        limits.maxBodyBytes = try settings.size(maxBody, "NEWSLENS_MAX_BODY") ?? limits.maxBodyBytes
        limits.maxConnections = try settings.integer(maxConnections, "NEWSLENS_MAX_CONNECTIONS", in: 1...1_000_000)
            ?? limits.maxConnections
        limits.maxBufferedBodyBytes = try settings.size(maxBufferedBodies, "NEWSLENS_MAX_BUFFERED_BODIES")
            ?? max(limits.maxBufferedBodyBytes, limits.maxBodyBytes)
        // A budget below one body would refuse every body of the largest allowed size, for ever.
        guard limits.maxBufferedBodyBytes >= limits.maxBodyBytes else {
            throw ValidationError("The request-body budget (\(limits.maxBufferedBodyBytes) bytes) is smaller than the largest "
                                  + "request body allowed (\(limits.maxBodyBytes) bytes): raise --max-buffered-bodies or lower --max-body.")
        }
        configuration.limits = limits
        var timeouts = HTTPTimeouts()
        timeouts.header = try settings.duration(headerTimeout, "NEWSLENS_HEADER_TIMEOUT") ?? timeouts.header
        timeouts.body = try settings.duration(bodyTimeout, "NEWSLENS_BODY_TIMEOUT") ?? timeouts.body
        timeouts.idle = try settings.duration(idleTimeout, "NEWSLENS_IDLE_TIMEOUT") ?? timeouts.idle
        timeouts.writeStall = try settings.duration(writeTimeout, "NEWSLENS_WRITE_TIMEOUT") ?? timeouts.writeStall
        timeouts.shutdownGrace = try settings.duration(shutdownGrace, "NEWSLENS_SHUTDOWN_GRACE") ?? timeouts.shutdownGrace
        configuration.timeouts = timeouts
        try tls.apply(to: &configuration, settings: settings)
        configuration.ioQueues = try settings.integer(ioQueues, "NEWSLENS_IO_QUEUES", in: 1...64) ?? configuration.ioQueues
        let levelText = settings.text(logLevel, "NEWSLENS_LOG_LEVEL") ?? "info"
        guard let level = Logger.Level(rawValue: levelText.lowercased()) else {
            throw ValidationError("Log level '\(levelText)' is not one of trace, debug, info, notice, warning, error, critical.")
        }
        let corsList = settings.text(corsOrigins, "NEWSLENS_CORS_ORIGINS", allowEmpty: true) ?? "*"
        var storeConfiguration = StoreConfiguration()
        storeConfiguration.dataDirectory = settings.text(dataDir, "NEWSLENS_DATA_DIR")
        storeConfiguration.maxArticles = try settings.integer(maxArticles, "NEWSLENS_MAX_ARTICLES", in: 1...100_000_000)
            ?? storeConfiguration.maxArticles
        storeConfiguration.memoryBudgetBytes = try settings.size(memoryBudget, "NEWSLENS_MEMORY_BUDGET")
            ?? storeConfiguration.memoryBudgetBytes
        let key = settings.text(apiKey, "NEWSLENS_API_KEY")

        LoggingSystem.bootstrap { LogfmtLogHandler(label: $0) }
        var logger = Logger(label: "newslens")
        logger.logLevel = level
        configuration.logger = logger

        let router = Router()
        router.cors = CORSPolicy(originList: corsList)
        let slot = StoreSlot()
        let metrics = MetricsRegistry()
        configuration.requestObserver = metrics.requestObserver
        var api = APIConfiguration(apiKey: key, maxArticleBytes: limits.maxBodyBytes)
        api.maxOtherBodyBytes = min(api.maxOtherBodyBytes, limits.maxBodyBytes)
        let context = APIContext(configuration: api, stores: slot, metrics: metrics, cors: router.cors)
        let files = StaticFiles(root: publicPath)
        var webPage: (@Sendable (Request) -> Response)?
        if files.isAvailable { webPage = { @Sendable request in files.respond(to: request) } }
        APIRoutes.register(on: router, context: context, webPage: webPage)
        if files.isAvailable {
            router.fallback = { files.respond(to: $0) }
        } else {
            logger.warning("static folder not found; only the API is served", metadata: ["public": .string(publicPath)])
        }

        let server = HTTPServer(configuration: configuration, router: router)
        metrics.setConnectionCount { [unowned server] in server.activeConnections }
        do {
            try server.start()
        } catch {
            logger.critical("cannot listen", metadata: ["error": .string(String(describing: error))])
            throw ExitCode(1)
        }
        StoreLoader.load(storeConfiguration, into: slot, logger: logger)
        server.runUntilSignalled { slot.store?.close() }
    }
}
