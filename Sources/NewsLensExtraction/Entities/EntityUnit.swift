/// One piece of text the entity stage reads (headline, body paragraph or caption) with the lexicon class of
/// every token looked up once, so the rules test bits instead of hashing again.
struct EntityUnit: Sendable {
    let location: TextLocation
    let text: TextParagraph
    let classes: [WordClass]
    /// A headline written in title case ("Man Bites Dog in Park"): capitals there say nothing.
    let titleCase: Bool

    init(location: TextLocation, text: TextParagraph, lexicon: EntityLexicon) {
        self.location = location
        self.text = text
        var classes = [WordClass](repeating: [], count: text.tokens.count)
        var capitalized = 0, words = 0
        for (i, t) in text.tokens.enumerated() where t.kind == .word {
            classes[i] = lexicon[t.hash]
            if t.length > 3 && !classes[i].contains(.connector) && !classes[i].contains(.determiner) {
                words += 1
                if t.isCapitalized { capitalized += 1 }
            }
        }
        self.classes = classes
        titleCase = location == .headline && words >= 3 && capitalized * 4 >= words * 3
    }

    var tokens: [Token] { text.tokens }

    @inline(__always) func isWord(_ i: Int) -> Bool { i >= 0 && i < text.tokens.count && text.tokens[i].kind == .word }

    /// A word written with a capital (or all capitals): the stuff names are made of.
    @inline(__always) func isCapitalized(_ i: Int) -> Bool {
        isWord(i) && text.tokens[i].flags.contains(.capitalized)
    }

    @inline(__always) func has(_ i: Int, _ c: WordClass) -> Bool {
        i >= 0 && i < classes.count && !classes[i].isDisjoint(with: c)
    }

    /// Lowercase word of class `c` ("of", "analyst").
    @inline(__always) func isLower(_ i: Int, _ c: WordClass) -> Bool {
        isWord(i) && !text.tokens[i].flags.contains(.capitalized) && !classes[i].isDisjoint(with: c)
    }

    @inline(__always) func hash(_ i: Int) -> UInt64 { text.tokens[i].hash }

    /// Is token `i` the punctuation `p` ("," "(")?
    @inline(__always) func isPunct(_ i: Int, _ p: UInt64) -> Bool {
        i >= 0 && i < text.tokens.count && text.tokens[i].kind == .punctuation && text.tokens[i].hash == p
    }

    func string(_ start: Int, _ end: Int) -> String { text.text(tokens: start, through: end - 1) }
}

/// Hashes of the punctuation and function words the rules test.
enum EntityWords {
    static let comma = WordHash.hash(",")
    static let openParen = WordHash.hash("(")
    static let closeParen = WordHash.hash(")")
    static let openBracket = WordHash.hash("[")
    static let of = WordHash.hash("of")
    static let the = WordHash.hash("the")
    static let and = WordHash.hash("and")
    static let ampersand = WordHash.hash("&")
    static let at = WordHash.hash("at")
    static let `for` = WordHash.hash("for")
    static let to = WordHash.hash("to")
    static let on = WordHash.hash("on")
    static let from = WordHash.hash("from")
    static let with = WordHash.hash("with")
    static let by = WordHash.hash("by")
    static let who = WordHash.hash("who")
    static let a = WordHash.hash("a")
    static let an = WordHash.hash("an")
    static let according = WordHash.hash("according")
}
