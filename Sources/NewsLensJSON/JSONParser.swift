/// Strict RFC 8259 parser from bytes to `JSONValue`, for request bodies, JSON-LD in web pages and the
/// store's journal. Rejects what the RFC forbids (trailing commas, comments, leading zeros, bad escapes,
/// unpaired surrogates, invalid UTF-8, control characters in strings) with a `JSONParseError` naming the
/// place. It never recurses, so nesting is bounded only by `maxDepth`; duplicate keys: the last one wins.
public struct JSONParser: Sendable {
    public static let defaultMaxDepth = 512
    /// Deepest nesting of arrays and objects accepted (a document at exactly this depth parses).
    public var maxDepth: Int

    public init(maxDepth: Int = JSONParser.defaultMaxDepth) {
        self.maxDepth = maxDepth
    }

    public func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> JSONValue {
        var reader = JSONReader(bytes, maxDepth: maxDepth)
        return try reader.parseDocument()
    }

    public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        let result = bytes.withUnsafeBytes { buf in
            Result { () throws(JSONParseError) -> JSONValue in try parse(buf) }
        }
        return try result.get()
    }

    public func parse(_ bytes: ArraySlice<UInt8>) throws(JSONParseError) -> JSONValue {
        let result = bytes.withUnsafeBytes { buf in
            Result { () throws(JSONParseError) -> JSONValue in try parse(buf) }
        }
        return try result.get()
    }

    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Parses a document whose top level must be an object (a request body); a different top level is
    /// reported as a `JSONParseError` at the first byte of the value.
    public func parseObject(_ bytes: [UInt8]) throws(JSONParseError) -> JSONObject {
        let value = try parse(bytes)
        if case .object(let o) = value { return o }
        let start = bytes.firstIndex { !JSONReader.isWhitespace($0) && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF } ?? 0
        let msg = "expected a JSON object at the top level, found \(value.typeName)"
        let located = bytes.withUnsafeBytes { JSONParseError(msg, at: start, in: $0) }
        throw located
    }

    /// Shorthand for `JSONParser().parse(bytes)`.
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try JSONParser().parse(bytes)
    }
}

/// The cursor over one document; containers are kept on explicit stacks instead of the call stack.
struct JSONReader {
    let p: UnsafeRawBufferPointer
    let n: Int
    let maxDepth: Int
    var i = 0

    private enum Container { case array, object }

    init(_ bytes: UnsafeRawBufferPointer, maxDepth: Int) {
        p = bytes
        n = bytes.count
        self.maxDepth = maxDepth
    }

