#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `ByteStream` over a connected non-blocking TCP socket: plain recv/send/sendmsg/sendfile.
/// Writes use MSG_NOSIGNAL so a peer that reset never raises SIGPIPE.
public final class PlainSocketStream: ByteStream {
    public let fileDescriptor: Int32
    private var isClosed = false

    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    public var hasBufferedInput: Bool { false }
    public var sendsFiles: Bool { true }
    public var isEstablished: Bool { true }
    public func handshake() -> HandshakeProgress { .complete }

    public func read(into buffer: UnsafeMutableRawBufferPointer) -> IOResult {
        while true {
            // recv, not read: read(2) on a socket goes through the VFS layer first (vfs_read, sock_read_iter).
            let n = recv(fileDescriptor, buffer.baseAddress, buffer.count, 0)
            if n > 0 { return .transferred(n) }
            if n == 0 { return .endOfStream }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock(.read)
            default: return .failed(errno)
            }
        }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) -> IOResult {
        while true {
            let n = send(fileDescriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            if n >= 0 { return .transferred(n) }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock(.write)
            default: return .failed(errno)
            }
        }
    }

    public func write(vectors: UnsafeBufferPointer<iovec>) -> IOResult {
        write(vectors: vectors, more: false)
    }

    public func write(vectors: UnsafeBufferPointer<iovec>, more: Bool) -> IOResult {
        var message = msghdr()
        message.msg_iov = UnsafeMutablePointer(mutating: vectors.baseAddress)
        message.msg_iovlen = min(vectors.count, 1024)  // IOV_MAX on Linux
        let flags = Int32(MSG_NOSIGNAL) | (more ? Int32(MSG_MORE) : 0)
        while true {
            let n = sendmsg(fileDescriptor, &message, flags)
            if n >= 0 { return .transferred(n) }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock(.write)
            default: return .failed(errno)
            }
        }
    }

    public func sendFile(_ file: BodyFile, offset: Int, count: Int) -> IOResult? {
        var position = offset
        while true {
            let n = file.send(to: fileDescriptor, offset: &position, count: count)
            if n > 0 { return .transferred(n) }
            if n == 0 { return nil }  // end of file before `count` (cannot happen, sealed): send the bytes
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock(.write)
            case ENOSYS, EINVAL: return nil  // no sendfile here: the caller sends the bytes
            default: return .failed(errno)
            }
        }
    }

    public func holdSegmentsUntilClose() {
        var on: Int32 = 1
        _ = setsockopt(fileDescriptor, Int32(IPPROTO_TCP), TCP_CORK, &on, socklen_t(MemoryLayout<Int32>.size))
    }

    public func shutdownWrite() {
        _ = shutdown(fileDescriptor, Int32(SHUT_WR))
    }

    public func close() {
        guard !isClosed else { return }
        isClosed = true
        _ = Glibc.close(fileDescriptor)
    }
}
