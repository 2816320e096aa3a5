import Logging
import Testing
@testable import NewsLensHTTP

#if canImport(Glibc)
import Glibc
#endif

@Suite struct LogfmtLogHandlerTests {
    /// Logs through a pipe and returns the line written.
    static func capture(_ body: (Logger) -> Void) -> String {
        var fds: [Int32] = [0, 0]
        _ = pipe(&fds)
        let logger = Logger(label: "test") { LogfmtLogHandler(label: $0, fileDescriptor: fds[1]) }
        body(logger)
        close(fds[1])
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        close(fds[0])
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func writesOneLogfmtLineWithRequestFieldsFirst() {
        let line = Self.capture { logger in
            logger.info("request", metadata: [
                "client": "127.0.0.1:5", "zeta": "last", "method": "GET", "path": "/a b", "status": "200",
                "bytes": "15", "duration_us": "42",
            ])
        }
        #expect(line.hasPrefix("ts=2"))
        #expect(line.hasSuffix("\n"))
        #expect(line.filter { $0 == "\n" }.count == 1)
        let afterTimestamp = line.split(separator: " ", maxSplits: 1)[1]
        #expect(afterTimestamp == #"level=info logger=test msg=request method=GET path="/a b" status=200 bytes=15 duration_us=42 client=127.0.0.1:5 zeta=last"# + "\n")
    }

    @Test func escapesQuotesAndNewlines() {
        let line = Self.capture { $0.warning("bad \"thing\"\nhappened") }
        #expect(line.contains(#"msg="bad \"thing\"\nhappened""#))
        #expect(line.contains("level=warning"))
    }
}
