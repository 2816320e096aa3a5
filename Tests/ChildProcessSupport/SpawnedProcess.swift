import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A child process for tests that run `newslens serve` as a separate process: started with posix_spawn,
/// waited for by its owner alone (waitpid on its own pid), so one child can never stall another's wait.
///
/// Foundation's `Process` is avoided on purpose. On Linux it learns that a child exited through one end of a
/// socket pair that the child inherits, and a single monitor thread serves every `Process` in the test
/// process: a child that closes that end early (as a shell closing inherited descriptors does) makes the
/// monitor block in waitpid on a still-running child, and every other child's wait hangs with it.
/// Here the child inherits nothing but stdin and stdout (/dev/null) and stderr (a log file): every other
/// descriptor of the test process is closed in the child, so it neither counts against a low descriptor
/// limit nor keeps other tests' sockets open.
public final class SpawnedProcess: @unchecked Sendable {
    /// How a child ended.
    public enum Termination: Equatable, Sendable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)
        /// Reaped by someone else (waitpid said ECHILD): the status is lost.
        case unknown

        init(waitStatus: Int32) {
            // <sys/wait.h>: the low 7 bits are the terminating signal (0 when it exited), the next 8 the exit code.
            let signal = waitStatus & 0x7f
            self = signal == 0 ? .exited((waitStatus >> 8) & 0xff) : .signalled(signal)
        }

        /// The exit code, or 128 + the signal number (as a shell reports it), or -1 when unknown.
        public var status: Int32 {
            switch self {
            case .exited(let code): return code
            case .signalled(let signal): return 128 + signal
            case .unknown: return -1
            }
        }

        public var description: String {
            switch self {
            case .exited(let code): return "exit status \(code)"
            case .signalled(let signal): return "killed by signal \(signal)"
            case .unknown: return "exit status unknown"
            }
        }
    }

    public struct SpawnError: Error, CustomStringConvertible {
        public let description: String
    }

    public let processIdentifier: pid_t
    private let lock = NSLock()
    private var termination: Termination?

    /// Starts `executable` with `arguments`; its stderr is appended to `standardErrorPath` (created if
    /// missing). `descriptorLimit` sets RLIMIT_NOFILE for the child (`ulimit -n` in bash, which then execs);
    /// `dropToNobody` runs it as uid/gid 65534 through setpriv when the tests run as root (root writes
    /// through any file mode). Both need only bash and util-linux, present on every Linux CI image.
    public init(executable: String, arguments: [String], standardErrorPath: String,
                descriptorLimit: Int? = nil, dropToNobody: Bool = false) throws {
        let closeFrom = Self.addCloseFrom
        let drop = dropToNobody && geteuid() == 0
        var words = [executable] + arguments
        if descriptorLimit != nil || drop || closeFrom == nil {
            // Without posix_spawn_file_actions_addclosefrom_np (glibc < 2.34) the shell closes every
            // inherited descriptor above 2 itself, before the limit applies.
            var script = closeFrom == nil
                ? "for f in /proc/$$/fd/*; do n=${f##*/}; if [ \"$n\" -gt 2 ]; then eval \"exec $n>&-\"; fi; done; "
                : ""
            if let descriptorLimit { script += "ulimit -n \(descriptorLimit) && " }
            script += "exec " + (drop ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "") + "\"$0\" \"$@\""
            words = ["/bin/bash", "-c", script] + words
        }

        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        let strings: [UnsafeMutablePointer<CChar>] = ([words[0], "/dev/null", standardErrorPath] + words).map { strdup($0)! }
        defer { strings.forEach { free($0) } }
        let environment: [UnsafeMutablePointer<CChar>?] = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") }
        defer { environment.forEach { free($0) } }
        let path = strings[0], null = strings[1], log = strings[2]
        let argv: [UnsafeMutablePointer<CChar>?] = strings[3...].map { $0 } + [nil]
        let envp = environment + [nil]

        var failures: [String] = []
        func check(_ result: Int32, _ what: String) {
            if result != 0 { failures.append("\(what): \(String(cString: strerror(result)))") }
        }
        check(posix_spawn_file_actions_addopen(&actions, 0, null, O_RDONLY, 0), "stdin")
        check(posix_spawn_file_actions_addopen(&actions, 1, null, O_WRONLY, 0), "stdout")
        check(posix_spawn_file_actions_addopen(&actions, 2, log, O_WRONLY | O_APPEND | O_CREAT, 0o644), "stderr")
        if let closeFrom { check(closeFrom(&actions, 3), "close from 3") }
        // Signal dispositions the test process ignores (SIGPIPE…) and its threads' blocked signals would
        // otherwise pass through exec: the child starts with defaults and nothing blocked.
        var signals = sigset_t()
        sigemptyset(&signals)
        check(posix_spawnattr_setsigmask(&attributes, &signals), "signal mask")
        sigfillset(&signals)
        check(posix_spawnattr_setsigdefault(&attributes, &signals), "signal defaults")
        check(posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)), "flags")
        guard failures.isEmpty else { throw SpawnError(description: "posix_spawn setup: \(failures)") }

        var pid: pid_t = 0
        let result = argv.withUnsafeBufferPointer { argv in
            envp.withUnsafeBufferPointer { envp in
                posix_spawn(&pid, path, &actions, &attributes, argv.baseAddress!, envp.baseAddress!)
            }
        }
        guard result == 0 else {
            throw SpawnError(description: "posix_spawn \(words[0]): \(String(cString: strerror(result)))")
        }
        processIdentifier = pid
    }

    /// A child still running when its owner lets go is killed and reaped: no stray server, no zombie.
    deinit {
        if reapIfExited() == nil {
            kill()
            _ = waitForExit(seconds: 10)
        }
    }

    /// True until the child has exited (and then it is reaped).
    public var isRunning: Bool { reapIfExited() == nil }

    /// How the child ended, once it has.
    public var exitTermination: Termination? { reapIfExited() }

    /// SIGTERM (graceful shutdown).
    public func terminate() { send(SIGTERM) }

    /// SIGKILL (as a crash or power cut would end it).
    public func kill() { send(SIGKILL) }

    /// Waits up to `seconds` for the child to exit; a child still running then gets SIGKILL and up to 10 s
    /// more. Never blocks without bound: nil only if even SIGKILL did not end it in time.
    @discardableResult
    public func waitUntilExit(seconds: Double = 30) -> Termination? {
        if let ended = waitForExit(seconds: seconds) { return ended }
        kill()
        return waitForExit(seconds: 10)
    }

    private func waitForExit(seconds: Double) -> Termination? {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        var pause: useconds_t = 1_000
        while true {
            if let ended = reapIfExited() { return ended }
            if ContinuousClock.now >= deadline { return nil }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
    }

    /// waitpid with WNOHANG, under the lock: exactly one caller reaps, and everyone sees the result.
    private func reapIfExited() -> Termination? {
        lock.lock()
        defer { lock.unlock() }
        if let termination { return termination }
        var status: Int32 = 0
        while true {
            let reaped = waitpid(processIdentifier, &status, WNOHANG)
            if reaped == processIdentifier {
                termination = Termination(waitStatus: status)
            } else if reaped == 0 {
                return nil
            } else if errno == EINTR {
                continue
            } else {
                termination = .unknown
            }
            return termination
        }
    }

    /// Signals only a child not yet reaped (under the lock), so a recycled pid is never hit.
    private func send(_ signal: Int32) {
        lock.lock()
        defer { lock.unlock() }
        if termination == nil { _ = Glibc.kill(processIdentifier, signal) }
    }

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// posix_spawn_file_actions_addclosefrom_np (glibc 2.34+), looked up at run time: Swift's Glibc module
    /// leaves it out (it needs _GNU_SOURCE), and a direct reference would stop the tests loading on an
    /// older glibc, where the shell closes the descriptors instead.
    private static let addCloseFrom: AddCloseFrom? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            return nil
        }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()
}
