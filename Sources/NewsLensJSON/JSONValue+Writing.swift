/// Serialisation of a `JSONValue` through `JSONWriter`, so a parsed document can be written back.
extension JSONValue {
    /// Writes the value; doubles use their shortest round-trip form ("2.0", "1e+20"), so parsing the
    /// output gives back the same cases (`.double` stays `.double`).
    public func write(to w: inout JSONWriter) {
        switch self {
        case .object(let o):
            w.beginObject()
            for (k, v) in zip(o.keys, o.values) { w.key(k); v.write(to: &w) }
            w.endObject()
        case .array(let a):
            w.beginArray()
            for v in a { v.write(to: &w) }
            w.endArray()
        case .string(let s): w.string(s)
        case .int(let i): w.int(i)
        case .double(let d):
            if d.isFinite { w.raw(Array(d.description.utf8)) } else { w.null() }
        case .bool(let b): w.bool(b)
        case .null: w.null()
        }
    }

    /// The compact JSON encoding of the value.
    public func jsonBytes() -> [UInt8] {
        var w = JSONWriter()
        write(to: &w)
        return w.bytes
    }
}
