import ArgumentParser
import NewsLensHTTP
import NewsLensTransport

/// The HTTPS flags of `newslens serve`. With a certificate and key, HTTPS listens on `--tls-port` (8443)
/// beside plain HTTP on `--port`; `--port off` serves HTTPS only.
struct TLSOptions: ParsableArguments {
    @Option(name: .customLong("tls-cert"),
            help: "PEM certificate chain (leaf first) for HTTPS; needs --tls-key. (env NEWSLENS_TLS_CERT, default: no HTTPS)")
    var certificate: String?
    @Option(name: .customLong("tls-key"), help: "PEM private key of the certificate, not encrypted. (env NEWSLENS_TLS_KEY)")
    var key: String?
    @Option(name: .customLong("tls-port"), help: "HTTPS port when a certificate is given; 0 picks a free one. (env NEWSLENS_TLS_PORT, default 8443)")
    var port: String?
    @Option(name: .customLong("tls-handshake-timeout"),
            help: "Seconds a client gets to complete the TLS handshake. (env NEWSLENS_TLS_HANDSHAKE_TIMEOUT, default 10)")
    var handshakeTimeout: String?

    /// Loads the certificate and fills the HTTPS part of `configuration`; nothing when no certificate is set.
    func apply(to configuration: inout HTTPServerConfiguration, settings: SettingsReader) throws {
        let certificatePath = settings.text(certificate, "NEWSLENS_TLS_CERT")
        let keyPath = settings.text(key, "NEWSLENS_TLS_KEY")
        let portNumber = try settings.integer(port, "NEWSLENS_TLS_PORT", in: 0...65535)
        if let timeout = try settings.duration(handshakeTimeout, "NEWSLENS_TLS_HANDSHAKE_TIMEOUT") {
            configuration.timeouts.handshake = timeout
        }
        guard let certificatePath, let keyPath else {
            if certificatePath != nil || keyPath != nil {
                throw ValidationError("HTTPS needs both --tls-cert and --tls-key (or NEWSLENS_TLS_CERT and NEWSLENS_TLS_KEY).")
            }
            if port != nil { throw ValidationError("--tls-port needs --tls-cert and --tls-key.") }
            if !configuration.servesPlainHTTP {
                throw ValidationError("--port off serves HTTPS only, which needs --tls-cert and --tls-key.")
            }
            return
        }
        let tlsPort = portNumber ?? 8443
        if configuration.servesPlainHTTP && tlsPort == configuration.port && tlsPort != 0 {
            throw ValidationError("HTTP and HTTPS cannot share port \(tlsPort); set --tls-port or --port off.")
        }
        do {
            let context = try TLSContext(certificatePath: certificatePath, keyPath: keyPath)
            configuration.tls = TLSListenerConfiguration(context: context, port: tlsPort)
        } catch {
            throw ValidationError("Cannot use the TLS certificate: \(error.description)")
        }
    }
}
