/// Why a document is not acceptable JSON and where: the byte offset (0-based) plus line and column
/// (1-based, columns counted in Unicode scalars) so an API client can find the spot in its editor.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in words ("expected ',' or '}' after object member").
    public var message: String
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(message: String, offset: Int, line: Int, column: Int) {
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// Locates `offset` in `bytes`: lines end at LF; a column counts every byte that starts a UTF-8
    /// sequence (invalid bytes count as one column each).
    init(_ message: String, at offset: Int, in bytes: UnsafeRawBufferPointer) {
        var line = 1
        var column = 1
        let end = min(offset, bytes.count)
        var i = 0
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        self.init(message: message, offset: offset, line: line, column: column)
    }

    /// "expected ',' or '}' after object member at line 3, column 14"
    public var description: String { "\(message) at line \(line), column \(column)" }
}

/// A well-formed document whose content has the wrong shape for the caller: a field with the wrong type,
/// or a top level that is not an object.
public struct JSONFieldError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The member name, or nil when the complaint is about the whole document.
    public var field: String?
    public var expected: String
    public var found: String

    public init(field: String?, expected: String, found: String) {
        self.field = field
        self.expected = expected
        self.found = found
    }

    public var description: String {
        if let field { return "field \"\(field)\" must be \(expected), found \(found)" }
        return "expected \(expected) at the top level, found \(found)"
    }
}

extension JSONObject {
    /// The string member `key`: nil when absent or `null`; throws when it has another type.
    /// For request bodies such as `{"text": ...}` or `{"html": ..., "url": ...}`, where unknown members are ignored.
    public func string(_ key: String) throws(JSONFieldError) -> String? {
        guard let v = self[key] else { return nil }
        switch v {
        case .string(let s): return s
        case .null: return nil
        default: throw JSONFieldError(field: key, expected: "a string", found: v.typeName)
        }
    }

    /// Like `string(_:)` but the member must be present and a string.
    public func requiredString(_ key: String) throws(JSONFieldError) -> String {
        guard let v = self[key] else { throw JSONFieldError(field: key, expected: "a string", found: "nothing") }
        guard case .string(let s) = v else { throw JSONFieldError(field: key, expected: "a string", found: v.typeName) }
        return s
    }

    /// Every member whose value is a string, in document order (non-string members skipped).
    public var stringFields: [(key: String, value: String)] {
        var out: [(key: String, value: String)] = []
        for (k, v) in zip(keys, values) { if case .string(let s) = v { out.append((k, s)) } }
        return out
    }
}
