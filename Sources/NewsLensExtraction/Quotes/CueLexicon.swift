/// Speech cues from `Resources/cue-verbs.txt` ("said", "told", "according to", …) and the small closed
/// word classes the speaker finder needs (pronouns, determiners, adverbs that sit between subject and cue).
public struct CueLexicon: Sendable {
    public enum Kind: UInt8, Sendable {
        /// Can introduce reported speech: "X said (that) …", "…, X said".
        case clause
        /// Attributes quotes only: "X asked", "X continued:".
        case quote
        /// Takes an addressee before its clause: "X told reporters (that) …".
        case object
        /// Multi-word cue with the speaker after it: "according to X".
        case phrase
        /// Its object is not the speaker: "X called the plan \"a disaster\"" (speaker before it only).
        case transitive
    }

    public var cues = PhraseTable<Kind>()
    /// First words of cues that name where a statement was read or heard rather than who made it ("according
    /// to", "reported"): in "\"…,\" X said, according to Y." the source Y is the speaker of record.
    public private(set) var sources = WordTable<Bool>()

    public static let shared = CueLexicon(entries: ResourceFile.entries("cue-verbs.txt"))

    public init(entries: [[Substring]]) {
        let tokenizer = Tokenizer()
        for fields in entries {
            if fields.count > 2, fields[2] == "source", let first = fields[0].split(separator: " ").first {
                sources.insert(WordHash.hash(first), true)
            }
            let kind: Kind
            switch fields.count > 1 ? fields[1] : "" {
            case "quote": kind = .quote
            case "object": kind = .object
            case "phrase": kind = .phrase
            case "transitive": kind = .transitive
            default: kind = .clause
            }
            cues.insert(String(fields[0]), kind, tokenizer: tokenizer)
        }
    }

    /// The cue starting at token `t` names a source ("according to", "reported").
    @inline(__always)
    public func isSource(_ t: Token) -> Bool { t.kind == .word && sources.contains(t.hash) }

    // MARK: closed classes (grammar, not vocabulary: kept in code)

    public enum PronounKind: UInt8, Sendable { case male, female, plural, firstSingular, firstPlural, neuter, second }

    static let pronouns: WordTable<PronounKind> = {
        var d = WordTable<PronounKind>()
        for w in ["he"] { d[WordHash.hash(w)] = .male }
        for w in ["she"] { d[WordHash.hash(w)] = .female }
        for w in ["they"] { d[WordHash.hash(w)] = .plural }
        for w in ["i"] { d[WordHash.hash(w)] = .firstSingular }
        for w in ["we"] { d[WordHash.hash(w)] = .firstPlural }
        for w in ["it"] { d[WordHash.hash(w)] = .neuter }
        for w in ["you"] { d[WordHash.hash(w)] = .second }
        return d
    }()

    @inline(__always)
    public func pronoun(_ t: Token) -> PronounKind? { t.kind == .word ? Self.pronouns[t.hash] : nil }

    /// Words that may stand between a subject and its cue: "Aso also said", "he later told", "who said".
    static let adverbs = WordSet(["also", "later", "then", "previously", "again", "once", "further", "recently",
        "earlier", "has", "have", "had", "would", "will", "reportedly", "quickly", "simply", "flatly", "repeatedly",
        "publicly", "privately", "separately", "bluntly", "frankly", "angrily", "often", "who", "which", "that",
        "has also", "subsequently", "finally", "initially", "first", "last", "still", "already", "just", "even",
        "similarly", "likewise", "immediately", "once", "sometimes", "frequently", "famously", "tearfully",
        "emphatically", "firmly", "openly", "proudly", "calmly", "softly", "loudly", "jokingly", "sarcastically",
        "succinctly", "recently", "did", "does", "is", "was", "were", "are", "had", "be", "been", "being",
        "could", "should", "might", "may", "must", "can", "not", "never", "always", "reportedly", "allegedly",
        "herself", "himself", "themselves", "itself"])

    @inline(__always)
    public func isAdverb(_ t: Token) -> Bool { t.kind == .word && Self.adverbs.contains(t.hash) }

    static let determiners = WordSet(["the", "a", "an", "his", "her", "its", "their", "our", "my", "your",
        "this", "that", "these", "those", "another", "one", "two", "three", "several", "many", "some", "other",
        "both", "each", "every", "no", "most", "few", "all"])

    @inline(__always)
    public func isDeterminer(_ t: Token) -> Bool { t.kind == .word && Self.determiners.contains(t.hash) }

    /// Words that end a noun phrase when scanning backwards from a cue (verbs, conjunctions, prepositions
    /// other than "of"/"for", which occur inside "spokesman for the ministry").
    static let phraseBreakers = WordSet(["and", "or", "but", "because", "while", "when", "if", "as", "than",
        "to", "in", "on", "at", "by", "with", "from", "into", "about", "after", "before", "since", "during", "over",
        "under", "is", "was", "are", "were", "be", "been", "has", "have", "had", "do", "does", "did", "will", "would",
        "not", "so", "yet", "where", "what", "why", "how", "whom", "whose", "there", "here", "said", "says", "told",
        "also", "then", "now", "just", "even", "only", "still", "that", "which", "who", "it"])

    @inline(__always)
    public func breaksPhrase(_ t: Token) -> Bool { t.kind != .word || Self.phraseBreakers.contains(t.hash) }

    /// Capitalised function words that open sentences and are never names ("To wit", "Outside the arena").
    static let functionWords = WordSet(["to", "outside", "inside", "after", "before", "with", "without", "from",
        "in", "on", "at", "for", "as", "since", "during", "despite", "under", "over", "through", "according", "like",
        "unlike", "among", "amid", "following", "asked", "when", "while", "if", "although", "though", "because",
        "by", "of", "into", "near", "across", "behind", "beyond", "upon", "within", "toward", "towards", "speaking",
        "writing", "responding", "asked", "told", "meanwhile", "however", "still", "yet", "also", "instead",
        "indeed", "perhaps", "maybe", "ultimately", "finally", "first", "second", "third", "last", "next"])

    @inline(__always)
    public func isFunctionWord(_ t: Token) -> Bool { t.kind == .word && Self.functionWords.contains(t.hash) }

    static let nameConnectors = WordSet(["of", "for", "de", "da", "del", "della", "di", "van", "von", "der",
        "den", "bin", "al", "la", "le", "du", "dos", "das", "ibn", "y", "and"])
    static let of = WordHash.hash("of")
    static let for_ = WordHash.hash("for")
    static let and = WordHash.hash("and")
    static let that = WordHash.hash("that")
    static let with_ = WordHash.hash("with")
}
