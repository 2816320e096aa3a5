#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The numeric address of a peer or a bound socket, made printable once per connection.
public struct SocketAddress: Sendable, Hashable, CustomStringConvertible {
    /// Numeric host: "127.0.0.1" or "::1".
    public let host: String
    public let port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Reads a `sockaddr_storage` filled by accept/getsockname; nil for families other than IPv4/IPv6.
    public init?(storage: UnsafePointer<sockaddr_storage>) {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        switch Int32(storage.pointee.ss_family) {
        case AF_INET:
            let sin = UnsafeRawPointer(storage).assumingMemoryBound(to: sockaddr_in.self)
            var addr = sin.pointee.sin_addr
            guard inet_ntop(AF_INET, &addr, &text, socklen_t(text.count)) != nil else { return nil }
            port = Int(UInt16(bigEndian: sin.pointee.sin_port))
        case AF_INET6:
            let sin6 = UnsafeRawPointer(storage).assumingMemoryBound(to: sockaddr_in6.self)
            var addr = sin6.pointee.sin6_addr
            guard inet_ntop(AF_INET6, &addr, &text, socklen_t(text.count)) != nil else { return nil }
            port = Int(UInt16(bigEndian: sin6.pointee.sin6_port))
        default:
            return nil
        }
        host = text.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    public var description: String {
        host.utf8.contains(UInt8(ascii: ":")) ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
