/// The header fields of a request, kept as the received bytes plus field offsets: nothing is turned into a
/// String until a handler asks for a field. Names compare ASCII case-insensitively (RFC 9110 §5.1).
public struct RequestHeaders: Sendable, Sequence {
    /// Offsets of one field line's name and (trimmed) value in `storage`.
    struct Field: Sendable {
        var nameStart: Int32
        var nameEnd: Int32
        var valueStart: Int32
        var valueEnd: Int32
    }

    /// The whole request head as received; fields point into it.
    let storage: [UInt8]
    let fields: [Field]

    init(storage: [UInt8], fields: [Field]) {
        self.storage = storage
        self.fields = fields
    }

    /// Headers built in code (tests, internal requests).
    public init(_ pairs: [(String, String)] = []) {
        var storage: [UInt8] = []
        var fields: [Field] = []
        for (name, value) in pairs {
            let nameStart = Int32(storage.count)
            storage.append(contentsOf: name.utf8)
            let valueStart = Int32(storage.count)
            storage.append(contentsOf: value.utf8)
            fields.append(Field(nameStart: nameStart, nameEnd: valueStart, valueStart: valueStart,
                                valueEnd: Int32(storage.count)))
        }
        self.init(storage: storage, fields: fields)
    }

    public var count: Int { fields.count }

    /// The first value of the field `name`, or nil.
    public subscript(_ name: String) -> String? {
        guard let index = firstIndex(of: name) else { return nil }
        return value(at: index)
    }

    /// Every value of `name`, in order (repeated fields, RFC 9110 §5.3).
    public func values(_ name: String) -> [String] {
        var result: [String] = []
        for i in fields.indices where nameMatches(i, name) { result.append(value(at: i)) }
        return result
    }

    public func contains(_ name: String) -> Bool { firstIndex(of: name) != nil }

    public func makeIterator() -> AnyIterator<(name: String, value: String)> {
        var i = 0
        return AnyIterator {
            guard i < fields.count else { return nil }
            defer { i += 1 }
            return (name: name(at: i), value: value(at: i))
        }
    }

    func name(at i: Int) -> String { string(Int(fields[i].nameStart)..<Int(fields[i].nameEnd)) }
    func value(at i: Int) -> String { string(Int(fields[i].valueStart)..<Int(fields[i].valueEnd)) }

    /// Value bytes of field `i`; for byte-level checks (If-None-Match, Accept-Encoding) without Strings.
    func withValueBytes<R>(at i: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        storage.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[Int(fields[i].valueStart)..<Int(fields[i].valueEnd)])) }
    }

    /// Indices of fields whose name equals the lowercase literal.
    func indices(ofLowercase literal: StaticString) -> [Int] {
        storage.withUnsafeBytes { raw in
            fields.indices.filter { i in
                ByteClass.equalsLowercase(
                    UnsafeRawBufferPointer(rebasing: raw[Int(fields[i].nameStart)..<Int(fields[i].nameEnd)]), literal)
            }
        }
    }

    private func firstIndex(of name: String) -> Int? { fields.indices.first { nameMatches($0, name) } }

    private func nameMatches(_ i: Int, _ name: String) -> Bool {
        let start = Int(fields[i].nameStart), end = Int(fields[i].nameEnd)
        guard end - start == name.utf8.count else { return false }
        var k = start
        for b in name.utf8 {
            if ByteClass.lower(storage[k]) != ByteClass.lower(b) { return false }
            k += 1
        }
        return true
    }

    private func string(_ range: Range<Int>) -> String {
        // Header values may hold obs-text (bytes ≥ 0x80); decode as UTF-8 with replacement, never trap.
        String(decoding: storage[range], as: UTF8.self)
    }
}
