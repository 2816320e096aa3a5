/// One token of a paragraph: a scalar range plus classification, 24 bytes, no String. Its text is made only
/// on demand (`TextParagraph.text(of:)`); lexicons compare `hash` (`WordHash`) instead.
public struct Token: Sendable, Hashable {
    /// Half-open range of Unicode scalars in the paragraph.
    public var start: Int32
    public var end: Int32
    /// Folded hash of the token text (`WordHash`); for an abbreviation the trailing period is not hashed.
    public var hash: UInt64
    public var kind: TokenKind
    public var flags: TokenFlags

    public init(start: Int32, end: Int32, hash: UInt64, kind: TokenKind, flags: TokenFlags) {
        self.start = start
        self.end = end
        self.hash = hash
        self.kind = kind
        self.flags = flags
    }

    @inline(__always) public var range: Range<Int> { Int(start)..<Int(end) }
    @inline(__always) public var length: Int { Int(end - start) }
    @inline(__always) public var isWord: Bool { kind == .word }
    @inline(__always) public var isCapitalized: Bool { flags.contains(.capitalized) }
    @inline(__always) public var isOpeningQuote: Bool { kind == .quote && flags.contains(.opening) }
    @inline(__always) public var isClosingQuote: Bool { kind == .quote && flags.contains(.closing) }
}

public enum TokenKind: UInt8, Sendable, Hashable {
    /// Letters (with inner apostrophes, hyphens, dots: "don't", "six-party", "U.S.", "N.Korea").
    case word
    /// Digits (with separators): "2006", "3.5", "1,000", "15:37". Digit-initial tokens with letters ("9th",
    /// "43-year-old") are words with `hasDigit`.
    case number
    /// `. , ; : ! ? …` and brackets.
    case punctuation
    /// A quotation mark; `flags` says opening/closing/single.
    case quote
    /// A clause dash: `—`, `–`, `--`, or a hyphen standing alone between spaces.
    case dash
    case symbol
}

/// Per-token facts the later stages test without looking at the text.
public struct TokenFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// First scalar is an uppercase letter.
    public static let capitalized = TokenFlags(rawValue: 1 << 0)
    /// At least two letters, none lowercase ("APEC", "US").
    public static let allCaps = TokenFlags(rawValue: 1 << 1)
    /// First word or number of a sentence.
    public static let sentenceStart = TokenFlags(rawValue: 1 << 2)
    public static let hasDigit = TokenFlags(rawValue: 1 << 3)
    /// The token ends with a period that belongs to it ("Mr.", "U.S.", "Ore.", "F.").
    public static let abbreviation = TokenFlags(rawValue: 1 << 4)
    /// A single capital letter with its period ("F." in "John F. Kennedy").
    public static let initial = TokenFlags(rawValue: 1 << 5)
    public static let spaceBefore = TokenFlags(rawValue: 1 << 6)
    public static let spaceAfter = TokenFlags(rawValue: 1 << 7)
    /// Quotation mark that can open a quote.
    public static let opening = TokenFlags(rawValue: 1 << 8)
    /// Quotation mark that can close a quote.
    public static let closing = TokenFlags(rawValue: 1 << 9)
    /// Single quotation mark (`'`, `‘`, `’`).
    public static let single = TokenFlags(rawValue: 1 << 10)
    /// A `’`/`'` right after a letter with no space: may be an apostrophe ("students’").
    public static let apostrophe = TokenFlags(rawValue: 1 << 11)
    /// The possessive `'s` / `’s` split off a word.
    public static let possessive = TokenFlags(rawValue: 1 << 12)
    /// Contains a hyphen between letters ("six-party").
    public static let hyphenated = TokenFlags(rawValue: 1 << 13)
    /// The last token of a sentence.
    public static let sentenceEnd = TokenFlags(rawValue: 1 << 14)
}
