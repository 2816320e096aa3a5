import COpenSSL

#if canImport(Glibc)
import Glibc
#endif

/// `ByteStream` over OpenSSL on an accepted non-blocking socket. Every call is non-blocking: the handshake,
/// reads and writes report which readiness they wait for (a TLS read may need to write, a write to read),
/// and the connection waits for it on its multiplexer like any other socket, so a client that stalls a
/// handshake holds a descriptor and a deadline, never a thread.
///
/// Confined to one I/O queue, like the connection that owns it. OpenSSL's error queue is per thread and
/// the queues share threads, so every call starts by clearing it and failures drain it.
public final class TLSStream: ByteStream {
    public let fileDescriptor: Int32
    private let ssl: OpaquePointer
    public private(set) var isEstablished = false
    /// A fatal protocol or socket error: OpenSSL forbids a close_notify after one.
    private var failed = false
    private var sentCloseNotify = false
    private var isClosed = false
    /// Bytes gathered from several vectors into one record (`write(vectors:)`).
    private var gather: UnsafeMutableRawBufferPointer?
    static let gatherCapacity = 16 * 1024  // one full TLS record

    /// Nil when OpenSSL cannot allocate a session; the caller then closes the socket.
    public init?(fileDescriptor: Int32, context: TLSContext) {
        ERR_clear_error()
        guard let ssl = context.makeSession(fileDescriptor: fileDescriptor) else {
            _ = TLSError.drainQueue()
            return nil
        }
        self.fileDescriptor = fileDescriptor
        self.ssl = ssl
    }

    deinit {
        if !isClosed { close() }
        gather?.deallocate()
    }

    /// Decrypted bytes (or a whole record) OpenSSL holds that the kernel no longer reports as readable.
    public var hasBufferedInput: Bool { SSL_has_pending(ssl) == 1 }

    public func handshake() -> HandshakeProgress {
        ERR_clear_error()
        let result = SSL_do_handshake(ssl)
        if result == 1 {
            isEstablished = true
            return .complete
        }
        let code = SSL_get_error(ssl, result)
        switch code {
        case SSL_ERROR_WANT_READ: return .wouldBlock(.read)
        case SSL_ERROR_WANT_WRITE: return .wouldBlock(.write)
        default:
            failed = true
            let reasons = TLSError.drainQueue()
            if code == SSL_ERROR_SYSCALL && reasons.isEmpty {
                return .failed(errno == 0 ? "connection closed during the handshake" : String(cString: strerror(errno)))
            }
            return .failed(reasons.isEmpty ? "handshake failed (SSL error \(code))" : reasons.joined(separator: "; "))
        }
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) -> IOResult {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return .transferred(0) }
        ERR_clear_error()
        var count = 0
        if SSL_read_ex(ssl, base, buffer.count, &count) == 1 { return .transferred(count) }
        return outcome(of: 0, reading: true)
    }

    public func write(_ bytes: UnsafeRawBufferPointer) -> IOResult {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return .transferred(0) }
        ERR_clear_error()
        var count = 0
        // SSL_MODE_ENABLE_PARTIAL_WRITE: returns once a record is out; a retry after WANT_WRITE passes the
        // same leading bytes again (possibly more of them, possibly moved: SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER).
        if SSL_write_ex(ssl, base, bytes.count, &count) == 1 { return .transferred(count) }
        return outcome(of: 0, reading: false)
    }

    /// TLS has no gathered write: the first buffer goes alone when it fills a record, otherwise the leading
    /// buffers are copied together up to one record, so a small head and the start of its body share one.
    /// A retry sees the same leading bytes, as OpenSSL requires.
    public func write(vectors: UnsafeBufferPointer<iovec>) -> IOResult {
        guard let first = vectors.first(where: { $0.iov_len > 0 }) else { return .transferred(0) }
        if first.iov_len >= Self.gatherCapacity || vectors.count == 1 {
            return write(UnsafeRawBufferPointer(start: first.iov_base, count: first.iov_len))
        }
        let gather = self.gather ?? UnsafeMutableRawBufferPointer.allocate(byteCount: Self.gatherCapacity, alignment: 16)
        self.gather = gather
        var filled = 0
        for vector in vectors where vector.iov_len > 0 {
            let take = min(vector.iov_len, Self.gatherCapacity - filled)
            (gather.baseAddress! + filled).copyMemory(from: vector.iov_base!, byteCount: take)
            filled += take
            if filled == Self.gatherCapacity { break }
        }
        return write(UnsafeRawBufferPointer(start: gather.baseAddress, count: filled))
    }

    private func outcome(of result: Int32, reading: Bool) -> IOResult {
        let code = SSL_get_error(ssl, result)
        switch code {
        case SSL_ERROR_WANT_READ: return .wouldBlock(.read)
        case SSL_ERROR_WANT_WRITE: return .wouldBlock(.write)
        case SSL_ERROR_ZERO_RETURN:
            // The peer's close_notify (or, with SSL_OP_IGNORE_UNEXPECTED_EOF, a bare TCP FIN).
            return reading ? .endOfStream : .failed(EPIPE)
        case SSL_ERROR_SYSCALL:
            failed = true
            let error = errno
            _ = TLSError.drainQueue()
            if reading && error == 0 { return .endOfStream }
            return .failed(error == 0 ? ECONNRESET : error)
        default:
            failed = true
            _ = TLSError.drainQueue()
            return .failed(EPROTO)
        }
    }

    /// Sends our close_notify (once, without waiting for the peer's), then the TCP FIN; reading goes on.
    public func shutdownWrite() {
        sendCloseNotify()
        _ = shutdown(fileDescriptor, Int32(SHUT_WR))
    }

    /// An orderly TLS close: close_notify if the session is healthy and the socket takes it now, then
    /// the descriptor is closed. Never waits for the peer.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        sendCloseNotify()
        SSL_free(ssl)
        _ = Glibc.close(fileDescriptor)
    }

    private func sendCloseNotify() {
        guard isEstablished, !failed, !sentCloseNotify else { return }
        sentCloseNotify = true
        ERR_clear_error()
        _ = SSL_shutdown(ssl)  // 0: sent, peer's not yet seen (we do not wait); <0: socket full, best effort
        _ = TLSError.drainQueue()
    }

    /// Negotiated protocol ("TLSv1.3") and cipher, for logs and tests.
    public var negotiated: (version: String, cipher: String, alpn: String?) {
        let version = String(cString: SSL_get_version(ssl))
        let cipher = SSL_get_current_cipher(ssl).flatMap { SSL_CIPHER_get_name($0) }.map { String(cString: $0) } ?? ""
        var data: UnsafePointer<UInt8>?
        var length: UInt32 = 0
        SSL_get0_alpn_selected(ssl, &data, &length)
        let alpn = data.map { String(decoding: UnsafeBufferPointer(start: $0, count: Int(length)), as: UTF8.self) }
        return (version, cipher, alpn)
    }
}
