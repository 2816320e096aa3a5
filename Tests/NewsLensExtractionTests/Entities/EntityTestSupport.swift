@testable import NewsLensExtraction

/// Small articles written for the entity tests, run through the real resources.
enum EntityTest {
    static let recognizer = NewsEntityRecognizer()
    static var resources: EntityResources { EntityResources.shared }

    static func document(_ paragraphs: [String], headline: String? = nil, captions: [String] = []) -> ArticleDocument {
        ArticleDocument(headline: headline.map { TextParagraph($0) }, paragraphs: paragraphs.map { TextParagraph($0) },
                        captions: captions.map { TextParagraph($0) })
    }

    static func layer(_ paragraphs: [String], headline: String? = nil, captions: [String] = []) -> EntityLayer {
        recognizer.recognize(document(paragraphs, headline: headline, captions: captions))
    }

    static func participants(_ paragraphs: String...) -> [Participant] { layer(paragraphs).participants }

    static func find(_ ps: [Participant], _ name: String) -> Participant? { ps.first { $0.name == name } }

    static func names(_ ps: [Participant], _ type: ParticipantType) -> [String] { ps.filter { $0.type == type }.map(\.name) }

    static func unit(_ text: String, location: TextLocation = .paragraph(0)) -> EntityUnit {
        EntityUnit(location: location, text: TextParagraph(text), resources: resources)
    }

    /// Candidates of one paragraph after the sentence rules (before document typing).
    static func candidates(_ text: String) -> (EntityUnit, [NameCandidate]) {
        let u = unit(text)
        var out: [NameCandidate] = []
        NameScanner(resources: resources).scan(u, unit: 0, into: &out)
        return (u, out)
    }

    /// "text:type" of each candidate that is not dropped.
    static func described(_ text: String) -> [String] {
        let (u, cs) = candidates(text)
        return cs.filter { !$0.dropped }.map { "\(u.string($0.tokenStart, $0.tokenEnd)):\($0.type)" }
    }

    /// Index of the first token whose text is `word`.
    static func token(_ u: EntityUnit, _ word: String) -> Int {
        u.tokens.firstIndex { u.text.text(of: $0) == word }!
    }
}
