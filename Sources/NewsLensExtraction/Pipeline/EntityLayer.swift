/// What the entity stage (Entities/) hands the rest of the pipeline: the participants it found and every
/// mention of them, so attribution can name speakers and resolve surnames and pronouns.
public struct EntityLayer: Sendable {
    /// The participants, merged (one per entity); `quoteCount` is filled by the pipeline after attribution.
    public var participants: [Participant]
    /// Every mention, sorted by location then start.
    public var mentions: [EntityMention]
    /// Grammatical gender of person participants when known (from given names, titles, "he"/"she" use);
    /// indexed like `participants`.
    public var genders: [Gender?]

    public init(participants: [Participant] = [], mentions: [EntityMention] = [], genders: [Gender?] = []) {
        self.participants = participants
        self.mentions = mentions
        self.genders = genders
    }

    public static let empty = EntityLayer()
}

/// One mention of a participant: token and scalar range in a paragraph, headline or caption.
public struct EntityMention: Sendable, Hashable {
    public var location: TextLocation
    /// Token range in the `TextParagraph` at `location`.
    public var tokenStart: Int32
    public var tokenEnd: Int32
    /// Scalar range (what goes into a `Span`).
    public var start: Int32
    public var end: Int32
    /// Index into `EntityLayer.participants`.
    public var participant: Int

    public init(location: TextLocation, tokenStart: Int32, tokenEnd: Int32, start: Int32, end: Int32, participant: Int) {
        self.location = location
        self.tokenStart = tokenStart
        self.tokenEnd = tokenEnd
        self.start = start
        self.end = end
        self.participant = participant
    }
}

public enum Gender: UInt8, Sendable, Hashable {
    case male, female
}

/// The entity stage: recognises people, organizations, countries and places in a document.
/// Implemented in Entities/ (entity engineer); `ArticleAnalyzer` calls it between structure and quotes.
public protocol EntityRecognizer: Sendable {
    func recognize(_ document: ArticleDocument) -> EntityLayer
}
