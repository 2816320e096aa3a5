import NewsLensJSON

/// The result of analysing one article: the contract of `../shared/API.md` ("Analysis"), shared by the
/// engine, the store and the API so that every layer speaks the same value.
public struct Analysis: Sendable, Hashable {
    /// Stable content id (same normalised text ⇒ same id); set by whoever computes the hash (the store).
    public var id: String
    public var article: Article
    public var quotes: [Quote]
    public var participants: [Participant]

    public init(id: String = "", article: Article, quotes: [Quote] = [], participants: [Participant] = []) {
        self.id = id
        self.article = article
        self.quotes = quotes
        self.participants = participants
    }
}

/// A half-open range of Unicode scalars in `paragraphs[paragraph]` (or in `captions[caption].text`, or in
/// the headline when `headline` is set), with the same range in the submitted plain text when there was one.
public struct Span: Sendable, Hashable {
    public var paragraph: Int?
    public var caption: Int?
    /// The range is in `article.headline` (JSON `"headline": true` in place of `"paragraph"`).
    public var headline = false
    public var start: Int
    public var end: Int
    public var sourceStart: Int?
    public var sourceEnd: Int?

    public init(paragraph: Int? = nil, caption: Int? = nil, start: Int, end: Int,
                sourceStart: Int? = nil, sourceEnd: Int? = nil) {
        self.paragraph = paragraph
        self.caption = caption
        self.start = start
        self.end = end
        self.sourceStart = sourceStart
        self.sourceEnd = sourceEnd
    }

    /// A range in the headline.
    public init(headline: Bool, start: Int, end: Int, sourceStart: Int? = nil, sourceEnd: Int? = nil) {
        self.init(start: start, end: end, sourceStart: sourceStart, sourceEnd: sourceEnd)
        self.headline = headline
    }
}

/// A person or organization credited as author of the article.
public struct Author: Sendable, Hashable {
    public var name: String
    public init(name: String) { self.name = name }
}

/// A photo caption, kept out of the body, with its credit ("Reuters", "AP Photo/Jane Doe").
public struct Caption: Sendable, Hashable {
    public var text: String
    public var credit: String?
    public init(text: String, credit: String? = nil) {
        self.text = text
        self.credit = credit
    }
}

/// The parsed article: metadata, body paragraphs, captions and the furniture that was removed.
public struct Article: Sendable, Hashable {
    public var headline: String?
    public var author: [Author] = []
    /// ISO 8601 (`2019-05-02T09:15:00`, offset kept when given), nil when absent.
    public var datePublished: String?
    public var dateModified: String?
    /// The date as written in the article, when it was not already ISO 8601.
    public var datePublishedRaw: String?
    public var dateModifiedRaw: String?
    public var dateline: String?
    public var publisher: String?
    public var source: String?
    public var url: String?
    public var inLanguage: String = "en"
    public var paragraphs: [String] = []
    public var captions: [Caption] = []
    public var removedBoilerplate: [String] = []
    public var wordCount: Int = 0

    public init() {}
}

/// How a quotation appears in the text.
public enum QuoteKind: String, Sendable, Hashable, CaseIterable {
    /// Words inside quotation marks forming a whole utterance.
    case direct
    /// A fragment inside quotation marks embedded in the writer's own sentence.
    case partial
    /// Reported speech without quotation marks ("X said that ...").
    case indirect
}

/// Who said a quote: the canonical name, the participant id, and the words the text uses.
public struct Speaker: Sendable, Hashable {
    public var name: String?
    public var participant: String?
    public var mention: SpeakerMention?

    public init(name: String?, participant: String?, mention: SpeakerMention?) {
        self.name = name
        self.participant = participant
        self.mention = mention
    }
}

/// The words in the text that name a speaker ("he" stays "he").
public struct SpeakerMention: Sendable, Hashable {
    public var text: String
    public var span: Span
    public init(text: String, span: Span) {
        self.text = text
        self.span = span
    }
}

/// One quotation: its text without the marks, where it is, its cue verb and its speaker.
public struct Quote: Sendable, Hashable {
    public var id: String
    public var kind: QuoteKind
    public var text: String
    /// The first piece (for a quote over several paragraphs, the piece in its first paragraph).
    public var span: Span
    /// Every piece, when there is more than one (split around an attribution, or over paragraphs).
    public var spans: [Span]?
    public var cue: String?
    public var speaker: Speaker?
    /// Which attribution rule (sieve) decided the speaker, for debugging and evaluation.
    public var rule: String?

    public init(id: String, kind: QuoteKind, text: String, span: Span, spans: [Span]? = nil,
                cue: String? = nil, speaker: Speaker? = nil, rule: String? = nil) {
        self.id = id
        self.kind = kind
        self.text = text
        self.span = span
        self.spans = spans
        self.cue = cue
        self.speaker = speaker
        self.rule = rule
    }
}

/// The kinds of participant the API distinguishes.
public enum ParticipantType: String, Sendable, Hashable, CaseIterable {
    case person, organization, country, place
}

/// A person, organization, country or place taking part in the article, with every mention merged.
public struct Participant: Sendable, Hashable {
    /// Stable slug of the canonical name, the same across articles ("taro-aso").
    public var id: String
    public var type: ParticipantType
    public var name: String
    public var aliases: [String]
    public var titles: [String]
    public var affiliation: String?
    public var mentionCount: Int
    /// Direct and partial quotes attributed to this participant.
    public var quoteCount: Int
    public var mentions: [Span]

    public init(id: String, type: ParticipantType, name: String, aliases: [String] = [], titles: [String] = [],
                affiliation: String? = nil, mentionCount: Int = 0, quoteCount: Int = 0, mentions: [Span] = []) {
        self.id = id
        self.type = type
        self.name = name
        self.aliases = aliases
        self.titles = titles
        self.affiliation = affiliation
        self.mentionCount = mentionCount
        self.quoteCount = quoteCount
        self.mentions = mentions
    }
}
