/// A path pattern such as `/v1/articles/{id}/quotes`: literal segments matched byte for byte (on the
/// percent-encoded path, as sent) and `{name}` segments that capture one non-empty segment, percent-decoded.
public struct RoutePattern: Sendable, Equatable, CustomStringConvertible {
    enum Segment: Sendable, Equatable {
        case literal([UInt8])
        case parameter(String)
    }

    let segments: [Segment]
    public let description: String
    /// Names of the parameters, in order.
    public let parameterNames: [String]

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
        parameterNames = segments.compactMap { if case .parameter(let name) = $0 { name } else { nil } }
    }


    /// The `{name}` segments of a path the pattern matches (`RouteTable`), percent-decoded (left as sent when the escapes do not
    /// decode to UTF-8).
    func captures(_ path: UnsafeRawBufferPointer, _ bounds: UnsafeBufferPointer<Range<Int>>) -> PathParameters {
        var values: [String] = []
        var single: String?
        for (segment, range) in zip(segments, bounds) {
            guard case .parameter = segment else { continue }
            let part = UnsafeRawBufferPointer(rebasing: path[range])
            let value = part.contains(UInt8(ascii: "%"))
                ? PercentDecoding.decodeString(part) ?? String(decoding: part, as: UTF8.self)
                : String(decoding: part, as: UTF8.self)
            if parameterNames.count == 1 { single = value } else { values.append(value) }
        }
        if let single { return PathParameters(names: parameterNames, single: single) }
        return PathParameters(names: parameterNames, values: values)
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
