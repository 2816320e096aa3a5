/// The kind of name a candidate is before participants are built; `unknown` names are typed later from
/// the rest of the document (a surname of a known person, an acronym of a known organization, ...).
enum NameType: UInt8, Sendable, Hashable {
    case person, organization, country, place, unknown

    var participantType: ParticipantType? {
        switch self {
        case .person: return .person
        case .organization: return .organization
        case .country: return .country
        case .place: return .place
        case .unknown: return nil
        }
    }
}

/// How sure the recognizer is that a capitalised word is a name at all.
enum NameStrength: UInt8, Sendable, Hashable {
    /// Capitalised mid-sentence, or known to the gazetteer.
    case strong
    /// Capitalised only because it opens a sentence or sits in a title-case headline, and an ordinary
    /// word too ("Burns", "Reopening"): a name only if the document names it elsewhere.
    case weak
}

/// Why a candidate got its type: kept for tests and debugging.
enum NameEvidence: UInt8, Sendable, Hashable {
    case gazetteer, title, honorific, givenName, surname, orgWord, placeWord, acronym, speech, apposition,
         leader, list, document, fallback
}

/// The entity a candidate refers to through another candidate or the gazetteer (an affiliation).
enum EntityRef: Sendable, Hashable {
    case known(Int32)
    case candidate(Int)
}

/// One name in the text before merging: where it is, what it seems to be, and what was said around it
/// (title, affiliation, gender).
struct NameCandidate: Sendable, Hashable {
    /// Index of the text unit (headline, paragraph, caption) in the recognizer's unit list.
    var unit: Int
    /// Token range of the name itself (no title, no "the", no possessive "'s").
    var tokenStart: Int
    var tokenEnd: Int
    var type: NameType
    var evidence: NameEvidence
    var strength: NameStrength = .strong
    /// Gazetteer entity (country, known organization) the name is, or the country a capital stands for.
    var known: Int32 = -1
    /// The gazetteer reading of the name, when it has one.
    var gazetteerKind: GazetteerHit.Kind?
    /// Token range of the person's title ("Foreign Minister"), when one stands before or after the name.
    var titleStart = -1
    var titleEnd = -1
    /// Text of a title found in an apposition ("an analyst at ..."), when it is not a token range.
    var roleTitle: String?
    var affiliation: EntityRef?
    var gender: Gender?
    /// An adjective of a country ("Japanese"): an alias and an affiliation, not a mention.
    var aliasOnly = false
    /// The name sits inside a longer name ("Texas" in "University of Texas").
    var nested = false
    /// The name is followed by "'s".
    var possessive = false
    /// Not a mention after all (an agency credit "(Reuters)"); kept so candidate indexes stay valid.
    var dropped = false
    /// This name is defined as the long form of an acronym written right after it in brackets.
    var acronym: Int?
    /// A title standing for a person ("The President", "the Home Secretary"); `coref` says whom.
    var titleOnly = false
    /// The candidate this one refers to (a title to the person who holds it).
    var coref: Int?
    /// This all-capital name is the acronym of that candidate's name ("USI" of "University of Southern Indiana").
    var acronymOf: Int?

    init(unit: Int, tokenStart: Int, tokenEnd: Int, type: NameType, evidence: NameEvidence) {
        self.unit = unit
        self.tokenStart = tokenStart
        self.tokenEnd = tokenEnd
        self.type = type
        self.evidence = evidence
    }

    var length: Int { tokenEnd - tokenStart }
    var hasTitle: Bool { titleStart >= 0 }

    /// A candidate for a gazetteer phrase: its type and entity from the hit (a demonym is an alias only).
    static func known(_ unit: Int, _ a: Int, _ b: Int, _ hit: GazetteerHit) -> NameCandidate {
        var c = NameCandidate(unit: unit, tokenStart: a, tokenEnd: b, type: .place, evidence: .gazetteer)
        c.gazetteerKind = hit.kind
        c.known = hit.entity
        switch hit.kind {
        case .organization: c.type = .organization
        case .country: c.type = .country
        case .demonym: c.type = .country; c.aliasOnly = true
        case .capital, .city, .region: c.type = .place
        }
        return c
    }
}
