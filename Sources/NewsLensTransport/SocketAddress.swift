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
        let family = Int32(storage.pointee.ss_family)
        guard family == AF_INET || family == AF_INET6 else { return nil }
        if family == AF_INET {
            // Formatted by hand: inet_ntop goes through sprintf (1.7k instructions, a sixth of the CPU a
            // connection-per-request costs in user space); the dotted quad always fits a small String.
            let sin = UnsafeRawPointer(storage).assumingMemoryBound(to: sockaddr_in.self)
            host = Self.dottedQuad(UInt32(bigEndian: sin.pointee.sin_addr.s_addr))
            port = Int(UInt16(bigEndian: sin.pointee.sin_port))
            return
        }
        let formatted: (String, Int)? = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { text in
            let raw = UnsafeRawPointer(storage)
            if family == AF_INET {
                let sin = raw.assumingMemoryBound(to: sockaddr_in.self)
                var addr = sin.pointee.sin_addr
                guard inet_ntop(AF_INET, &addr, text.baseAddress, 64) != nil else { return nil }
                return (String(cString: text.baseAddress!), Int(UInt16(bigEndian: sin.pointee.sin_port)))
            }
            let sin6 = raw.assumingMemoryBound(to: sockaddr_in6.self)
            var addr = sin6.pointee.sin6_addr
            guard inet_ntop(AF_INET6, &addr, text.baseAddress, 64) != nil else { return nil }
            return (String(cString: text.baseAddress!), Int(UInt16(bigEndian: sin6.pointee.sin6_port)))
        }
        guard let formatted else { return nil }
        host = formatted.0
        port = formatted.1
    }

    /// "a.b.c.d" of an IPv4 address in host byte order.
    static func dottedQuad(_ address: UInt32) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { text in
            var n = 0
            for shift in stride(from: 24, through: 0, by: -8) {
                let octet = Int(address >> UInt32(shift) & 0xFF)
                if shift != 24 { text[n] = UInt8(ascii: "."); n += 1 }
                if octet >= 100 { text[n] = UInt8(0x30 + octet / 100); n += 1 }
                if octet >= 10 { text[n] = UInt8(0x30 + octet / 10 % 10); n += 1 }
                text[n] = UInt8(0x30 + octet % 10)
                n += 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: text[0 ..< n]), as: UTF8.self)
        }
    }

    public var description: String {
        host.utf8.contains(UInt8(ascii: ":")) ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
