/// The request methods this server implements (RFC 9110 §9, PATCH from RFC 5789, QUERY from the IETF's
/// safe-method-with-body draft). Any other syntactically valid method is answered 501 by the parser, so
/// handlers only ever see these; a known method no route of a path accepts gets 405 with Allow.
public enum HTTPMethod: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case get, head, post, put, delete, patch, options, trace, connect, query

    /// The method as it appears on the wire.
    public var name: String {
        switch self {
        case .get: "GET"
        case .head: "HEAD"
        case .post: "POST"
        case .put: "PUT"
        case .delete: "DELETE"
        case .patch: "PATCH"
        case .options: "OPTIONS"
        case .trace: "TRACE"
        case .connect: "CONNECT"
        case .query: "QUERY"
        }
    }

    public var description: String { name }

    /// Matches the method token in `bytes` (case-sensitive: RFC 9110 §9.1).
    static func recognize(_ bytes: UnsafeRawBufferPointer) -> HTTPMethod? {
        switch bytes.count {
        case 3:
            if equals(bytes, "GET") { return .get }
            if equals(bytes, "PUT") { return .put }
        case 4:
            if equals(bytes, "POST") { return .post }
            if equals(bytes, "HEAD") { return .head }
        case 5:
            if equals(bytes, "PATCH") { return .patch }
            if equals(bytes, "TRACE") { return .trace }
            if equals(bytes, "QUERY") { return .query }
        case 6:
            if equals(bytes, "DELETE") { return .delete }
        case 7:
            if equals(bytes, "OPTIONS") { return .options }
            if equals(bytes, "CONNECT") { return .connect }
        default:
            break
        }
        return nil
    }

    private static func equals(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString) -> Bool {
        literal.withUTF8Buffer { lit in
            lit.count == bytes.count && memcmp(lit.baseAddress!, bytes.baseAddress!, lit.count) == 0
        }
    }
}

/// HTTP/1.0 or HTTP/1.1: the only versions a request line may carry here (others get 505).
public enum HTTPVersion: Sendable, Hashable, CustomStringConvertible {
    case http1_0, http1_1

    public var description: String { self == .http1_1 ? "HTTP/1.1" : "HTTP/1.0" }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
