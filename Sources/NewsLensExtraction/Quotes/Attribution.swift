/// The words that name a speaker next to a cue: a token range in one paragraph and what kind of phrase it is.
public struct SpeakerRef: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// "he", "she", "they", "I", "we".
        case pronoun(CueLexicon.PronounKind)
        /// A capitalised name: "Taro Aso", "North Korea", "Japanese Foreign Minister Taro Aso".
        case name
        /// A common noun phrase: "the ministry", "a spokesman for the company", "officials".
        case nominal
    }

    public var paragraph: Int
    public var tokenStart: Int
    public var tokenEnd: Int
    public var kind: Kind
    /// For a relative pronoun ("…, who added"): the tokens of the phrase it stands for, which name the speaker.
    public var antecedent: Range<Int>?

    public init(paragraph: Int, tokenStart: Int, tokenEnd: Int, kind: Kind, antecedent: Range<Int>? = nil) {
        self.paragraph = paragraph
        self.tokenStart = tokenStart
        self.tokenEnd = tokenEnd
        self.kind = kind
        self.antecedent = antecedent
    }

    /// The tokens that name the speaker: the antecedent of a relative pronoun, else the mention itself.
    public var naming: Range<Int> { antecedent ?? tokenStart..<tokenEnd }

    public var isPronoun: Bool { if case .pronoun = kind { return true } else { return false } }
}

/// A speech cue with its speaker: "Aso said", "said Ingrid Halvorsen", "according to the ministry".
/// `extentStart ..< extentEnd` are the tokens of speaker, cue and the cue's object ("told reporters"), used
/// to test whether a quotation sits right next to the attribution.
public struct Attribution: Sendable, Hashable {
    public var paragraph: Int
    public var cueStart: Int
    public var cueEnd: Int
    public var cueKind: CueLexicon.Kind
    public var speaker: SpeakerRef
    /// The speaker follows the cue ("said Aso", "according to X").
    public var inverted: Bool
    public var extentStart: Int
    public var extentEnd: Int
    /// Index of the sentence (in the paragraph) holding the cue.
    public var sentence: Int
    /// Filled by `SpeakerResolver`: canonical name and participant id.
    public var name: String?
    public var participant: String?
    public var rule: String = ""
    /// No cue word: the speaker was taken from the sentence subject (`cueStart == cueEnd`).
    public var implicit = false

    /// Document order key.
    public var position: (Int, Int) { (paragraph, cueStart) }
}