    static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(message, at: offset ?? i, in: p)
    }

    /// "'x'" for printable ASCII, "byte 0xC3" otherwise, "end of input" past the end.
    func describe(at offset: Int) -> String {
        guard offset < n else { return "end of input" }
        let b = p[offset]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b == 0x20 { return "' '" }
        return "byte 0x" + String(b, radix: 16, uppercase: true)
    }

    mutating func skipWhitespace() {
        while i < n, Self.isWhitespace(p[i]) { i += 1 }
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        // RFC 8259 §8.1: a parser MAY ignore a leading byte order mark.
        if n >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { i = 3 }
        skipWhitespace()
        if i >= n { throw error(n == 0 ? "empty document, expected a JSON value" : "expected a JSON value, found end of input") }
        let value = try parseValue()
        skipWhitespace()
        if i < n { throw error("unexpected \(describe(at: i)) after the JSON value") }
        return value
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        var kinds: [Container] = []
        var arrays: [[JSONValue]] = []
        var objects: [JSONObject] = []
        var pendingKeys: [String] = []
        var value: JSONValue

        next: while true {
            // A value starts at `i` (whitespace already skipped).
            guard i < n else { throw error("unexpected end of input, expected a value") }
            switch p[i] {
            case UInt8(ascii: "{"):
                if kinds.count >= maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
                i += 1
                skipWhitespace()
                if i < n && p[i] == UInt8(ascii: "}") {
                    i += 1
                    value = .object(JSONObject())
                } else {
                    pendingKeys.append(try parseMemberName(afterComma: false))
                    kinds.append(.object)
                    objects.append(JSONObject())
                    continue next
                }
            case UInt8(ascii: "["):
                if kinds.count >= maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
                i += 1
                skipWhitespace()
                if i < n && p[i] == UInt8(ascii: "]") {
                    i += 1
                    value = .array([])
                } else {
                    kinds.append(.array)
                    arrays.append([])
                    continue next
                }
            case UInt8(ascii: "\""): value = .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = try parseNumber()
            case UInt8(ascii: "t"): try expectLiteral("true"); value = .bool(true)
            case UInt8(ascii: "f"): try expectLiteral("false"); value = .bool(false)
            case UInt8(ascii: "n"): try expectLiteral("null"); value = .null
            case UInt8(ascii: "/"): throw error("comments are not allowed in JSON")
            default: throw error("expected a JSON value, found \(describe(at: i))")
            }

            // Attach the finished value to its container, closing every container that ends here.
            while let kind = kinds.last {
                skipWhitespace()
                switch kind {
                case .array:
                    arrays[arrays.count - 1].append(value)
                    guard i < n else { throw error("unexpected end of input, expected ',' or ']' after array element") }
                    if p[i] == UInt8(ascii: ",") {
                        i += 1
                        skipWhitespace()
                        if i < n && p[i] == UInt8(ascii: "]") { throw error("trailing comma before ']'") }
                        continue next
                    }
                    guard p[i] == UInt8(ascii: "]") else { throw error("expected ',' or ']' after array element") }
                    i += 1
                    kinds.removeLast()
                    value = .array(arrays.removeLast())
                case .object:
                    objects[objects.count - 1][pendingKeys.removeLast()] = value
                    guard i < n else { throw error("unexpected end of input, expected ',' or '}' after object member") }
                    if p[i] == UInt8(ascii: ",") {
                        i += 1
                        skipWhitespace()
                        pendingKeys.append(try parseMemberName(afterComma: true))
                        continue next
                    }
                    guard p[i] == UInt8(ascii: "}") else { throw error("expected ',' or '}' after object member") }
                    i += 1
                    kinds.removeLast()
                    value = .object(objects.removeLast())
                }
            }
            return value
        }
    }

    /// `"name"` `:` — leaves `i` on the member's value.
    private mutating func parseMemberName(afterComma: Bool) throws(JSONParseError) -> String {
        guard i < n else { throw error("unexpected end of input, expected a member name") }
        guard p[i] == UInt8(ascii: "\"") else {
            if afterComma && p[i] == UInt8(ascii: "}") { throw error("trailing comma before '}'") }
            throw error("expected a member name in double quotes, found \(describe(at: i))")
        }
        let name = try parseString()
        skipWhitespace()
        guard i < n, p[i] == UInt8(ascii: ":") else {
            throw error("expected ':' after member name, found \(describe(at: i))")
        }
        i += 1
        skipWhitespace()
        return name
    }

    private mutating func expectLiteral(_ word: StaticString) throws(JSONParseError) {
        let start = i
        let ok = word.withUTF8Buffer { w -> Bool in
            guard n - start >= w.count else { return false }
            for k in 0..<w.count where p[start + k] != w[k] { return false }
            return true
        }
        guard ok else { throw error("invalid literal, expected '\(word)'") }
        i += word.utf8CodeUnitCount
    }

    private static func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }

    /// RFC 8259 §6: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = i
        let negative = p[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        guard i < n, Self.isDigit(p[i]) else { throw error("expected a digit after '-', found \(describe(at: i))") }
        let intStart = i
        if p[i] == UInt8(ascii: "0") {
            i += 1
            if i < n && Self.isDigit(p[i]) { throw error("leading zeros are not allowed in numbers", at: start) }
        } else {
            while i < n && Self.isDigit(p[i]) { i += 1 }
        }
        let intEnd = i
        var integral = true
        if i < n && p[i] == UInt8(ascii: ".") {
            integral = false
            i += 1
            guard i < n, Self.isDigit(p[i]) else { throw error("expected a digit after the decimal point, found \(describe(at: i))") }
            while i < n && Self.isDigit(p[i]) { i += 1 }
        }
        if i < n && (p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E")) {
            integral = false
            i += 1
            if i < n && (p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-")) { i += 1 }
            guard i < n, Self.isDigit(p[i]) else { throw error("expected a digit in the exponent, found \(describe(at: i))") }
            while i < n && Self.isDigit(p[i]) { i += 1 }
        }
        if integral, intEnd - intStart <= 19 {
            var magnitude: UInt64 = 0
            for k in intStart..<intEnd { magnitude = magnitude &* 10 &+ UInt64(p[k] &- UInt8(ascii: "0")) }
            if negative {
                if magnitude <= UInt64(Int.max) + 1 { return .int(Int(truncatingIfNeeded: 0 &- magnitude)) }
            } else if magnitude <= UInt64(Int.max) {
                return .int(Int(magnitude))
            }
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: p[start..<i]), as: UTF8.self)
        guard let d = Double(text), d.isFinite else { throw error("number out of range", at: start) }
        return .double(d)
    }
}
