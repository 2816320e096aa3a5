#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serves files under one folder (the web UI in `Public/`) for GET and HEAD: "/" → index.html, content
/// types by extension, ETag/304 and gzip through `PreparedBody`.
///
/// Nothing outside the folder is reachable: the path is percent-decoded first, "." / ".." segments and
/// dot-files are refused, and the real path (symlinks resolved) must lie inside the folder's real path.
/// Files are cached in memory and re-checked (size, mtime) at most once a second.
public final class StaticFiles: Sendable {
    public let root: String
    /// Real path of the root, without trailing slash; nil when the folder does not exist.
    private let realRoot: String?
    /// Pthread mutexes (`Locked`), not `Synchronization.Mutex`: ThreadSanitizer cannot see the latter.
    private let cache = Locked<[String: Entry]>([:])
    /// Request path → body served, and when it was last checked against the file system.
    private let recent = Locked<[String: (at: UInt64, body: PreparedBody)]>([:])
    /// Larger files are not served (this is for a small web UI, not downloads).
    public let maxFileBytes: Int

    private struct Entry {
        var realPath: String
        var size: Int
        var modified: Int
        var checked: UInt64
        var body: PreparedBody
    }

    public init(root: String, maxFileBytes: Int = 32 * 1024 * 1024) {
        self.root = root
        self.maxFileBytes = maxFileBytes
        realRoot = Self.realPath(root)
    }

    /// Whether the folder exists.
    public var isAvailable: Bool { realRoot != nil }

    /// A handler for `Router.fallback`.
    public func respond(to request: Request) -> Response {
        guard let realRoot else { return notFound() }
        let path = request.path
        // Hot path: a path served less than a second ago needs no file-system call at all.
        let now = MonotonicClock.now()
        if let body = recent.withLock({ cached in cached[path].flatMap { now &- $0.at < 1_000_000_000 ? $0.body : nil } }) {
            return Response(prepared: body, headers: Self.cacheHeaders)
        }
        let response = resolve(path, realRoot: realRoot)
        if case .prepared(let body) = response.body, response.status == .ok {
            recent.withLock {
                if $0.count > 1024 { $0.removeAll() }
                $0[path] = (now, body)
            }
        }
        return response
    }

    private static let cacheHeaders = [HTTPField("Cache-Control", "no-cache")]

    private func resolve(_ path: String, realRoot: String) -> Response {
        let raw = Array(path.utf8)
        guard let decoded = PercentDecoding.decode(raw), !decoded.contains(0) else {
            return .problem(.badRequest, "The path has a malformed percent-escape.")
        }
        var segments: [String] = []
        for part in decoded.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            // "." and ".." (also when sent as %2e), dot-files such as .git, and backslashes are refused.
            if part.first == UInt8(ascii: ".") || part.contains(UInt8(ascii: "\\")) { return notFound() }
            segments.append(String(decoding: part, as: UTF8.self))
        }
        let wantsDirectory = decoded.last == UInt8(ascii: "/")
        var candidate = realRoot + (segments.isEmpty ? "" : "/" + segments.joined(separator: "/"))
        if Self.isDirectory(candidate) {
            if !wantsDirectory {
                // "/docs" → "/docs/" so relative links inside the page resolve.
                return .empty(status: .movedPermanently, headers: [HTTPField("Location", path + "/")])
            }
            candidate += "/index.html"
        } else if wantsDirectory {
            return notFound()
        }
        guard let body = load(candidate, realRoot: realRoot) else { return notFound() }
        return Response(prepared: body, headers: Self.cacheHeaders)
    }

    private func load(_ candidate: String, realRoot: String) -> PreparedBody? {
        let now = MonotonicClock.now()
        if let entry = cache.withLock({ $0[candidate] }), now &- entry.checked < 1_000_000_000 {
            return entry.body
        }
        // Symlinks are followed only when their target stays inside the root.
        guard let real = Self.realPath(candidate), real.hasPrefix(realRoot + "/") else { return nil }
        var info = stat()
        guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) <= maxFileBytes else {
            return nil
        }
        let modified = Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec)
        if let entry = cache.withLock({ $0[candidate] }), entry.realPath == real, entry.size == Int(info.st_size),
           entry.modified == modified
        {
            cache.withLock { $0[candidate]?.checked = now }
            return entry.body
        }
        guard let bytes = Self.readFile(real, expected: Int(info.st_size)) else { return nil }
        let body = PreparedBody(contentType: MediaTypes.forPath(real), bytes: bytes)
        cache.withLock {
            if $0.count > 1024 { $0.removeAll() }  // bounded: a UI folder has far fewer files
            $0[candidate] = Entry(realPath: real, size: Int(info.st_size), modified: modified, checked: now, body: body)
        }
        return body
    }

    private func notFound() -> Response { .problem(.notFound, "Nothing is served at this path.") }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func readFile(_ path: String, expected: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { _ = Glibc.close(fd) }
        var bytes = [UInt8](repeating: 0, count: expected)
        var filled = 0
        while filled < expected {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, expected - filled) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            filled += n
        }
        return filled == expected ? bytes : nil
    }
}
