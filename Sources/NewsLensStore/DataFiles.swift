#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file operation that failed, with errno and its text ("No space left on device").
struct FileError: Error, CustomStringConvertible {
    var operation: String
    var path: String
    var code: Int32
    var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
}

/// Lets tests make file operations fail as a full or read-only disk would (ENOSPC, EROFS, EIO).
final class FaultInjector: @unchecked Sendable {
    enum Operation: Sendable { case open, write, sync, truncate, rename }
    private let mutex = Mutex()
    private var rule: (@Sendable (Operation, String) -> Int32?)?

    init(_ rule: (@Sendable (Operation, String) -> Int32?)? = nil) { self.rule = rule }

    func set(_ rule: (@Sendable (Operation, String) -> Int32?)?) { mutex.withLock { self.rule = rule } }
    func errno(for op: Operation, _ path: String) -> Int32? { mutex.withLock { rule?(op, path) } }
}

/// The few POSIX file operations the journal needs, each reporting errno, with optional fault injection.
struct DataFiles: Sendable {
    let directory: String
    let faults: FaultInjector?

    func path(_ name: String) -> String { directory + "/" + name }

    private func injected(_ op: FaultInjector.Operation, _ path: String) -> Int32? { faults?.errno(for: op, path) }

    /// Opens `name` for reading and writing, creating it when asked.
    func open(_ name: String, create: Bool) throws(FileError) -> Int32 {
        let p = path(name)
        if let e = injected(.open, p) { throw FileError(operation: "open", path: p, code: e) }
        let fd = Glibc.open(p, O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0o644)
        if fd < 0 { throw FileError(operation: "open", path: p, code: errno) }
        return fd
    }

    /// Writes all of `bytes` at `offset` (retrying short writes and EINTR).
    func write(_ fd: Int32, _ bytes: [UInt8], at offset: Int, name: String) throws(FileError) {
        if let e = injected(.write, path(name)) { throw FileError(operation: "write", path: path(name), code: e) }
        var done = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { b in
            while done < b.count {
                let n = pwrite(fd, b.baseAddress! + done, b.count - done, off_t(offset + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { failure = EIO; return }
                done += n
            }
        }
        if failure != 0 { throw FileError(operation: "write", path: path(name), code: failure) }
    }

    func sync(_ fd: Int32, name: String) throws(FileError) {
        if let e = injected(.sync, path(name)) { throw FileError(operation: "fsync", path: path(name), code: e) }
        if fdatasync(fd) != 0 { throw FileError(operation: "fsync", path: path(name), code: errno) }
    }

    func truncate(_ fd: Int32, to size: Int, name: String) throws(FileError) {
        if let e = injected(.truncate, path(name)) { throw FileError(operation: "truncate", path: path(name), code: e) }
        if ftruncate(fd, off_t(size)) != 0 { throw FileError(operation: "truncate", path: path(name), code: errno) }
    }

    /// Makes renames, creations and removals in the directory durable.
    func syncDirectory() throws(FileError) {
        if let e = injected(.sync, directory) { throw FileError(operation: "fsync", path: directory, code: e) }
        let fd = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw FileError(operation: "open", path: directory, code: errno) }
        defer { close(fd) }
        if fsync(fd) != 0 { throw FileError(operation: "fsync", path: directory, code: errno) }
    }

    func rename(_ from: String, _ to: String) throws(FileError) {
        if let e = injected(.rename, path(to)) { throw FileError(operation: "rename", path: path(to), code: e) }
        if Glibc.rename(path(from), path(to)) != 0 { throw FileError(operation: "rename", path: path(to), code: errno) }
    }

    func remove(_ name: String) { unlink(path(name)) }

    func size(_ fd: Int32) -> Int {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int(st.st_size) : 0
    }

    /// File names in the directory.
    func list() -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Calls `body` with the whole file mapped read-only (empty for an empty or unreadable file).
    func withMappedFile<T>(_ name: String, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        let fd = Glibc.open(path(name), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        defer { close(fd) }
        let n = size(fd)
        guard n > 0, let base = mmap(nil, n, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            return body(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        defer { munmap(base, n) }
        madvise(base, n, MADV_SEQUENTIAL)
        return body(UnsafeRawBufferPointer(start: base, count: n))
    }

    /// Creates the directory (and parents) when missing.
    static func makeDirectory(_ path: String) throws(FileError) {
        var st = stat()
        if stat(path, &st) == 0 {
            guard st.st_mode & S_IFMT == S_IFDIR else { throw FileError(operation: "use", path: path, code: ENOTDIR) }
            return
        }
        let parent = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if !parent.isEmpty && parent != path { try makeDirectory(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw FileError(operation: "mkdir", path: path, code: errno) }
    }
}
