#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Outcome of one non-blocking read or write on a `ByteStream`.
public enum IOResult: Equatable, Sendable {
    /// This many bytes moved (always > 0).
    case transferred(Int)
    /// Nothing can move now; wait until the descriptor is readable (`.read`) or writable (`.write`).
    /// A TLS stream may need the opposite direction of the operation (a renegotiation reads while writing).
    case wouldBlock(Readiness)
    /// The peer closed its sending side (reads only).
    case endOfStream
    /// The connection failed (reset, broken pipe); errno attached.
    case failed(Int32)

    public enum Readiness: Sendable { case read, write }
}

/// Progress of a stream's opening exchange (the TLS handshake) before any application bytes flow.
public enum HandshakeProgress: Equatable, Sendable {
    /// Application bytes may flow now.
    case complete
    /// Wait until the descriptor is readable (`.read`) or writable (`.write`), then call again.
    case wouldBlock(IOResult.Readiness)
    /// The peer cannot be served (wrong protocol version, no shared cipher, not TLS at all); the reason is
    /// for the debug log.
    case failed(String)
}

/// The byte pipe under an HTTP connection. The HTTP layer only speaks to this protocol, so a TLS stream
/// (OpenSSL over the same descriptor) slots in beside `PlainSocketStream` without touching connection code.
/// Every call is non-blocking; readiness is awaited through `fileDescriptor` by the caller's event sources.
public protocol ByteStream: AnyObject {
    /// The descriptor whose readiness the caller watches.
    var fileDescriptor: Int32 { get }
    /// True when the stream holds input the kernel no longer reports (decrypted TLS records):
    /// the caller must read again before waiting for readiness.
    var hasBufferedInput: Bool { get }
    /// False until the opening exchange has completed; a plain socket is established at once.
    var isEstablished: Bool { get }
    /// Advances the opening exchange without blocking; called only while `isEstablished` is false.
    func handshake() -> HandshakeProgress
    func read(into buffer: UnsafeMutableRawBufferPointer) -> IOResult
    func write(_ bytes: UnsafeRawBufferPointer) -> IOResult
    /// Gathered write of several buffers in one call (one syscall for head + shared body).
    func write(vectors: UnsafeBufferPointer<iovec>) -> IOResult
    /// `count` bytes of `file` from `offset`, sent by the kernel without a copy through user space
    /// (sendfile); nil when the stream cannot send files (TLS), and the caller writes the bytes itself.
    func sendFile(_ file: BodyFile, offset: Int, count: Int) -> IOResult?
    /// Whether `sendFile` can work at all (plain sockets); asked before holding a head back for a file.
    var sendsFiles: Bool { get }
    /// Gathered write that tells the kernel more data follows at once (MSG_MORE: a response head sent
    /// before its body from a file leaves in the same segment).
    func write(vectors: UnsafeBufferPointer<iovec>, more: Bool) -> IOResult
    /// Ends our sending side (FIN, or TLS close_notify then FIN) while still reading.
    func shutdownWrite()
    /// Called before the last writes of a connection: holds back partial segments (TCP_CORK) until
    /// `shutdownWrite()` or `close()`, so the last response and the FIN leave together in one segment
    /// instead of two (one packet less for both ends per closed connection).
    func holdSegmentsUntilClose()
    /// Releases the descriptor. Called once, after the caller's event sources are cancelled.
    func close()
}

extension ByteStream {
    public func sendFile(_ file: BodyFile, offset: Int, count: Int) -> IOResult? { nil }
    public var sendsFiles: Bool { false }
    public func write(vectors: UnsafeBufferPointer<iovec>, more: Bool) -> IOResult { write(vectors: vectors) }
    public func holdSegmentsUntilClose() {}
}
