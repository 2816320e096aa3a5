import CSocketShims
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Immutable bytes mirrored in an unnamed file, so a plain socket can send them with sendfile: the kernel
/// hands the file's pages to the socket instead of copying the bytes from user memory per response (the copy
/// was most of the CPU a 17 KB response cost, BENCHMARKS.md). `bytes` stays the source of truth for streams
/// that cannot use it (TLS encrypts in user space).
///
/// Where the file lives: an O_TMPFILE file (no name, gone with its descriptor) in `directory` — `$TMPDIR` or
/// /tmp — when that is a disk filesystem, because sendfile reads the page cache of such a file in batches
/// while a memfd's shared memory is looked up page by page (a 17 KB body: about 6 % more requests per second
/// with the page cache, BENCHMARKS.md); the descriptor kept is read-only. Otherwise (tmpfs, no O_TMPFILE, a
/// full disk) an anonymous memfd, sealed against writes. Either way, pages still queued in sockets when the
/// descriptor closes stay correct. Like any file a server sends, a page the kernel evicted under memory
/// pressure is read back from disk on its next sendfile.
///
/// A mirror is a second copy of the bytes (page cache or shared memory, outside the process's RSS), so
/// mirrors are kept within two budgets: descriptors (a quarter of RLIMIT_NOFILE, so connections never run
/// short) and bytes (`byteBudget`, page-rounded), whatever the size of the bodies that ask for one.
public final class BodyFile: Sendable {
    public let fileDescriptor: Int32
    public let count: Int
    /// Bytes charged to `byteBudget`: `count` rounded up to whole pages.
    private let charge: Int

    /// nil when the file cannot be made (no memfd on this system, or a budget is spent): callers keep
    /// sending the bytes themselves.
    public init?(_ bytes: [UInt8]) {
        let charge = (bytes.count + 4095) & ~4095
        guard Self.reserve(charge) else { return nil }
        let fd = bytes.withUnsafeBytes { body in
            Self.directory.withCString { directory in
                newslens_body_file(Self.directory.isEmpty ? nil : directory, body.baseAddress, body.count)
            }
        }
        guard fd >= 0 else {
            Self.release(charge)
            return nil
        }
        fileDescriptor = fd
        count = bytes.count
        self.charge = charge
    }

    deinit {
        _ = Glibc.close(fileDescriptor)
        Self.release(charge)
    }

    /// sendfile(2) of `count` bytes from `offset` (advanced) to `socket`: bytes sent, or -1 with errno.
    func send(to socket: Int32, offset: inout Int, count: Int) -> Int {
        newslens_sendfile(socket, fileDescriptor, &offset, count)
    }

    /// The directory for O_TMPFILE mirrors: `$TMPDIR` or /tmp; empty (memfd only) when it is tmpfs, where a
    /// file is the same shared memory as a memfd.
    public static let directory: String = {
        let candidate = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return newslens_is_tmpfs(candidate) != 0 ? "" : candidate
    }()

    /// Body files open now.
    public static var openCount: Int { live.load(ordering: .relaxed) }
    /// Bytes (page-rounded) held by body files now.
    public static var openBytes: Int { liveBytes.load(ordering: .relaxed) }

    private static func reserve(_ charge: Int) -> Bool {
        guard live.add(1, ordering: .relaxed).newValue <= budget else {
            live.subtract(1, ordering: .relaxed)
            return false
        }
        guard liveBytes.add(charge, ordering: .relaxed).newValue <= byteBudget else {
            liveBytes.subtract(charge, ordering: .relaxed)
            live.subtract(1, ordering: .relaxed)
            return false
        }
        return true
    }

    private static func release(_ charge: Int) {
        liveBytes.subtract(charge, ordering: .relaxed)
        live.subtract(1, ordering: .relaxed)
    }

    private static let live = Atomic<Int>(0)
    private static let liveBytes = Atomic<Int>(0)
    /// At most a quarter of the process's descriptor limit, so connections never run short because of bodies.
    public static let budget: Int = {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        return Int(min(limit.rlim_cur, 1 << 20) / 4)
    }()
    /// At most 64 MiB of mirrors: the hot set of a busy server (some 3,000 typical 17 KB articles), never a
    /// copy of a whole store of large articles.
    public static let byteBudget = 64 << 20
}
