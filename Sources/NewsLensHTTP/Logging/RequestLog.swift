import Logging
import NewsLensTransport

/// The one structured line per request: method, path, status, bytes, duration, client.
enum RequestLog {
    static func record(_ logger: Logger, method: String, path: String, status: Int, bytes: Int,
                       durationNanos: UInt64, client: SocketAddress) {
        // Metadata is only built when the line will be written.
        guard logger.logLevel <= .info else { return }
        logger.info("request", metadata: [
            "method": .string(method),
            "path": .string(path),
            "status": .stringConvertible(status),
            "bytes": .stringConvertible(bytes),
            "duration_ms": .string(milliseconds(durationNanos)),
            "client": .string(client.description),
        ])
    }

    /// "0.042" – three decimals without Foundation formatting.
    static func milliseconds(_ nanos: UInt64) -> String {
        let micros = nanos / 1000
        let fraction = micros % 1000
        let pad = fraction < 10 ? "00" : fraction < 100 ? "0" : ""
        return "\(micros / 1000).\(pad)\(fraction)"
    }
}
