import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix

// hummingbird-peer PORT THREADS ID=FILE...
// The peer server of `Benchmarks/run.sh`: Hummingbird 2 answering `GET /v1/articles/{id}` with the bytes of
// FILE (the JSON `newslens serve` returned for that stored article, read once at start, served from one
// shared ByteBuffer: no encoding per request, as in our server) and `GET /healthz`. THREADS event loops
// (the same worker count the other servers get). Unknown ids are 404.

let arguments = CommandLine.arguments
guard arguments.count >= 4, let port = Int(arguments[1]), let threads = Int(arguments[2]), threads > 0 else {
    FileHandle.standardError.write(Data("usage: hummingbird-peer PORT THREADS ID=FILE...\n".utf8))
    exit(2)
}

var articles: [String: ByteBuffer] = [:]
for pair in arguments.dropFirst(3) {
    guard let eq = pair.firstIndex(of: "=") else { fatalError("expected ID=FILE, got \(pair)") }
    let id = String(pair[..<eq])
    let path = String(pair[pair.index(after: eq)...])
    guard let data = FileManager.default.contents(atPath: path) else { fatalError("cannot read \(path)") }
    articles[id] = ByteBuffer(bytes: data)
}
let stored = articles
let health = ByteBuffer(string: #"{"status":"ok"}"#)
let jsonHeaders: HTTPFields = [.contentType: "application/json"]

let router = Router()
router.get("/healthz") { _, _ in
    Response(status: .ok, headers: jsonHeaders, body: ResponseBody(byteBuffer: health))
}
router.get("/v1/articles/{id}") { _, context -> Response in
    guard let id = context.parameters.get("id"), let body = stored[id] else {
        return Response(status: .notFound)
    }
    return Response(status: .ok, headers: jsonHeaders, body: ResponseBody(byteBuffer: body))
}

var logger = Logger(label: "hummingbird-peer")
logger.logLevel = .warning
let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
let app = Application(
    router: router,
    configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), backlog: 4096),
    eventLoopGroupProvider: .shared(group),
    logger: logger
)
try await app.runService()
