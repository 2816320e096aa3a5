import NewsLensCompression
import NewsLensTransport

/// A response body encoded once and shared by every response that sends it: the identity bytes, an optional
/// gzip encoding, the entity-tag, and the header lines for both variants, so serving a stored article costs
/// no JSON encoding, no compression and no header formatting per request. Immutable, safe across threads.
public final class PreparedBody: Sendable {
    public let contentType: String
    public let bytes: [UInt8]
    /// gzip encoding of `bytes`, when it was worth having.
    public let gzipBytes: [UInt8]?
    /// Quoted entity-tag, e.g. `"9f2c4e1ab3d0a1b2"`.
    public let etag: String
    /// "Content-Type…\r\nETag…\r\n[Vary…\r\n]Content-Length: n\r\n" for the identity variant.
    let identityHeaderLines: [UInt8]
    /// The same for the gzip variant, with Content-Encoding.
    let gzipHeaderLines: [UInt8]?
    let etagBytes: [UInt8]
    /// `bytes` and `gzipBytes` mirrored in body files (`fileBacked`), sent with sendfile on plain sockets.
    let identityFile: BodyFile?
    let gzipFile: BodyFile?
    /// Whether a variant is mirrored in a body file.
    public var isFileBacked: Bool { identityFile != nil || gzipFile != nil }

    /// Prepares `bytes`. With `gzip: nil` and `compress: true`, computes the gzip encoding when the body is
    /// compressible, at least `minimumGzipBytes` long and actually shrinks. `etag: nil` derives a strong
    /// tag from the content (64-bit FNV-1a), so equal bodies get equal tags across restarts.
    /// `fileBacked` mirrors bodies of at least `minimumFileBytes` in body files (one descriptor each, while
    /// the body lives) so plain sockets send them without copying: for long-lived bodies served often.
    public init(contentType: String, bytes: [UInt8], gzip: [UInt8]? = nil, etag: String? = nil,
                compress: Bool = true, minimumGzipBytes: Int = 1024, gzipLevel: Int32 = 9,
                fileBacked: Bool = false, minimumFileBytes: Int = 8192) {
        self.contentType = contentType
        self.bytes = bytes
        var encoded = gzip
        if encoded == nil, compress, bytes.count >= minimumGzipBytes,
           ContentNegotiation.isCompressible(contentType: contentType)
        {
            let packed = Gzip.compress(bytes, level: gzipLevel)
            if packed.count < bytes.count { encoded = packed }
        }
        gzipBytes = encoded
        let tag = etag ?? ETag.strong(for: bytes)
        self.etag = tag
        etagBytes = Array(tag.utf8)
        let common = "Content-Type: \(contentType)\r\nETag: \(tag)\r\n" + (encoded == nil ? "" : "Vary: Accept-Encoding\r\n")
        identityHeaderLines = Array((common + "Content-Length: \(bytes.count)\r\n").utf8)
        gzipHeaderLines = encoded.map {
            Array((common + "Content-Encoding: gzip\r\nContent-Length: \($0.count)\r\n").utf8)
        }
        identityFile = fileBacked && bytes.count >= minimumFileBytes ? BodyFile(bytes) : nil
        gzipFile = fileBacked ? encoded.flatMap { $0.count >= minimumFileBytes ? BodyFile($0) : nil } : nil
    }
}

/// Entity-tags (RFC 9110 §8.8.3) computed from content.
public enum ETag {
    /// A strong tag from a 64-bit FNV-1a hash of `bytes`: `"` + 16 hex digits + `"`.
    public static func strong(for bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBufferPointer { buffer in
            for b in buffer {
                hash ^= UInt64(b)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        var hex = String(hash, radix: 16)
        if hex.count < 16 { hex = String(repeating: "0", count: 16 - hex.count) + hex }
        return "\"\(hex)\""
    }
}
