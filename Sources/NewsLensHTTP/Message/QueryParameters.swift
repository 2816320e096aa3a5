/// The decoded `name=value` pairs of a query string, in order. Repeated names keep every value.
/// Pairs whose escapes are malformed are kept undecoded rather than dropped, so nothing silently vanishes.
public struct QueryParameters: Sendable, Sequence {
    public private(set) var pairs: [(name: String, value: String)] = []

    public init(pairs: [(name: String, value: String)] = []) { self.pairs = pairs }

    /// Parses a raw query (without '?'): '&'-separated, '+' means space, percent-escapes decoded.
    public init(parsing raw: some Collection<UInt8>) {
        for piece in raw.split(separator: UInt8(ascii: "&")) {
            let parts = piece.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            if !name.isEmpty || !value.isEmpty { pairs.append((name, value)) }
        }
    }

    /// The first value of `name`.
    public subscript(_ name: String) -> String? { pairs.first { $0.name == name }?.value }

    public func values(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    public var isEmpty: Bool { pairs.isEmpty }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { pairs.makeIterator() }

    private static func decode(_ bytes: some Collection<UInt8>) -> String {
        PercentDecoding.decodeString(bytes, plusAsSpace: true) ?? String(decoding: Array(bytes), as: UTF8.self)
    }
}
