import COpenSSL
import Foundation
import NewsLensHTTP
import NewsLensTransport

#if canImport(Glibc)
import Glibc
#endif

/// A self-signed P-256 certificate for "localhost", made with the OpenSSL API when the tests run (nothing
/// committed, no openssl command needed), written as PEM files the server loads like any operator's.
enum TestCertificate {
    struct Files: Sendable {
        let certificate: String
        let key: String
    }

    /// One per test process, shared by every TLS test.
    static let shared: Files = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("newslens-tls-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return make(in: directory)
    }()

    static let context: TLSContext = {
        do {
            return try TLSContext(certificatePath: shared.certificate, keyPath: shared.key)
        } catch {
            fatalError("test certificate refused: \(error)")
        }
    }()

    static func make(in directory: String, commonName: String = "localhost") -> Files {
        let keyContext = EVP_PKEY_CTX_new_from_name(nil, "EC", nil)!
        defer { EVP_PKEY_CTX_free(keyContext) }
        var key: OpaquePointer?
        precondition(EVP_PKEY_keygen_init(keyContext) == 1)
        precondition(EVP_PKEY_CTX_set_group_name(keyContext, "P-256") == 1)
        precondition(EVP_PKEY_generate(keyContext, &key) == 1)
        defer { EVP_PKEY_free(key) }

        let certificate = X509_new()!
        defer { X509_free(certificate) }
        X509_set_version(certificate, 2)
        ASN1_INTEGER_set(X509_get_serialNumber(certificate), Int.random(in: 1...Int(Int32.max)))
        X509_gmtime_adj(X509_getm_notBefore(certificate), -3600)
        X509_gmtime_adj(X509_getm_notAfter(certificate), 2 * 86400)
        X509_set_pubkey(certificate, key)
        let name = X509_get_subject_name(certificate)
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, commonName, -1, -1, 0)
        X509_set_issuer_name(certificate, name)
        precondition(X509_sign(certificate, key, EVP_sha256()) > 0)

        let files = Files(certificate: directory + "/cert.pem", key: directory + "/key.pem")
        let certificateFile = BIO_new_file(files.certificate, "w")!
        precondition(PEM_write_bio_X509(certificateFile, certificate) == 1)
        BIO_free(certificateFile)
        let keyFile = BIO_new_file(files.key, "w")!
        precondition(PEM_write_bio_PrivateKey(keyFile, key, nil, nil, 0, nil, nil) == 1)
        BIO_free(keyFile)
        return files
    }
}

/// What a test client offers in its handshake.
struct TLSClientOptions: Sendable {
    var minVersion = TLS1_2_VERSION
    var maxVersion = TLS1_3_VERSION
    /// TLS 1.2 cipher list; nil: OpenSSL's default.
    var ciphers: String?
    /// ALPN protocol names; empty: no ALPN extension.
    var alpn: [String] = ["http/1.1"]
    /// 0 lets the client offer what OpenSSL's defaults forbid (TLS 1.1), to check the server refuses it.
    var securityLevel: Int32?

    static let tls13 = TLSClientOptions(minVersion: TLS1_3_VERSION)
    static let tls12 = TLSClientOptions(maxVersion: TLS1_2_VERSION)
    static let tls11 = TLSClientOptions(minVersion: TLS1_VERSION, maxVersion: TLS1_1_VERSION,
                                        ciphers: "DEFAULT:@SECLEVEL=0", securityLevel: 0)
}

/// The client half of a TLS session over a blocking socket (whose SO_RCVTIMEO bounds every read).
final class TLSClientSession {
    private let context: OpaquePointer
    let ssl: OpaquePointer

    enum Failure: Error, CustomStringConvertible {
        case handshake(String)
        var description: String { if case .handshake(let reason) = self { return reason }; return "" }
    }

