import Foundation
import NewsLensHTTP

#if canImport(Glibc)
import Glibc
#endif

/// `newslens serve` as a child process, optionally with a low descriptor limit (`ulimit -n` in bash,
/// then exec) or as an unprivileged user (`setpriv`, when the tests run as root), so running out of
/// descriptors or meeting a read-only directory hits only the child, never the test process.
final class ChildServer {
    let process = Process()
    let port: Int
    private let logPath: String

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
        logPath = FileManager.default.temporaryDirectory.appendingPathComponent("newslens-child-\(UUID().uuidString).log").path
        FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/bin/bash")  // bash: `exec 12>&-` (dash reads fds 0-9 only)
        let drop = runAsNobody && geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : ""
        // Descriptors the test process leaked without close-on-exec would count against the child's limit
        // (and keep other tests' sockets open): the shell closes everything above 2 first.
        // No redirection near the loop: bash would save and restore through a descriptor the loop closes.
        // A unix-domain socket stays open (moved to descriptor 3, under any `ulimit -n`): it is Foundation's
        // end of the socket pair by which `Process` learns that the child exited. Closed early, Foundation's single manager thread takes it for the exit and
        // blocks in waitpid on the still-running server, and every other `Process` wait in the test process
        // (other suites' children) hangs until this server stops: a deadlock across suites.
        // (`ulimit -n` and setpriv need no more than bash and util-linux, present on every Linux CI image.)
        let closeInherited = "for fd in $(ls /proc/$$/fd); do if [ \"$fd\" -gt 2 ]; then "
            + "l=$(readlink /proc/$$/fd/$fd); case \"$l\" in socket:*) i=${l#socket:?}; i=${i%?}; "
            + "if grep -qE \" $i( |$)\" /proc/net/unix; then "
            + "if [ \"$fd\" != 3 ]; then eval \"exec 3>&$fd\"; eval \"exec $fd>&-\"; fi; continue; fi;; esac; "
            + "eval \"exec $fd>&-\"; fi; done; "
        process.arguments = ["-c", closeInherited + "ulimit -n \(descriptorLimit) && exec \(drop)\"$0\" \"$@\"", binary, "serve",
                             "--host", "127.0.0.1", "--port", "0", "--public", "/nonexistent",
                             "--log-level", "info"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: logPath)
        try process.run()
        // The log names the bound port: `msg=listening address=127.0.0.1:PORT scheme=http`.
        var found: Int?
        for _ in 0..<300 where found == nil && process.isRunning {
            usleep(20_000)
            found = Self.listeningPort(in: Self.read(logPath))
        }
        guard let found else {
            let running = process.isRunning
            if running { process.terminate() }
            process.waitUntilExit()
            throw Failure.didNotStart((running ? "" : "exit status \(process.terminationStatus); ") + Self.read(logPath))
        }
        port = found
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
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

    /// SIGTERM, then the exit status (graceful shutdown exits 0).
    func stop() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
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
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
