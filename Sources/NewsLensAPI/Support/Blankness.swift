/// Whether submitted text holds anything but white space. "White space" is the union of what the usual
/// definitions count (ECMAScript `\s`, Unicode White_Space, Python `str.isspace`), and `openapi.json`
/// states the same set as the pattern of a non-blank text, so the server and a client that validates
/// against the schema never disagree about an edge case like U+0085 or U+FEFF.
public enum Blankness {
    static func isBlankScalar(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
             0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    public static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { isBlankScalar($0.value) }
    }

    /// Decodes as UTF-8 up to the first scalar that is not blank (an invalid sequence counts as text).
    static func isBlank(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if !isBlankScalar(scalar.value) { return false }
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
