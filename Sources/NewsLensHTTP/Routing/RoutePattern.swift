/// A path pattern such as `/v1/articles/{id}/quotes`: literal segments matched byte for byte (on the
/// percent-encoded path, as sent) and `{name}` segments that capture one non-empty segment, percent-decoded.
public struct RoutePattern: Sendable, Equatable, CustomStringConvertible {
    enum Segment: Sendable, Equatable {
        case literal([UInt8])
        case parameter(String)
    }

    let segments: [Segment]
    public let description: String

    /// Parses a pattern; it must start with "/". Traps on a malformed pattern (a programming error).
    public init(_ pattern: String) {
        precondition(pattern.hasPrefix("/"), "route pattern '\(pattern)' must start with '/'")
        description = pattern
        segments = pattern.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            .map { part in
                if part.first == UInt8(ascii: "{") && part.last == UInt8(ascii: "}") && part.count > 2 {
                    return .parameter(String(decoding: part.dropFirst().dropLast(), as: UTF8.self))
                }
                return .literal(Array(part))
            }
    }

    /// Names of the parameters, in order.
    public var parameterNames: [String] {
        segments.compactMap { if case .parameter(let name) = $0 { name } else { nil } }
    }

    /// Matches `path` (bytes after the leading '/', split on '/'); returns captured parameters or nil.
    func match(_ parts: [Slice<UnsafeRawBufferPointer>]) -> [String: String]? {
        guard parts.count == segments.count else { return nil }
        var captured: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let literal):
                guard literal.elementsEqual(part) else { return nil }
            case .parameter(let name):
                guard !part.isEmpty else { return nil }
                captured[name] = PercentDecoding.decodeString(part) ?? String(decoding: Array(part), as: UTF8.self)
            }
        }
        return captured
    }

    /// Literal segments win over parameters at the first position where two matching patterns differ
    /// (`/v1/articles/latest` beats `/v1/articles/{id}`).
    func isMoreSpecific(than other: RoutePattern) -> Bool {
        for (a, b) in zip(segments, other.segments) {
            switch (a, b) {
            case (.literal, .parameter): return true
            case (.parameter, .literal): return false
            default: continue
            }
        }
        return false
    }
}
