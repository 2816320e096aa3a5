/// One piece of text the entity stage reads (headline, body paragraph or caption) with the lexicon class of
/// every token looked up once, so the rules test bits instead of hashing again.
final class EntityUnit: Sendable {
    let location: TextLocation
    let text: TextParagraph
    let classes: [WordClass]
    /// A headline written in title case ("Man Bites Dog in Park"): capitals there say nothing.
    let titleCase: Bool
    /// Longest gazetteer phrase at each capitalised token (or "the"), up to the end of its sentence:
    /// looked up once, used by every rule.
    private let matches: [CachedMatch]
    private let resources: EntityResources

    struct CachedMatch: Sendable {
        var length: Int32 = 0
        var hit = GazetteerHit(kind: .city, entity: -1, allCaps: false)
    }

    init(location: TextLocation, text: TextParagraph, resources: EntityResources) {
        self.location = location
        self.text = text
        self.resources = resources
        let tokens = text.tokens
        var classes = [WordClass](repeating: [], count: tokens.count)
        var matches = [CachedMatch](repeating: CachedMatch(), count: tokens.count)
        var capitalized = 0, words = 0
        for sentence in text.sentences {
            for i in sentence {
                let t = tokens[i]
                guard t.kind == .word else { continue }
                let c = resources.lexicon.classes(of: t)
                classes[i] = c
                if t.length > 3 && !c.contains(.connector) && !c.contains(.determiner) {
                    words += 1
                    if t.isCapitalized { capitalized += 1 }
                }
                if t.isCapitalized || c.contains(.determiner),
                   let m = resources.gazetteer.match(tokens, at: i, limit: sentence.upperBound) {
                    matches[i] = CachedMatch(length: Int32(m.length), hit: m.hit)
                }
            }
        }
        self.classes = classes
        self.matches = matches
        titleCase = location == .headline && words >= 3 && capitalized * 4 >= words * 3
    }

    /// The longest gazetteer phrase starting at token `i` and ending by `limit`.
    @inline(__always)
    func known(_ i: Int, limit: Int) -> (length: Int, hit: GazetteerHit)? {
        guard i >= 0, i < matches.count else { return nil }
        let m = matches[i]
        guard m.length > 0 else { return nil }
        if i + Int(m.length) <= limit { return (Int(m.length), m.hit) }
        return resources.gazetteer.match(text.tokens, at: i, limit: limit)
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

    /// Text of tokens `start ..< end` (with the spaces between them), built from UTF-8 bytes.
    func string(_ start: Int, _ end: Int) -> String {
        let a = Int(text.tokens[start].start), b = Int(text.tokens[end - 1].end)
        var bytes: [UInt8] = []
        bytes.reserveCapacity((b - a) * 2)
        for i in a..<b {
            let v = text.scalars[i].value
            if v < 0x80 { bytes.append(UInt8(v)) } else { UTF8.encode(text.scalars[i]) { bytes.append($0) } }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
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
    static let or = WordHash.hash("or")
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
