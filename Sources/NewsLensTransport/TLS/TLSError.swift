import COpenSSL

/// A TLS setup or handshake failure, with OpenSSL's own reason ("no shared cipher", "unsupported
/// protocol", "key values mismatch") so an operator can act on it.
public struct TLSError: Error, CustomStringConvertible, Sendable {
    public let operation: String
    /// OpenSSL's reasons, oldest first; empty when OpenSSL queued none.
    public let reasons: [String]

    public init(_ operation: String, reasons: [String] = []) {
        self.operation = operation
        self.reasons = reasons
    }

    public var description: String {
        reasons.isEmpty ? operation : "\(operation): \(reasons.joined(separator: "; "))"
    }

    /// Empties this thread's OpenSSL error queue into an error. The queue is per thread and our I/O
    /// queues share threads, so every failing call drains it (and every call starts with it empty).
    static func fromQueue(_ operation: String) -> TLSError {
        TLSError(operation, reasons: drainQueue())
    }

    static func drainQueue() -> [String] {
        var reasons: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            if reasons.count < 4, let reason = ERR_reason_error_string(code) {
                reasons.append(String(cString: reason))
            } else if reasons.count < 4 {
                reasons.append("error \(code)")
            }
        }
        return reasons
    }
}
