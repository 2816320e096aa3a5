/// A JSON object that keeps its members in document order (for faithful round trips and readable
/// output) while looking keys up in constant time once it grows past a few members.
/// Setting an existing key replaces its value in place, so a parsed duplicate key means "last wins".
public struct JSONObject: Sendable, Hashable, RandomAccessCollection {
    public private(set) var keys: [String] = []
    public private(set) var values: [JSONValue] = []
    /// Key → position, built only past `indexThreshold` members (small objects scan faster).
    private var index: [String: Int]? = nil
    private static let indexThreshold = 8

    public init() {}

    public init(_ members: [(String, JSONValue)]) {
        for (k, v) in members { self[k] = v }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { keys.count }
    public subscript(position: Int) -> (key: String, value: JSONValue) { (keys[position], values[position]) }

    /// The value of `key`; assigning nil removes the member, assigning a value to an existing key replaces it
    /// where it stands.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let i = position(of: key) else { return nil }
            return values[i]
        }
        set {
            if let i = position(of: key) {
                if let newValue { values[i] = newValue } else { remove(at: i) }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
                if index != nil {
                    index![key] = keys.count - 1
                } else if keys.count > Self.indexThreshold {
                    buildIndex()
                }
            }
        }
    }

    public func position(of key: String) -> Int? {
        if let index { return index[key] }
        return keys.firstIndex(of: key)
    }

    private mutating func remove(at i: Int) {
        keys.remove(at: i)
        values.remove(at: i)
        if index != nil { buildIndex() }
    }

    private mutating func buildIndex() {
        var d = [String: Int](minimumCapacity: keys.count)
        for (i, k) in keys.enumerated() { d[k] = i }
        index = d
    }

    // Equality and hashing are over the ordered members; the lookup index is a cache.
    public static func == (a: JSONObject, b: JSONObject) -> Bool { a.keys == b.keys && a.values == b.values }
    public func hash(into h: inout Hasher) {
        h.combine(keys)
        h.combine(values)
    }
}
