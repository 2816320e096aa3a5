import Dispatch
import NewsLensCompression
import NewsLensHTTP
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
            // Not held for the 10 s shutdown grace: it ends when the in-flight request does.
            #expect(MonotonicClock.now() - start < 5_000_000_000)
            #expect(throws: RawClient.ClientError.self) { _ = try live.client() }
        }
    }

    @Test func graceRunsOutForHandlersThatTakeTooLong() async throws {
        try await onOwnThread {
            // The handler is held until after the shutdown: the shutdown cannot have waited for it.
            let gate = DispatchSemaphore(value: 0)
            let finished = Finished()
            let router = Router()
            router.get("/stuck", options: .offloaded) { _ in
                _ = gate.wait(timeout: .now() + 20)
                finished.mark()
                return .text("late")
            }
            let live = try LiveServer(router: router) { $0.timeouts.shutdownGrace = .milliseconds(200) }
            let client = try live.client()
            client.send(request("GET", "/stuck"))
            usleep(50_000)
            let start = MonotonicClock.now()
            live.stop()
            let elapsed = MonotonicClock.now() - start
            #expect(!finished.isDone)
            #expect(elapsed >= 200_000_000, "shutdown took \(elapsed / 1_000_000) ms, less than the grace")
            #expect(client.closesWithin(5))
            // The handler finishes after its server stopped: the late response and wake-up must touch nothing
            // (they once wrote into whatever descriptor had reused the stopped server's wake-up number).
            var probe: [Int32] = [0, 0]
            #expect(pipe(&probe) == 0)
            defer { close(probe[0]); close(probe[1]) }
            gate.signal()
            while !finished.isDone { usleep(5_000) }
            usleep(50_000)
            _ = fcntl(probe[0], F_SETFL, fcntl(probe[0], F_GETFL) | O_NONBLOCK)
            var byte: UInt8 = 0
            #expect(read(probe[0], &byte, 1) == -1 && errno == EAGAIN, "the stopped server wrote into a reused descriptor")
        }
    }
}

/// A flag set from another thread (a pthread mutex: ThreadSanitizer cannot see `Synchronization.Mutex`).
final class Finished: Sendable {
    private let done = Locked(false)
    func mark() { done.withLock { $0 = true } }
    var isDone: Bool { done.withLock { $0 } }
}
