// http-echo: the smallest server on NewsLensHTTP, for conformance probes.
// Any method on "/" answers 200 with the request body echoed (same Content-Type); an empty body gets a
// one-line description of the request instead. Every other path is 404.
//
//   http-echo [port] [host]      (defaults: 8081, 127.0.0.1; log level from HTTP_ECHO_LOG_LEVEL, default warning)
import Logging
import NewsLensHTTP

#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments
var configuration = HTTPServerConfiguration()
configuration.port = arguments.count > 1 ? Int(arguments[1]) ?? 8081 : 8081
configuration.host = arguments.count > 2 ? arguments[2] : "127.0.0.1"
var logger = Logger(label: "http-echo") { LogfmtLogHandler(label: $0) }
let levelName = getenv("HTTP_ECHO_LOG_LEVEL").map { String(cString: $0) } ?? "warning"
logger.logLevel = Logger.Level(rawValue: levelName) ?? .warning
configuration.logger = logger

let router = Router()
for method in HTTPMethod.allCases where method != .connect && method != .options {
    router.add(method, "/") { request in
        if request.body.isEmpty {
            return .text("http-echo: \(request.method) \(request.path)\n")
        }
        return Response(status: .ok, contentType: request.headers["Content-Type"] ?? "application/octet-stream",
                        body: request.body)
    }
}

let server = HTTPServer(configuration: configuration, router: router)
do {
    try server.start()
} catch {
    logger.critical("cannot start", metadata: ["error": .string(error.description)])
    exit(1)
}
let banner = "http-echo listening on \(configuration.host):\(server.port)\n"
_ = banner.withCString { write(1, $0, strlen($0)) }
server.runUntilSignalled()
