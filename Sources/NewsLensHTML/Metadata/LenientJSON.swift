/// A small, tolerant JSON reader for the JSON-LD blocks of web pages, which are often slightly broken
/// (trailing commas, raw newlines in strings, HTML comments or CDATA around them, several values one after
/// another). Depth-limited and total: bad input gives nil, never a crash. To be replaced by NewsLensJSON's
/// parser once that lands.
public indirect enum LenientJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([LenientJSON])
    case object([(String, LenientJSON)])

    public static func == (a: LenientJSON, b: LenientJSON) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public func hash(into h: inout Hasher) {
        switch self {
        case .null: h.combine(0)
        case let .bool(b): h.combine(b)
        case let .number(n): h.combine(n)
        case let .string(s): h.combine(s)
        case let .array(a): h.combine(a)
        case let .object(o): for (k, v) in o { h.combine(k); h.combine(v) }
        }
    }

    public subscript(key: String) -> LenientJSON? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    public var string: String? {
        if case let .string(s) = self { return s }
        if case let .number(n) = self { return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n) }
        return nil
    }

    /// The value itself, or the elements when it is an array.
    public var elements: [LenientJSON] {
        if case let .array(a) = self { return a }
        return [self]
    }

    /// Parses every top-level value in `bytes` (a JSON-LD script may hold more than one).
    public static func parseAll(_ bytes: ArraySlice<UInt8>, maximumDepth: Int = 64) -> [LenientJSON] {
        var p = Parser(bytes: Array(bytes), maximumDepth: maximumDepth)
        var values: [LenientJSON] = []
        var failures = 0
        while failures < 16 {
            p.skipJunk()
            guard p.i < p.bytes.count, values.count < 64 else { break }
            let before = p.i
            // A failed value is retried one byte later, a bounded number of times, so that wrappers such as
            // `<![CDATA[` are skipped but hostile input cannot make the work quadratic.
            if let v = p.value(depth: 0) { values.append(v) } else { p.i = before + 1; failures += 1 }
        }
        return values
    }

    public static func parse(_ s: String) -> LenientJSON? { parseAll(ArraySlice(Array(s.utf8))).first }

    private struct Parser {
        let bytes: [UInt8]
        let maximumDepth: Int
        var i = 0

        init(bytes: [UInt8], maximumDepth: Int) {
            self.bytes = bytes
            self.maximumDepth = maximumDepth
        }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] <= 0x20 { i += 1 }
        }

        /// White space, `<!--`, `-->`, `//<![CDATA[`, `]]>`, `;` and commas between top-level values.
        mutating func skipJunk() {
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") { return }
                i += 1
            }
        }

        mutating func value(depth: Int) -> LenientJSON? {
            skipSpace()
            guard i < bytes.count, depth < maximumDepth else { return nil }
            switch bytes[i] {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""), UInt8(ascii: "'"): return string().map { .string($0) }
            default: return literal()
            }
        }

        mutating func object(depth: Int) -> LenientJSON? {
            i += 1
            var members: [(String, LenientJSON)] = []
            while true {
                skipSpace()
                guard i < bytes.count else { return .object(members) }
                let b = bytes[i]
                if b == UInt8(ascii: "}") { i += 1; return .object(members) }
                if b == UInt8(ascii: ",") { i += 1; continue }
                guard b == UInt8(ascii: "\"") || b == UInt8(ascii: "'"), let key = string() else { return nil }
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                guard let v = value(depth: depth + 1) else { return nil }
                members.append((key, v))
            }
        }

        mutating func array(depth: Int) -> LenientJSON? {
            i += 1
            var items: [LenientJSON] = []
            while true {
                skipSpace()
                guard i < bytes.count else { return .array(items) }
                let b = bytes[i]
                if b == UInt8(ascii: "]") { i += 1; return .array(items) }
                if b == UInt8(ascii: ",") { i += 1; continue }
                guard let v = value(depth: depth + 1) else { return nil }
                items.append(v)
            }
        }

        mutating func string() -> String? {
            let quote = bytes[i]
            i += 1
            var out: [UInt8] = []
            while i < bytes.count {
                let b = bytes[i]
                if b == quote { i += 1; return String(decoding: out, as: UTF8.self) }
                if b == UInt8(ascii: "\\") && i + 1 < bytes.count {
                    let e = bytes[i + 1]
                    i += 2
                    switch e {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "b"), UInt8(ascii: "f"): out.append(0x20)
                    case UInt8(ascii: "u"):
                        guard var scalar = hex4() else { continue }
                        if scalar >= 0xD800 && scalar < 0xDC00, i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
                           bytes[i + 1] == UInt8(ascii: "u") {
                            i += 2
                            if let low = hex4(), low >= 0xDC00 && low < 0xE000 {
                                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            } else { scalar = 0xFFFD }
                        }
                        HTMLCharacterReferences.appendUTF8(HTMLCharacterReferences.numericFixup(scalar), to: &out)
                    default: out.append(e)
                    }
                    continue
                }
                out.append(b)
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }

        mutating func hex4() -> UInt32? {
            guard i + 4 <= bytes.count else { return nil }
            var v: UInt32 = 0
            for k in 0 ..< 4 {
                let b = bytes[i + k] | 0x20
                if b >= 0x30 && b <= 0x39 { v = v * 16 + UInt32(b - 0x30) }
                else if b >= 0x61 && b <= 0x66 { v = v * 16 + UInt32(b - 0x61 + 10) }
                else { return nil }
            }
            i += 4
            return v
        }

        mutating func literal() -> LenientJSON? {
            let start = i
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: ",") || b == UInt8(ascii: "}") || b == UInt8(ascii: "]") || b <= 0x20 { break }
                i += 1
            }
            let word = String(decoding: bytes[start ..< i], as: UTF8.self)
            switch word {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null", "undefined": return .null
            default:
                return Double(word).map { .number($0) }
            }
        }
    }
}
