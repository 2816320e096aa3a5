import COpenSSL

#if canImport(Glibc)
import Glibc
#endif

/// The server side of TLS, set up once from a PEM certificate chain and key and shared by every TLS
/// connection: TLS 1.2 and 1.3 only, ECDHE key exchange with AEAD ciphers, ALPN `http/1.1`.
///
/// An `SSL_CTX` may be shared by connections on any thread once configured; nothing here changes it after
/// `init`.
public final class TLSContext: @unchecked Sendable {
    let context: OpaquePointer

    /// TLS 1.2 suites: forward secrecy (ECDHE) and authenticated encryption (GCM, ChaCha20-Poly1305) only,
    /// as in Mozilla's "intermediate" profile without the finite-field DHE suites. No CBC, no RSA key exchange.
    public static let tls12Ciphers = [
        "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
        "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
        "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
    ].joined(separator: ":")
    /// TLS 1.3 suites: OpenSSL's defaults, stated so a system-wide configuration cannot widen them.
    public static let tls13Ciphersuites = "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256"
    /// Key-exchange groups, fastest first.
    public static let groups = "X25519:P-256:P-384"

    /// Loads the certificate chain (leaf first, then intermediates) and the private key, both PEM, and
    /// checks that they belong together. Encrypted keys are refused rather than prompting on a terminal.
    public init(certificatePath: String, keyPath: String) throws(TLSError) {
        OPENSSL_init_ssl(UInt64(OPENSSL_INIT_LOAD_SSL_STRINGS), nil)
        ERR_clear_error()
        guard let context = SSL_CTX_new(TLS_server_method()) else { throw TLSError.fromQueue("SSL_CTX_new") }
        self.context = context
        do throws(TLSError) {
            try configureProtocol()
            try loadIdentity(certificatePath: certificatePath, keyPath: keyPath)
        } catch {
            SSL_CTX_free(context)
            throw error
        }
    }

    deinit { SSL_CTX_free(context) }

    private func configureProtocol() throws(TLSError) {
        // RFC 8996: TLS 1.0 and 1.1 are deprecated; RFC 9325 §3.1.1: TLS 1.2 at least, 1.3 preferred.
        guard newslens_ssl_ctx_set_min_proto_version(context, TLS1_2_VERSION) == 1,
              newslens_ssl_ctx_set_max_proto_version(context, TLS1_3_VERSION) == 1
        else { throw TLSError.fromQueue("setting the protocol versions") }
        guard SSL_CTX_set_cipher_list(context, Self.tls12Ciphers) == 1 else {
            throw TLSError.fromQueue("setting the TLS 1.2 ciphers")
        }
        guard SSL_CTX_set_ciphersuites(context, Self.tls13Ciphersuites) == 1 else {
            throw TLSError.fromQueue("setting the TLS 1.3 cipher suites")
        }
        guard newslens_ssl_ctx_set1_groups_list(context, Self.groups) == 1 else {
            throw TLSError.fromQueue("setting the key-exchange groups")
        }
        // No renegotiation (RFC 9325 §3.5 ; a client could make us spend CPU at will), no compression
        // (CRIME), and a peer that drops TCP without close_notify is an ordinary end of stream: HTTP framing
        // already tells a complete request from a truncated one.
        SSL_CTX_set_options(context, newslens_ssl_op_no_renegotiation() | newslens_ssl_op_no_compression()
                                | newslens_ssl_op_ignore_unexpected_eof())
        // Partial writes and a write buffer that may move between retries (our output queue grows and
        // reallocates); buffers released while a connection is idle; no blocking-style auto retry.
        _ = newslens_ssl_ctx_set_mode(context, Int(SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER
                                               | SSL_MODE_RELEASE_BUFFERS))
        _ = newslens_ssl_ctx_clear_mode(context, Int(SSL_MODE_AUTO_RETRY))
        // Resumption through tickets only (stateless): no server-side session cache that grows and locks.
        _ = newslens_ssl_ctx_set_session_cache_mode(context, Int(SSL_SESS_CACHE_OFF))
        SSL_CTX_set_alpn_select_cb(context, selectHTTP11, nil)
        SSL_CTX_set_default_passwd_cb(context, refusePassphrase)
    }

    private func loadIdentity(certificatePath: String, keyPath: String) throws(TLSError) {
        guard SSL_CTX_use_certificate_chain_file(context, certificatePath) == 1 else {
            throw TLSError.fromQueue("reading the certificate chain \(certificatePath) (PEM)")
        }
        guard SSL_CTX_use_PrivateKey_file(context, keyPath, SSL_FILETYPE_PEM) == 1 else {
            throw TLSError.fromQueue("reading the private key \(keyPath) (PEM, not encrypted)")
        }
        guard SSL_CTX_check_private_key(context) == 1 else {
            throw TLSError.fromQueue("the private key \(keyPath) does not match the certificate \(certificatePath)")
        }
    }

    /// A new server-side session on an accepted, non-blocking socket; nil when OpenSSL is out of memory.
    func makeSession(fileDescriptor: Int32) -> OpaquePointer? {
        guard let ssl = SSL_new(context) else { return nil }
        guard SSL_set_fd(ssl, fileDescriptor) == 1 else {
            SSL_free(ssl)
            return nil
        }
        SSL_set_accept_state(ssl)
        return ssl
    }
}

/// RFC 7301 §3.2: choose `http/1.1` from the client's ALPN list; a client that offers protocols but not
/// HTTP/1.1 (only h2, say) gets the no_application_protocol alert instead of a server it cannot talk to.
private let selectHTTP11: @convention(c) (
    OpaquePointer?, UnsafeMutablePointer<UnsafePointer<UInt8>?>?, UnsafeMutablePointer<UInt8>?,
    UnsafePointer<UInt8>?, UInt32, UnsafeMutableRawPointer?
) -> Int32 = { _, out, outLength, offered, offeredLength, _ in
    guard let out, let outLength, let offered else { return SSL_TLSEXT_ERR_ALERT_FATAL }
    let wanted: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0x68, 0x74, 0x74, 0x70, 0x2F, 0x31, 0x2E, 0x31)
    var i = 0
    let total = Int(offeredLength)
    while i < total {
        let length = Int(offered[i])
        let start = i + 1
        guard start + length <= total else { break }
        if length == 8 {
            let matches = withUnsafeBytes(of: wanted) { name in (0..<8).allSatisfy { offered[start + $0] == name[$0] } }
            if matches {
                out.pointee = offered + start
                outLength.pointee = 8
                return SSL_TLSEXT_ERR_OK
            }
        }
        i = start + length
    }
    return SSL_TLSEXT_ERR_ALERT_FATAL
}

/// Passphrase-protected keys would make OpenSSL prompt on the terminal: answer "no passphrase" instead.
private let refusePassphrase: @convention(c) (UnsafeMutablePointer<CChar>?, Int32, Int32, UnsafeMutableRawPointer?) -> Int32 = {
    _, _, _, _ in 0
}
