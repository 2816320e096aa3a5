import ChildProcessSupport
import Foundation
import NewsLensJSON
import Synchronization
import Testing
@testable import NewsLensAPI
import NewsLensHTTP

#if canImport(Glibc)
import Glibc
#endif

/// The real `newslens serve --data-dir` binary: clients post articles concurrently, the process is killed
/// with SIGKILL while posts are in flight, and after a restart on the same directory every article whose
/// 201 had been received is there (acknowledged means on disk).
@Suite struct LiveDurabilityTests {
    @Test func everyAcknowledgedArticleSurvivesSIGKILL() async throws {
        let binary = try #require(ServerProcess.binary(), """
            newslens binary not found beside the test bundle: build it (swift build --product newslens) or set NEWSLENS_BIN
            """)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newslens-kill-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }

        let first = try ServerProcess(binary: binary, arguments: ["--data-dir", dir])
        let shared = KillRun()
        let port = first.port
        let attempts = try await onThreads(7) { client -> Int in
            if client == 6 {
                // The killer: wait for some acknowledged posts, then SIGKILL mid-stream.
                while shared.acknowledged.withLock({ $0.count }) < 30 { usleep(5_000) }
                first.kill()
                shared.killed.store(true, ordering: .relaxed)
                return 0
            }
            var sent = 0
            var k = 0
            while !shared.killed.load(ordering: .relaxed) && k < 500 {
                guard let c = try? HTTPClient(port: port, timeoutSeconds: 30) else { break }
                sent += 1
                let text = Articles.numbered(client * 1000 + k)
                k += 1
                guard let response = try? c.request("POST", "/v1/articles", contentType: "text/plain", text) else { break }
                if response.status == 201, let id = response.json["id"]?.stringValue {
                    shared.acknowledged.withLock { $0.append(id) }
                }
            }
            return sent
        }
        let wasKilled = shared.killed.load(ordering: .relaxed)
        #expect(wasKilled)
        first.wait()
        let ids = shared.acknowledged.withLock { $0 }
        #expect(ids.count >= 30)
        #expect(attempts.reduce(0, +) > ids.count, "posts were still in flight when the server was killed")

        let second = try ServerProcess(binary: binary, arguments: ["--data-dir", dir])
        defer { second.terminate() }
        _ = try await onThreads { _ in
            let c = try HTTPClient(port: second.port)
            var missing: [String] = []
            for id in ids where try c.request("GET", "/v1/articles/\(id)").status != 200 { missing.append(id) }
            #expect(missing.isEmpty, "acknowledged but lost after SIGKILL: \(missing)")
            let stored = try c.request("GET", "/readyz").json["articles"]?.intValue ?? 0
            #expect(stored >= ids.count)
            // Writes work again after the restart.
            #expect(try c.request("POST", "/v1/articles", contentType: "text/plain", Articles.election).status == 201)
        }
    }
}

/// What the clients and the killer of one run share.
final class KillRun: Sendable {
    /// Ids whose 201 response was received in full.
    let acknowledged = Locked<[String]>([])
    let killed = Atomic<Bool>(false)
}

/// `newslens serve` as a child process on a free port, ready once `/readyz` answers 200. Started and
/// reaped by `SpawnedProcess` (posix_spawn + waitpid, not Foundation's `Process`).
final class ServerProcess: @unchecked Sendable {
    let process: SpawnedProcess
    private(set) var port = 0
    let logPath: String

    /// `NEWSLENS_BIN`, else `newslens` beside the test bundle (the build folder).
    static func binary() -> String? {
        if let path = ProcessInfo.processInfo.environment["NEWSLENS_BIN"], FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("newslens").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// Writes the server's log to `logPath` (per-request lines included: a pipe nobody drains would
    /// block the server), which is read for the bound port.
    init(binary: String, arguments: [String]) throws {
        logPath = FileManager.default.temporaryDirectory.appendingPathComponent("newslens-\(UUID().uuidString).log").path
        process = try SpawnedProcess(
            executable: binary,
            arguments: ["serve", "--host", "127.0.0.1", "--port", "0", "--public", "/nonexistent", "--log-level", "info"]
                + arguments,
            standardErrorPath: logPath)
        // An early line names the bound port: `msg=listening address=127.0.0.1:PORT`.
        let deadline = ContinuousClock.now + .seconds(60)
        var text = ""
        while port == 0 && ContinuousClock.now < deadline {
            let running = process.isRunning  // before the read: an exited child's log is complete
            text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            if let range = text.range(of: "address=127.0.0.1:") {
                port = Int(text[range.upperBound...].prefix { $0.isNumber }) ?? 0
            } else if !running {
                break
            } else {
                usleep(10_000)
            }
        }
        guard port > 0 else { throw Failure.noPort(stopAfterFailure(text)) }
        while ContinuousClock.now < deadline {
            if let c = try? HTTPClient(port: port, timeoutSeconds: 5), let r = try? c.request("GET", "/readyz"), r.status == 200 {
                return
            }
            usleep(20_000)
        }
        throw Failure.notReady(stopAfterFailure((try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""))
    }

    /// Ends a child that failed to start; what it did and its log, for the failure message.
    private func stopAfterFailure(_ log: String) -> String {
        process.terminate()
        let ended = process.waitUntilExit(seconds: 5).map { "\($0)" } ?? "still running"
        return "\(ended); log: \(log)"
    }

    deinit { try? FileManager.default.removeItem(atPath: logPath) }

    enum Failure: Error { case noPort(String), notReady(String) }

    func kill() { process.kill() }

    func wait() { process.waitUntilExit(seconds: 30) }

    func terminate() {
        process.terminate()
        process.waitUntilExit(seconds: 30)
    }
}
