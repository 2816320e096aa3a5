import NewsLensTransport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes waiting to be written to a connection, in order. Small responses (and the heads of large ones)
/// are assembled in `scratch`, whose storage is reused from response to response; large shared bodies
/// (a prepared article) are queued by reference, not copied, and leave with the head in one sendmsg — or,
/// when the body is mirrored in a `BodyFile` and the stream is a plain socket, the head goes with MSG_MORE
/// and the body by sendfile, so its bytes are never copied through user space.
struct OutputQueue {
    private struct Segment {
        var bytes: [UInt8]
        var file: BodyFile?
    }

    /// Complete segments queued before `scratch`.
    private var segments: [Segment] = []
    /// Segment under construction (always last).
    private(set) var scratch: [UInt8]
    /// Bytes of the first pending segment already written.
    private var offset = 0
    private(set) var pendingBytes = 0
    /// Bodies at least this long are queued by reference rather than copied.
    static let shareThreshold = 16 * 1024

    init(capacity: Int = 4096) {
        scratch = []
        scratch.reserveCapacity(capacity)
    }

    var isEmpty: Bool { pendingBytes == 0 }

    mutating func append(_ bytes: [UInt8]) {
        append(bytes, file: nil)
    }

    /// Queues `bytes`; with `file` (the same bytes in a body file), by reference whatever its size.
    mutating func append(_ bytes: [UInt8], file: BodyFile?) {
        if bytes.count >= Self.shareThreshold || (file != nil && !bytes.isEmpty) {
            if !scratch.isEmpty {
                segments.append(Segment(bytes: scratch, file: nil))
                scratch = []
                scratch.reserveCapacity(4096)
            }
            segments.append(Segment(bytes: bytes, file: file))
        } else {
            scratch.append(contentsOf: bytes)
        }
        pendingBytes += bytes.count
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        scratch.append(contentsOf: bytes)
        pendingBytes += bytes.count
    }

    mutating func append(ascii: StaticString) {
        ascii.withUTF8Buffer { scratch.append(contentsOf: $0) }
        pendingBytes += ascii.utf8CodeUnitCount
    }

    mutating func appendDecimal(_ value: Int) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var v = max(0, value)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[19 - n] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
                v /= 10
                n += 1
            } while v > 0
            scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[(20 - n)...]))
        }
        pendingBytes += n
    }

    enum WriteOutcome { case drained, blocked(IOResult.Readiness), failed }

    /// Writes as much as the stream takes now: one send for a single segment, one sendmsg for several,
    /// sendfile for a file-backed segment at the front.
    mutating func write(to stream: ByteStream) -> (outcome: WriteOutcome, written: Int) {
        var total = 0
        while pendingBytes > 0 {
            let result: IOResult
            if segments.isEmpty {
                result = scratch.withUnsafeBytes { stream.write(UnsafeRawBufferPointer(rebasing: $0[offset...])) }
            } else if let file = segments[0].file,
                      let sent = stream.sendFile(file, offset: offset, count: segments[0].bytes.count - offset) {
                result = sent
            } else {
                result = writeGathered(to: stream, filesBySendfile: segments[0].file == nil)
            }
            switch result {
            case .transferred(let n):
                total += n
                advance(by: n)
            case .wouldBlock(let direction):
                return (.blocked(direction), total)
            case .endOfStream, .failed:
                return (.failed, total)
            }
        }
        return (.drained, total)
    }

    /// One sendmsg of the leading byte segments (and `scratch`). With `filesBySendfile`, stops before the
    /// next file-backed segment and tells the kernel more follows, so the head and the file's pages leave
    /// together.
    private func writeGathered(to stream: ByteStream, filesBySendfile: Bool) -> IOResult {
        // The iovecs live on the stack and point into `segments` and `scratch`, which `self` keeps alive and
        // unchanged for the duration of the call: no array is copied or allocated per write.
        var count = 0
        var more = false
        while count < segments.count && count < 64 {
            if filesBySendfile && count > 0 && segments[count].file != nil && stream.sendsFiles {
                more = true
                break
            }
            count += 1
        }
        let withScratch = !more && count == segments.count && count < 64 && !scratch.isEmpty
        let vectorCount = count + (withScratch ? 1 : 0)
        return withUnsafeTemporaryAllocation(of: iovec.self, capacity: vectorCount) { vectors in
            for i in 0..<vectorCount {
                let segment = i < count ? segments[i].bytes : scratch
                segment.withUnsafeBytes { raw in
                    let skip = i == 0 ? offset : 0
                    vectors[i] = iovec(iov_base: UnsafeMutableRawPointer(mutating: raw.baseAddress! + skip),
                                       iov_len: raw.count - skip)
                }
            }
            return stream.write(vectors: UnsafeBufferPointer(vectors), more: more)
        }
    }

    private mutating func advance(by written: Int) {
        pendingBytes -= written
        var n = written
        while n > 0 {
            if let first = segments.first {
                let left = first.bytes.count - offset
                if n >= left {
                    n -= left
                    segments.removeFirst()
                    offset = 0
                } else {
                    offset += n
                    n = 0
                }
            } else {
                offset += n
                n = 0
            }
        }
        if pendingBytes == 0 {
            offset = 0
            if scratch.capacity > 256 * 1024 { scratch = []; scratch.reserveCapacity(4096) } else {
                scratch.removeAll(keepingCapacity: true)
            }
        }
    }

    mutating func discardAll() {
        segments.removeAll()
        scratch.removeAll(keepingCapacity: true)
        offset = 0
        pendingBytes = 0
    }
}
