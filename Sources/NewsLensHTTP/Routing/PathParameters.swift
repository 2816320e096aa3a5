/// The values a route's `{name}` segments captured, percent-decoded. Built for every routed request, so it
/// is small: the names are the pattern's own array (shared, not copied) and one parameter, the usual case,
/// needs no array of values — a dictionary here cost a hash table and hashing per request.
public struct PathParameters: Sendable, Equatable {
    /// Parameter names in pattern order (the route pattern's array).
    let names: [String]
    private let first: String?
    private let rest: [String]

    public static let none = PathParameters(names: [], values: [])

    init(names: [String], values: [String]) {
        precondition(names.count == values.count, "one value per parameter name")
        self.names = names
        first = values.first
        rest = values.count > 1 ? Array(values.dropFirst()) : []
    }

    init(names: [String], single value: String) {
        self.names = names
        first = value
        rest = []
    }

    /// From name/value pairs (tests, in-process calls).
    public init(_ dictionary: [String: String]) {
        let sorted = dictionary.sorted { $0.key < $1.key }
        self.init(names: sorted.map(\.key), values: sorted.map(\.value))
    }

    public var count: Int { names.count }
    public var isEmpty: Bool { names.isEmpty }

    /// The value captured for `name`, or nil.
    public subscript(name: String) -> String? {
        guard let index = names.firstIndex(of: name) else { return nil }
        return index == 0 ? first : rest[index - 1]
    }

    /// Every name and value.
    public var dictionary: [String: String] {
        var out: [String: String] = [:]
        for (i, name) in names.enumerated() { out[name] = i == 0 ? first : rest[i - 1] }
        return out
    }
}
