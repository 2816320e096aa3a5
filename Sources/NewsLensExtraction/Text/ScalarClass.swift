/// How the scanners see one Unicode scalar: letters, digits, spaces, quotation marks and dashes are told
/// apart once here, so tokenizer, sentence splitter and quote scanner never compare characters themselves.
public enum ScalarClass: UInt8, Sendable {
    case other
    case space
    case newline
    case upper
    case lower
    /// Letters without case (CJK, Arabic, …) and combining marks: part of a word.
    case letter
    case digit
    /// `"` — opening or closing, decided by context.
    case straightDouble
    /// `'` — apostrophe, opening or closing, decided by context.
    case straightSingle
    /// `“` `„` `«` `‟`
    case openDouble
    /// `”` `»`
    case closeDouble
    /// `‘` `‹` `‛`
    case openSingle
    /// `’` `›` — also the typographic apostrophe.
    case closeSingle
    /// `-` (ASCII hyphen-minus) and `‐` `‑`.
    case hyphen
    /// `–` `—` `―` `−` and friends: dashes that separate clauses.
    case dash
    case period
    case comma
    case colon
    case semicolon
    case question
    case exclamation
    /// `…`
    case ellipsis
    case openBracket
    case closeBracket
    case symbol
    /// Invisible format characters (zero-width space, soft hyphen, joiners, direction marks, U+FEFF): part of
    /// the word around them, ignored between words.
    case format

    @inline(__always)
    public static func of(_ s: Unicode.Scalar) -> ScalarClass {
        let v = s.value
        if v < 0x80 { return asciiTable[Int(v)] }
        return nonASCII(s)
    }

    @inline(__always) public var isLetter: Bool { self == .upper || self == .lower || self == .letter }
    @inline(__always) public var isAlphanumeric: Bool { isLetter || self == .digit }
    @inline(__always) public var isQuote: Bool {
        switch self {
        case .straightDouble, .straightSingle, .openDouble, .closeDouble, .openSingle, .closeSingle: return true
        default: return false
        }
    }
    @inline(__always) public var isDoubleQuote: Bool {
        self == .straightDouble || self == .openDouble || self == .closeDouble
    }
    @inline(__always) public var isSentenceFinal: Bool {
        self == .period || self == .question || self == .exclamation || self == .ellipsis
    }
    @inline(__always) public var isWhitespace: Bool { self == .space || self == .newline }
    /// Whitespace or an invisible format character: what trimming removes at paragraph edges.
    @inline(__always) public var isBlank: Bool { self == .space || self == .newline || self == .format }

    private static let asciiTable: [ScalarClass] = {
        var t = [ScalarClass](repeating: .symbol, count: 128)
        for v in 0..<32 { t[v] = .other }
        t[9] = .space; t[32] = .space
        t[10] = .newline; t[11] = .newline; t[12] = .newline; t[13] = .newline
        for v in 48...57 { t[v] = .digit }
        for v in 65...90 { t[v] = .upper }
        for v in 97...122 { t[v] = .lower }
        t[34] = .straightDouble; t[39] = .straightSingle
        t[45] = .hyphen; t[46] = .period; t[44] = .comma; t[58] = .colon; t[59] = .semicolon
        t[63] = .question; t[33] = .exclamation
        t[40] = .openBracket; t[91] = .openBracket; t[123] = .openBracket
        t[41] = .closeBracket; t[93] = .closeBracket; t[125] = .closeBracket
        t[127] = .other
        return t
    }()

    private static func nonASCII(_ s: Unicode.Scalar) -> ScalarClass {
        switch s.value {
        case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        case 0x0085, 0x2028, 0x2029: return .newline
        case 0x00AD, 0x200B...0x200F, 0x2060, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: return .format
        case 0x201C, 0x201E, 0x00AB, 0x201F: return .openDouble
        case 0x201D, 0x00BB: return .closeDouble
        case 0x2018, 0x2039, 0x201B: return .openSingle
        case 0x2019, 0x203A: return .closeSingle
        case 0x2010, 0x2011: return .hyphen
        case 0x2012...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return .dash
        case 0x2026: return .ellipsis
        case 0x00BF: return .question
        case 0x00A1: return .exclamation
        case 0x3002, 0xFF0E: return .period
        case 0xFF0C, 0x3001: return .comma
        default: break
        }
        let p = s.properties
        if p.isUppercase { return .upper }
        if p.isLowercase { return .lower }
        if p.isAlphabetic { return .letter }
        switch p.generalCategory {
        case .decimalNumber: return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark: return .letter
        case .spaceSeparator: return .space
        case .openPunctuation: return .openBracket
        case .closePunctuation: return .closeBracket
        case .control, .format: return .other
        default: return .symbol
        }
    }
}
