import NewsLensCompression
import NewsLensHTTP
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Static files from a temporary folder: content types, index, ETag, gzip, and traversal attempts.
@Suite struct LiveStaticFilesTests {
    /// tmp/outside/secret.txt, tmp/public/{index.html, app.css, big.js, sub/index.html, .hidden,
    /// escape → ../outside/secret.txt, alias → index.html}
    static func makeTree() -> (root: String, publicFolder: String) {
        var template = Array("/tmp/newslens-static-XXXXXX".utf8CString)
        let root = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        let publicFolder = root + "/public"
        mkdir(root + "/outside", 0o755)
        mkdir(publicFolder, 0o755)
        mkdir(publicFolder + "/sub", 0o755)
        write(root + "/outside/secret.txt", "top secret")
        write(publicFolder + "/index.html", "<!doctype html><title>NewsLens</title>")
        write(publicFolder + "/app.css", "body{}")
        write(publicFolder + "/big.js", String(repeating: "console.log('newslens');\n", count: 200))
        write(publicFolder + "/sub/index.html", "<p>sub</p>")
        write(publicFolder + "/.hidden", "hidden")
        symlink("../outside/secret.txt", publicFolder + "/escape")
        symlink(root + "/outside", publicFolder + "/outdir")
        symlink("index.html", publicFolder + "/alias.html")
        return (root, publicFolder)
    }

    static func write(_ path: String, _ text: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        _ = Array(text.utf8).withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    static func server(_ publicFolder: String) throws -> LiveServer {
        let router = Router()
        router.get("/healthz") { _ in .json(Array(#"{"status":"ok"}"#.utf8)) }
        let files = StaticFiles(root: publicFolder)
        router.fallback = { files.respond(to: $0) }
        return try LiveServer(router: router)
    }

    static func get(_ client: RawClient, _ target: String, _ headers: [String] = []) throws -> RawResponse {
        client.send(request("GET", target, headers))
        return try client.readResponse()
    }

    @Test func servesFilesWithTypesIndexAndValidators() async throws {
        try await onOwnThread {
            let tree = Self.makeTree()
            let live = try Self.server(tree.publicFolder)
            defer { live.stop() }
            let client = try live.client()
            let index = try Self.get(client, "/")
            #expect(index.status == 200)
            #expect(index.header("Content-Type") == "text/html; charset=utf-8")
            #expect(index.text == "<!doctype html><title>NewsLens</title>")
            #expect(try Self.get(client, "/index.html").text == index.text)
            #expect(try Self.get(client, "/alias.html").text == index.text)  // symlink inside the folder
            #expect(try Self.get(client, "/app.css").header("Content-Type") == "text/css; charset=utf-8")
            #expect(try Self.get(client, "/sub/").text == "<p>sub</p>")
            let redirect = try Self.get(client, "/sub")
            #expect(redirect.status == 301)
            #expect(redirect.header("Location") == "/sub/")
            let etag = try #require(index.header("ETag"))
            #expect(try Self.get(client, "/", ["If-None-Match: \(etag)"]).status == 304)
            let zipped = try Self.get(client, "/big.js", ["Accept-Encoding: gzip"])
            #expect(zipped.header("Content-Encoding") == "gzip")
            #expect(String(decoding: try Gzip.decompress(zipped.body), as: UTF8.self).hasPrefix("console.log"))
            client.send(request("HEAD", "/app.css"))
            let head = try client.readResponse(head: true)
            #expect(head.header("Content-Length") == "6")
            #expect(try Self.get(client, "/healthz").status == 200)  // routes still win
        }
    }

    @Test(arguments: [
        "/../outside/secret.txt", "/%2e%2e/outside/secret.txt", "/%2E%2E%2Foutside%2Fsecret.txt",
        "/sub/..%2f..%2foutside/secret.txt", "/sub/%2e%2e/%2e%2e/outside/secret.txt", "/./index.html",
        "/escape", "/outdir/secret.txt", "/.hidden", "/missing.html", "/sub/missing/", "/index.html/",
        "/..%5coutside%5csecret.txt", "/%00index.html",
    ])
    func nothingOutsideTheFolderIsReachable(_ target: String) async throws {
        try await onOwnThread {
            let tree = Self.makeTree()
            let live = try Self.server(tree.publicFolder)
            defer { live.stop() }
            let client = try live.client()
            let response = try Self.get(client, target)
            #expect(response.status == 404 || response.status == 400, "\(target) → \(response.status)")
            #expect(!response.text.contains("secret"))
        }
    }
}

/// SIGTERM-style graceful shutdown, driven through `HTTPServer.shutdown`.
@Suite struct LiveShutdownTests {
    @Test func inFlightRequestsFinishIdleConnectionsCloseNewOnesAreRefused() async throws {
        try await onOwnThread {
            let live = try LiveServer(router: LiveServer.standardRouter())
            let idle = try live.client()
            idle.send(request("GET", "/json"))
            #expect(try idle.readResponse().status == 200)
            let busy = try live.client()
            busy.send(request("GET", "/slow"))
            usleep(50_000)
            let start = MonotonicClock.now()
            let finished = Finished()
            live.server.shutdown { finished.mark() }
            #expect(idle.closesWithin(5))
            let response = try busy.readResponse()
            #expect(response.text == "slow done")
            #expect(response.header("Connection") == "close")
            #expect(busy.closesWithin(5))
            var waited = 0
            while !finished.isDone && waited < 300 { usleep(10_000); waited += 1 }
            #expect(finished.isDone)
            #expect(MonotonicClock.now() - start < 2_000_000_000)
            #expect(throws: RawClient.ClientError.self) { _ = try live.client() }
        }
    }

    @Test func graceRunsOutForHandlersThatTakeTooLong() async throws {
        try await onOwnThread {
            let router = Router()
            router.get("/stuck", options: .offloaded) { _ in
                usleep(1_500_000)
                return .text("late")
            }
            let live = try LiveServer(router: router) { $0.timeouts.shutdownGrace = .milliseconds(200) }
            let client = try live.client()
            client.send(request("GET", "/stuck"))
            usleep(50_000)
            let start = MonotonicClock.now()
            live.stop()
            let elapsed = MonotonicClock.now() - start
            // Bounded by the 200 ms grace, not by the 1.5 s handler (slack for a loaded machine).
            #expect(elapsed < 1_400_000_000, "shutdown took \(elapsed / 1_000_000) ms")
            #expect(client.closesWithin(5))
        }
    }
}

/// A flag set from another thread.
final class Finished: Sendable {
    private let done = Mutex(false)
    func mark() { done.withLock { $0 = true } }
    var isDone: Bool { done.withLock { $0 } }
}
