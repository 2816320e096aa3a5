import Logging

/// The one structured line per request: method, path, status, bytes, duration (µs), client.
enum RequestLog {
    static func record(_ logger: Logger, method: String, path: String, status: Int, bytes: Int,
                       durationNanos: UInt64, client: String) {
        // Metadata is only built when the line will be written.
        guard logger.logLevel <= .info else { return }
        logger.info("request", metadata: [
            "method": .string(method),
            "path": .string(path),
            "status": .stringConvertible(status),
            "bytes": .stringConvertible(bytes),
            "duration_us": .stringConvertible(durationNanos / 1000),
            "client": .string(client),
        ])
    }
}
