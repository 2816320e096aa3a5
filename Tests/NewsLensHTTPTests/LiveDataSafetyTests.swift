import Foundation
import NewsLensHTTP
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `newslens serve --data-dir` as a child process meeting storage that refuses writes, for real: the
/// kernel refusing to grow the journal (RLIMIT_FSIZE set on the running server: its writes fail with
/// EFBIG exactly where a full disk fails with ENOSPC), and a data directory the server's user cannot write.
/// Writes must fail with 503 and a clear detail, reads go on, and nothing acknowledged is ever lost — even
/// when the process is killed outright afterwards.
@Suite(.serialized) struct LiveDataSafetyTests {
    static func article(_ n: Int) -> String {
        "WELLINGTON — The harbour board approved ferry plan \(n) on Monday after a long debate, officials said.\n\n"
            + "\"We are pleased with plan \(n),\" said board chair Ana Silva. The vote was 5 to 2."
    }

    static func store(_ child: ChildServer, _ n: Int) throws -> RawResponse {
        try child.exchange(request("POST", "/v1/articles", ["Content-Type: text/plain; charset=utf-8"], body: article(n)))
    }

    static func id(of response: RawResponse) -> String? {
        guard let range = response.text.range(of: "\"id\":\"") else { return nil }
        return String(response.text[range.upperBound...].prefix { $0 != "\"" })
    }

    static func journalBytes(_ directory: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasPrefix("journal-") }.reduce(0) { total, name in
            total + ((try? FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.size] as? Int) ?? 0)
        }
    }

    /// Sets the running child's file-size limit (soft; the hard limit stays, so it can be raised again).
    static func setFileSizeLimit(_ pid: pid_t, _ bytes: rlim_t?) {
        var current = rlimit()
        _ = processLimit(pid, Int32(RLIMIT_FSIZE.rawValue), nil, &current)
        var wanted = current
        wanted.rlim_cur = bytes ?? current.rlim_max
        let status = processLimit(pid, Int32(RLIMIT_FSIZE.rawValue), &wanted, nil)
        #expect(status == 0, "prlimit: \(String(cString: strerror(errno)))")
    }

    static func temporaryDirectory() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("newslens-data-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func fullStorageRefusesWritesWith503KeepsReadsAndLosesNothing() async throws {
        try await onOwnThread {
            let directory = Self.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let child = try ChildServer(arguments: ["--data-dir", directory])
            #expect(child.waitUntilReady())
            let first = try Self.store(child, 1)
            let second = try Self.store(child, 2)
            #expect(first.status == 201 && second.status == 201, "\(first.text) \(second.text)")
            let ids = [Self.id(of: first), Self.id(of: second)].compactMap { $0 }
            #expect(ids.count == 2)

            // The journal may not grow by a single byte any more.
            let journal = Self.journalBytes(directory)
            Self.setFileSizeLimit(child.process.processIdentifier, rlim_t(journal))
            let refused = try Self.store(child, 3)
            #expect(refused.status == 503, "\(refused.status) \(refused.text)")
            #expect(refused.header("Content-Type") == "application/problem+json")
            #expect(refused.text.contains("could not be made durable") && refused.text.contains("File too large"), "\(refused.text)")
            #expect(refused.header("Retry-After") != nil)
            let deleted = try child.exchange(request("DELETE", "/v1/articles/\(ids[0])"))
            #expect(deleted.status == 503, "\(deleted.text)")
            // Reads go on, and show exactly the acknowledged articles.
            for id in ids { #expect(child.status(of: "/v1/articles/\(id)") == 200) }
            #expect(try child.exchange(request("GET", "/readyz")).text.contains("\"writable\":false"))
            #expect(Self.journalBytes(directory) == journal, "the refused write left bytes in the journal")
            #expect(child.process.isRunning, "the server died on the refused write: \(child.log.suffix(500))")

            // Room again: writes resume without a restart.
            Self.setFileSizeLimit(child.process.processIdentifier, nil)
            let resumed = try Self.store(child, 3)
            #expect(resumed.status == 201, "\(resumed.text)")
            let all = ids + [Self.id(of: resumed)].compactMap { $0 }

            // Killed outright: everything acknowledged is there after a restart, and nothing else.
            child.kill9()
            let restarted = try ChildServer(arguments: ["--data-dir", directory])
            #expect(restarted.waitUntilReady())
            for id in all { #expect(restarted.status(of: "/v1/articles/\(id)") == 200, "lost \(id)") }
            #expect(try restarted.exchange(request("GET", "/readyz")).text.contains("\"articles\":3"))
            #expect(!restarted.log.contains("damaged") && !restarted.log.contains("torn"), "\(restarted.log)")
            #expect(restarted.stop() == 0)
        }
    }

    @Test func readOnlyDataDirectoryServesReadsAndRefusesWrites() async throws {
        try await onOwnThread {
            let directory = Self.temporaryDirectory()
            defer {
                chmod(directory, 0o755)
                try? FileManager.default.removeItem(atPath: directory)
            }
            let writer = try ChildServer(arguments: ["--data-dir", directory])
            #expect(writer.waitUntilReady())
            let stored = try Self.store(writer, 1)
            #expect(stored.status == 201)
            let id = Self.id(of: stored) ?? ""
            #expect(writer.stop() == 0)

            // Read-only for the server's user (an unprivileged one when the tests run as root).
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
                chmod(directory + "/" + name, 0o444)
            }
            chmod(directory, 0o555)
            let reader = try ChildServer(runAsNobody: true, arguments: ["--data-dir", directory])
            #expect(reader.waitUntilReady(), "\(reader.log)")
            #expect(reader.status(of: "/v1/articles/\(id)") == 200)
            let refused = try Self.store(reader, 2)
            #expect(refused.status == 503, "\(refused.status) \(refused.text)")
            #expect(refused.text.contains("could not be made durable"), "\(refused.text)")
            #expect(try reader.exchange(request("GET", "/readyz")).text.contains("\"writable\":false"))
            #expect(reader.log.contains("not writable"))
            #expect(reader.stop() == 0)
        }
    }
}

/// prlimit(2) from glibc, which Swift's Glibc module leaves out (it needs _GNU_SOURCE).
@_silgen_name("prlimit")
private func processLimit(_ pid: pid_t, _ resource: Int32, _ new: UnsafePointer<rlimit>?, _ old: UnsafeMutablePointer<rlimit>?) -> Int32