    init(fileDescriptor: Int32, options: TLSClientOptions) throws {
        ERR_clear_error()
        context = SSL_CTX_new(TLS_client_method())!
        if let level = options.securityLevel { SSL_CTX_set_security_level(context, level) }
        _ = newslens_ssl_ctx_set_min_proto_version(context, options.minVersion)
        _ = newslens_ssl_ctx_set_max_proto_version(context, options.maxVersion)
        if let ciphers = options.ciphers { SSL_CTX_set_cipher_list(context, ciphers) }
        if !options.alpn.isEmpty {
            var wire: [UInt8] = []
            for name in options.alpn { wire.append(UInt8(name.utf8.count)); wire += Array(name.utf8) }
            _ = SSL_CTX_set_alpn_protos(context, wire, UInt32(wire.count))
        }
        SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)  // self-signed test certificate
        ssl = SSL_new(context)!
        SSL_set_fd(ssl, fileDescriptor)
        _ = newslens_ssl_set_tlsext_host_name(ssl, "localhost")
        if SSL_connect(ssl) != 1 {
            let reasons = TLSClientSession.drainErrors()
            // Every property is set, so deinit frees the session.
            throw Failure.handshake(reasons.isEmpty ? "handshake failed (errno \(errno))" : reasons)
        }
    }

    deinit {
        SSL_free(ssl)
        SSL_CTX_free(context)
    }

    static func drainErrors() -> String {
        var reasons: [String] = []
        while case let code = ERR_get_error(), code != 0 {
            if let text = ERR_reason_error_string(code) { reasons.append(String(cString: text)) }
        }
        return reasons.joined(separator: "; ")
    }

    var version: String { String(cString: SSL_get_version(ssl)) }
    var cipher: String { String(cString: SSL_CIPHER_get_name(SSL_get_current_cipher(ssl))) }
    var alpn: String? {
        var data: UnsafePointer<UInt8>?
        var length: UInt32 = 0
        SSL_get0_alpn_selected(ssl, &data, &length)
        return data.map { String(decoding: UnsafeBufferPointer(start: $0, count: Int(length)), as: UTF8.self) }
    }
    /// The server ended the session with close_notify (an orderly TLS close), not just a TCP FIN.
    var receivedCloseNotify: Bool { SSL_get_shutdown(ssl) & SSL_RECEIVED_SHUTDOWN != 0 }

    /// Bytes written, or -1.
    func write(_ bytes: UnsafeRawBufferPointer) -> Int {
        ERR_clear_error()
        var written = 0
        return SSL_write_ex(ssl, bytes.baseAddress, bytes.count, &written) == 1 ? written : -1
    }

    enum ReadOutcome { case bytes(Int), closed, timeout }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> ReadOutcome {
        ERR_clear_error()
        var count = 0
        if SSL_read_ex(ssl, buffer.baseAddress, buffer.count, &count) == 1 { return .bytes(count) }
        let code = SSL_get_error(ssl, 0)
        let error = errno
        _ = Self.drainErrors()
        if code == SSL_ERROR_WANT_READ || (code == SSL_ERROR_SYSCALL && (error == EAGAIN || error == EWOULDBLOCK)) {
            return .timeout
        }
        return .closed
    }
}

extension LiveServer {
    /// A server with HTTPS on an ephemeral port beside plain HTTP (the test certificate).
    static func withTLS(router: Router = LiveServer.standardRouter(),
                        configure: (inout HTTPServerConfiguration) -> Void = { _ in }) throws -> LiveServer {
        try LiveServer(router: router) { configuration in
            configuration.tls = TLSListenerConfiguration(context: TestCertificate.context, port: 0)
            configure(&configuration)
        }
    }

    var tlsPort: Int { server.tlsPort ?? 0 }

    func tlsClient(_ options: TLSClientOptions = TLSClientOptions(), timeout: Double = 10) throws -> RawClient {
        try RawClient(port: tlsPort, timeout: timeout, tls: options)
    }
}
