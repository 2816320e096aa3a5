import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A swift-log backend writing one logfmt line per event to standard error
/// (`ts=… level=info logger=newslens msg=request method=GET path=/healthz status=200 …`). Each line is
/// assembled as bytes and written with a single write(2), so lines from several threads never interleave
/// (one write below PIPE_BUF is atomic) and no lock is needed. Cheap enough for a line per request.
public struct LogfmtLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String
    /// Descriptor written to; standard error unless a test redirects it.
    private let fileDescriptor: Int32

    public init(label: String, fileDescriptor: Int32 = 2) {
        self.label = label
        self.fileDescriptor = fileDescriptor
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Keys of the request line, written first and in this order; other keys follow sorted.
    static let leadingKeys = ["method", "path", "status", "bytes", "duration_us", "client"]

    public func log(event: LogEvent) {
        var line: [UInt8] = []
        line.reserveCapacity(256)
        line.append(contentsOf: "ts=".utf8)
        Self.appendTimestamp(&line)
        line.append(contentsOf: " level=".utf8)
        line.append(contentsOf: event.level.rawValue.utf8)
        line.append(contentsOf: " logger=".utf8)
        Self.appendValue(&line, label)
        line.append(contentsOf: " msg=".utf8)
        Self.appendValue(&line, event.message.description)
        let fields: Logger.Metadata
        if metadata.isEmpty {
            fields = event.metadata ?? [:]
        } else {
            fields = metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 })
        }
        var written = 0
        for key in Self.leadingKeys {
            guard let value = fields[key] else { continue }
            Self.appendField(&line, key, value)
            written += 1
        }
        if written < fields.count {
            for key in fields.keys.sorted() where !Self.leadingKeys.contains(key) {
                Self.appendField(&line, key, fields[key]!)
            }
        }
        if let error = event.error { Self.appendField(&line, "error", .string(String(describing: error))) }
        line.append(0x0A)
        line.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }

    private static func appendField(_ line: inout [UInt8], _ key: String, _ value: Logger.Metadata.Value) {
        line.append(0x20)
        line.append(contentsOf: key.utf8)
        line.append(UInt8(ascii: "="))
        switch value {
        case .string(let text): appendValue(&line, text)
        case .stringConvertible(let convertible): appendValue(&line, convertible.description)
        default: appendValue(&line, value.description)
        }
    }

    /// Values with spaces, quotes, '=' or controls are quoted with backslash escapes (logfmt convention).
    static func appendValue(_ line: inout [UInt8], _ value: String) {
        let utf8 = value.utf8
        let plain = !utf8.isEmpty && !utf8.contains { $0 <= 0x20 || $0 == 0x22 || $0 == 0x3D || $0 == 0x5C || $0 == 0x7F }
        if plain {
            line.append(contentsOf: utf8)
            return
        }
        line.append(0x22)
        for byte in utf8 {
            switch byte {
            case 0x22: line.append(contentsOf: [0x5C, 0x22])
            case 0x5C: line.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: line.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: line.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: line.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20, 0x7F: line.append(UInt8(ascii: "?"))
            default: line.append(byte)
            }
        }
        line.append(0x22)
    }

    /// UTC ISO 8601 with milliseconds: 2026-11-29T03:45:35.481Z.
    static func appendTimestamp(_ line: inout [UInt8]) {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        var seconds = ts.tv_sec
        var tm = tm()
        gmtime_r(&seconds, &tm)
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var v = value
            while divisor > 0 {
                line.append(UInt8(truncatingIfNeeded: 0x30 + (v / divisor) % 10))
                v %= divisor
                divisor /= 10
            }
        }
        digits(Int(tm.tm_year) + 1900, 4)
        line.append(UInt8(ascii: "-"))
        digits(Int(tm.tm_mon) + 1, 2)
        line.append(UInt8(ascii: "-"))
        digits(Int(tm.tm_mday), 2)
        line.append(UInt8(ascii: "T"))
        digits(Int(tm.tm_hour), 2)
        line.append(UInt8(ascii: ":"))
        digits(Int(tm.tm_min), 2)
        line.append(UInt8(ascii: ":"))
        digits(Int(tm.tm_sec), 2)
        line.append(UInt8(ascii: "."))
        digits(Int(ts.tv_nsec) / 1_000_000, 3)
        line.append(UInt8(ascii: "Z"))
    }
}
