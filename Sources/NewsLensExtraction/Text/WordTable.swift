/// Open-addressing hash table from `WordHash` values to small values: the lookup structure behind every
/// lexicon (one multiply and a probe per token, no String, no SipHash).
public struct WordTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private var mask: Int
    public private(set) var count = 0

    public init(minimumCapacity: Int = 16) {
        var size = 16
        while size < minimumCapacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 17) & mask }

    public subscript(key: UInt64) -> Value? {
        @inline(__always) get {
            var i = slot(key)
            while true {
                guard let v = values[i] else { return nil }
                if keys[i] == key { return v }
                i = (i + 1) & mask
            }
        }
        set {
            if let newValue { insert(key, newValue) } else { remove(key) }
        }
    }

    @inline(__always) public func contains(_ key: UInt64) -> Bool { self[key] != nil }

    public mutating func insert(_ key: UInt64, _ value: Value) {
        if (count + 1) * 2 > keys.count { grow() }
        var i = slot(key)
        while values[i] != nil {
            if keys[i] == key { values[i] = value; return }
            i = (i + 1) & mask
        }
        keys[i] = key
        values[i] = value
        count += 1
    }

    private mutating func remove(_ key: UInt64) {
        guard contains(key) else { return }
        let entries = zip(keys, values).compactMap { k, v in v.map { (k, $0) } }.filter { $0.0 != key }
        self = WordTable(minimumCapacity: entries.count)
        for (k, v) in entries { insert(k, v) }
    }

    private mutating func grow() {
        let old = zip(keys, values).compactMap { k, v in v.map { (k, $0) } }
        self = WordTable(minimumCapacity: max(16, old.count * 2))
        for (k, v) in old { insert(k, v) }
    }
}

/// A set of folded words (`WordHash`) for closed word classes in code ("the", "said", "monday"): the
/// `WordTable` probe instead of SipHash.
public struct WordSet: Sendable {
    private var table: WordTable<Bool>

    public init(_ words: [String]) {
        table = WordTable(minimumCapacity: words.count)
        for w in words { table.insert(WordHash.hash(w), true) }
    }

    @inline(__always) public func contains(_ hash: UInt64) -> Bool { table.contains(hash) }
}
