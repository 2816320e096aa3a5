/// Writes JSON straight into a byte buffer: no Foundation, no intermediate strings, so responses can be
/// encoded once and served as cached bytes.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8]
    /// One entry per open container: whether the next value needs a leading comma.
    private var needsComma: [Bool] = []
    private var afterKey = false

    public init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    // MARK: containers

    public mutating func beginObject() { prefix(); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }
    public mutating func endObject() { needsComma.removeLast(); bytes.append(UInt8(ascii: "}")) }
    public mutating func beginArray() { prefix(); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }
    public mutating func endArray() { needsComma.removeLast(); bytes.append(UInt8(ascii: "]")) }

    /// Writes an object key; the next call writes its value.
    public mutating func key(_ name: String) {
        prefix()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    // MARK: scalars

    public mutating func string(_ value: String) { prefix(); appendQuoted(value) }
    public mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    public mutating func int(_ value: Int) { prefix(); appendInt(value) }
    public mutating func int(_ value: Int?) { if let value { int(value) } else { null() } }
    public mutating func bool(_ value: Bool) { prefix(); appendASCII(value ? "true" : "false") }
    public mutating func null() { prefix(); appendASCII("null") }

    /// Finite doubles as JSON numbers; NaN and infinities (not representable in JSON) as null.
    public mutating func double(_ value: Double) {
        guard value.isFinite else { null(); return }
        prefix()
        if value == value.rounded(), abs(value) < 1e15 {
            appendInt(Int(value))
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    /// Inserts bytes that are already valid JSON (a cached sub-document).
    public mutating func raw(_ json: [UInt8]) { prefix(); bytes.append(contentsOf: json) }
    public mutating func raw(_ json: ArraySlice<UInt8>) { prefix(); bytes.append(contentsOf: json) }
    public mutating func raw(_ json: UnsafeRawBufferPointer) { prefix(); bytes.append(contentsOf: json) }

    // MARK: conveniences

    public mutating func field(_ name: String, _ value: String?) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: Int) { key(name); int(value) }
    public mutating func field(_ name: String, _ value: Int?) { key(name); int(value) }
    public mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }
    public mutating func field(_ name: String, _ values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    // MARK: internals

    private mutating func prefix() {
        if afterKey { afterKey = false; return }
        guard let last = needsComma.last else { return }
        if last { bytes.append(UInt8(ascii: ",")) } else { needsComma[needsComma.count - 1] = true }
    }

    private mutating func appendASCII(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func appendInt(_ value: Int) {
        if value == 0 { bytes.append(UInt8(ascii: "0")); return }
        var v = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            while v > 0 {
                buf[19 - count] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                count += 1
            }
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: buf[(20 - count)...])
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendQuoted(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var runStart = 0
            var i = 0
            let n = utf8.count
            while i < n {
                let b = utf8[i]
                if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") { i += 1; continue }
                if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                bytes.append(UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                default:
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              Self.hex[Int(b >> 4)], Self.hex[Int(b & 0xF)]])
                }
                i += 1
                runStart = i
            }
            if runStart < n { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<n])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
