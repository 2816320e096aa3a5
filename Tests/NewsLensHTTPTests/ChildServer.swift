import ChildProcessSupport
import Foundation
import NewsLensHTTP

#if canImport(Glibc)
import Glibc
#endif

/// `newslens serve` as a child process, optionally with a low descriptor limit or as an unprivileged user
/// (when the tests run as root), so running out of descriptors or meeting a read-only directory hits only
/// the child, never the test process. Started and reaped by `SpawnedProcess` (posix_spawn + waitpid; see
/// there why not Foundation's `Process`): the child inherits no descriptor of the test process but
/// stdin/stdout (/dev/null) and stderr (its log file).
final class ChildServer {
    let process: SpawnedProcess
    let port: Int
    private let logPath: String

    /// How long the child may take to log its bound port: generous, for a loaded 2-core CI machine.
    static let startTimeout = 30.0

    enum Failure: Error, CustomStringConvertible {
        case missingBinary(String), didNotStart(String)
        var description: String {
            switch self {
            case .missingBinary(let path): return "no newslens binary at \(path): build it first (swift build)"
            case .didNotStart(let log): return "newslens serve did not start: \(log)"
            }
        }
    }

    /// The `newslens` built beside this test bundle (`swift build --build-tests` builds both).
    static var binaryPath: String {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        if directory.lastPathComponent.hasSuffix(".xctest") { directory = directory.deletingLastPathComponent() }
        return directory.appendingPathComponent("newslens").path
    }

    /// `runAsNobody` drops to uid/gid 65534 when the test process is root (root writes through any mode).
    init(descriptorLimit: Int = 1024, runAsNobody: Bool = false, arguments: [String]) throws {
        let binary = Self.binaryPath
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw Failure.missingBinary(binary) }
        let logPath = FileManager.default.temporaryDirectory.appendingPathComponent("newslens-child-\(UUID().uuidString).log").path
        let child = try SpawnedProcess(
            executable: binary,
            arguments: ["serve", "--host", "127.0.0.1", "--port", "0", "--public", "/nonexistent", "--log-level", "info"]
                + arguments,
            standardErrorPath: logPath, descriptorLimit: descriptorLimit, dropToNobody: runAsNobody)
        // The log names the bound port: `msg=listening address=127.0.0.1:PORT scheme=http`.
        let deadline = ContinuousClock.now + .seconds(Self.startTimeout)
        var found: Int?
        while found == nil {
            let running = child.isRunning  // before the read: an exited child's log is complete
            found = Self.listeningPort(in: Self.read(logPath))
            if found != nil || !running || ContinuousClock.now >= deadline { break }
            usleep(20_000)
        }
        guard let found else {
            let running = child.isRunning
            if running { child.terminate() }
            let ended = child.waitUntilExit(seconds: 5).map { "\($0)" } ?? "still running"
            let how = running ? "no listening line within \(Self.startTimeout) s (then \(ended))" : ended
            let log = Self.read(logPath)
            try? FileManager.default.removeItem(atPath: logPath)
            throw Failure.didNotStart("\(how); log: \(log)")
        }
        process = child
        self.logPath = logPath
        port = found
    }

    deinit {
        try? FileManager.default.removeItem(atPath: logPath)
    }

    var log: String { Self.read(logPath) }

    private static func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    private static func listeningPort(in log: String) -> Int? {
        guard let line = log.split(separator: "\n").first(where: { $0.contains("msg=listening") }),
              let range = line.range(of: "address=127.0.0.1:") else { return nil }
        return Int(line[range.upperBound...].prefix { $0.isNumber })
    }

    /// User + system CPU seconds the child has used so far (/proc/PID/stat fields 14 and 15).
    var cpuSeconds: Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return .nan }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After "pid (comm)": state is field 3, so utime (14) and stime (15) are at offsets 11 and 12.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return .nan }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Descriptors the child has open now.
    var openDescriptors: Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(process.processIdentifier)/fd").count) ?? -1
    }

    /// SIGTERM, then the exit status (graceful shutdown exits 0). A child still running after 30 s gets
    /// SIGKILL (status 137): never a hang.
    func stop() -> Int32 {
        process.terminate()
        return process.waitUntilExit(seconds: 30)?.status ?? -1
    }

    /// One GET on a new connection; the status, or nil when it failed or timed out.
    func status(of path: String, timeout: Double = 2) -> Int? {
        (try? exchange(request("GET", path), timeout: timeout))?.status
    }

    /// One request on a new connection.
    func exchange(_ text: String, timeout: Double = 10) throws -> RawResponse {
        let client = try RawClient(port: port, timeout: timeout)
        client.send(text)
        return try client.readResponse()
    }

    /// Waits until `/readyz` says the store is loaded.
    func waitUntilReady() -> Bool {
        for _ in 0..<500 {
            if status(of: "/readyz") == 200 { return true }
            usleep(20_000)
        }
        return false
    }

    /// Ends the child at once, as a crash or power cut would (no graceful flush).
    func kill9() {
        process.kill()
        process.waitUntilExit(seconds: 10)
    }
}
