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

/// Hashes of the punctuation and function words the rules test: `WordHash.hash` of each word, written as
/// constants so reading them costs nothing (EntityUnitTests checks them against `WordHash`).
enum EntityWords {
    static let comma: UInt64 = 0xaf63a14c8601884b  // ","
    static let openParen: UInt64 = 0xaf63a54c86018f17  // "("
    static let closeParen: UInt64 = 0xaf63a44c86018d64  // ")"
    static let openBracket: UInt64 = 0xaf64164c86024f1a  // "["
    static let of: UInt64 = 0x08b06007b5567108  // "of"
    static let the: UInt64 = 0x56f5c9194461d57c  // "the"
    static let and: UInt64 = 0xe6f79719051ff286  // "and"
    static let or: UInt64 = 0x08b05407b5565ca4  // "or"
    static let ampersand: UInt64 = 0xaf639b4c86017e19  // "&"
    static let at: UInt64 = 0x089c4e07b545a968  // "at"
    static let `for`: UInt64 = 0xdcb27818fed9da90  // "for"
    static let to: UInt64 = 0x08c83907b56ac0a4  // "to"
    static let on: UInt64 = 0x08b05807b5566370  // "on"
    static let from: UInt64 = 0x7f845078d7a5c0b5  // "from"
    static let with: UInt64 = 0xa66b06f655a0c2e9  // "with"
    static let by: UInt64 = 0x08a64b07b54df8d4  // "by"
    static let who: UInt64 = 0x5ec5fc194891690f  // "who"
    static let a: UInt64 = 0xaf63dc4c8601ec8c  // "a"
    static let an: UInt64 = 0x089c3807b5458406  // "an"
    static let according: UInt64 = 0x22069a7dca739b67  // "according"
}
