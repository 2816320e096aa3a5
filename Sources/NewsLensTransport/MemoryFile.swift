import CSocketShims
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Immutable bytes mirrored in an anonymous in-memory file (memfd), so a plain socket can send them with
/// sendfile: the kernel hands the file's pages to the socket instead of copying the bytes from user memory
/// per response (the copy was most of the CPU a 17 KB response cost, BENCHMARKS.md). `bytes` stays the
/// source of truth for streams that cannot use it (TLS encrypts in user space). Never written after
/// creation, so pages still queued in sockets when the descriptor closes stay correct.
public final class MemoryFile: Sendable {
    public let fileDescriptor: Int32
    public let count: Int

    /// nil when the file cannot be made (no memfd on this system, or the descriptor budget is spent):
    /// callers keep sending the bytes themselves.
    public init?(_ bytes: [UInt8]) {
        guard Self.live.add(1, ordering: .relaxed).newValue <= Self.budget else {
            Self.live.subtract(1, ordering: .relaxed)
            return nil
        }
        let fd = bytes.withUnsafeBytes { newslens_memory_file($0.baseAddress, $0.count) }
        guard fd >= 0 else {
            Self.live.subtract(1, ordering: .relaxed)
            return nil
        }
        fileDescriptor = fd
        count = bytes.count
    }

    deinit {
        _ = Glibc.close(fileDescriptor)
        Self.live.subtract(1, ordering: .relaxed)
    }

    /// sendfile(2) of `count` bytes from `offset` (advanced) to `socket`: bytes sent, or -1 with errno.
    func send(to socket: Int32, offset: inout Int, count: Int) -> Int {
        newslens_sendfile(socket, fileDescriptor, &offset, count)
    }

    /// Memory files open now.
    public static var openCount: Int { live.load(ordering: .relaxed) }

    private static let live = Atomic<Int>(0)
    /// At most a quarter of the process's descriptor limit, so connections never run short because of bodies.
    public static let budget: Int = {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        return Int(min(limit.rlim_cur, 1 << 20) / 4)
    }()
}
