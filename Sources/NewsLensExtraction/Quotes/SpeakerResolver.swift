/// Gives each attribution's speaker a canonical name and participant: names and noun phrases through the
/// entity layer (surname → full name included), the fallback `NameIndex` otherwise; pronouns through the
/// speakers and people mentioned before them, matching gender when it is known.
public struct SpeakerResolver: Sendable {
    public init() {}

    struct Known {
        var name: String?
        var participant: Int?
        var paragraph: Int
        var token: Int
        var gender: Gender?
        var plural: Bool
        var person: Bool?
    }

    /// Resolves the attributions marked `used` (those that attribute a quote or reported speech) in `order`
    /// (document order).
    public func resolve(_ attributions: inout [Attribution], order: [Int], used: [Bool], doc: ArticleDocument,
                        layer: EntityLayer, names: NameIndex, mentions: MentionIndex) {
        var history = [Known]()
        for i in order where used[i] {
            let a = attributions[i]
            let s = a.speaker
            let p = doc.paragraphs[s.paragraph]
            switch s.kind {
            case .name, .nominal:
                let naming = s.naming
                if let m = mentions.participant(at: .paragraph(s.paragraph), naming.lowerBound, naming.upperBound) {
                    let part = layer.participants[m]
                    attributions[i].name = part.name
                    attributions[i].participant = part.id
                    history.append(Known(name: part.name, participant: m, paragraph: s.paragraph, token: s.tokenStart,
                                         gender: m < layer.genders.count ? layer.genders[m] : nil,
                                         plural: part.type != .person, person: part.type == .person))
                } else if case .name = s.kind, let m = mentions.person(surname: p.tokens[naming.upperBound - 1].hash) {
                    // "Hall" where the entity stage found "Ben Hall" but no mention here: the same person.
                    let part = layer.participants[m]
                    attributions[i].name = part.name
                    attributions[i].participant = part.id
                    history.append(Known(name: part.name, participant: m, paragraph: s.paragraph, token: s.tokenStart,
                                         gender: m < layer.genders.count ? layer.genders[m] : nil, plural: false, person: true))
                } else if case .name = s.kind {
                    let name = names.canonical(p, naming.lowerBound, naming.upperBound)
                    attributions[i].name = name
                    history.append(Known(name: name, participant: nil, paragraph: s.paragraph, token: s.tokenStart,
                                         gender: titleGender(p, s.tokenStart), plural: false, person: nil))
                } else {
                    let head = p.scalars[Int(p.tokens[s.tokenEnd - 1].end) - 1]
                    history.append(Known(name: nil, participant: nil, paragraph: s.paragraph, token: s.tokenStart,
                                         gender: nil, plural: head == "s", person: nil))
                }
            case .pronoun(let kind):
                switch kind {
                case .male, .female:
                    let g: Gender = kind == .male ? .male : .female
                    if let k = antecedent(history, gender: g, paragraph: s.paragraph) {
                        attributions[i].name = history[k].name
                        attributions[i].participant = history[k].participant.map { layer.participants[$0].id }
                        if history[k].gender == nil { history[k].gender = g }
                        var again = history[k]
                        again.paragraph = s.paragraph
                        again.token = s.tokenStart
                        history.append(again)
                    } else if let m = mentions.lastPerson(before: s.paragraph, s.tokenStart, gender: g, layer: layer) {
                        attributions[i].name = layer.participants[m].name
                        attributions[i].participant = layer.participants[m].id
                    } else if let run = names.lastRun(before: s.paragraph, s.tokenStart), run.paragraph >= s.paragraph - 2 {
                        attributions[i].name = run.name
                    }
                case .plural, .firstPlural:
                    if let k = lastPlural(history, since: s.paragraph - 2) {
                        attributions[i].name = history[k].name
                        attributions[i].participant = history[k].participant.map { layer.participants[$0].id }
                    }
                case .firstSingular:
                    attributions[i].name = doc.article.author.count == 1 ? doc.article.author[0].name : nil
                case .neuter, .second:
                    break
                }
            }
        }
    }

    /// Most recent speaker within the last three paragraphs whose gender does not contradict `gender`,
    /// among the last `lookback` speakers (a paragraph of thousands of speakers must not cost quadratic time).
    func antecedent(_ history: [Known], gender: Gender, paragraph: Int) -> Int? {
        var k = history.count - 1
        while k >= max(0, history.count - Self.lookback) {
            let h = history[k]
            if h.paragraph < paragraph - 3 { return nil }
            if h.person != false, !h.plural, h.gender == nil || h.gender == gender, h.name != nil || h.person == true {
                return k
            }
            k -= 1
        }
        return nil
    }

    static let lookback = 256

    /// The most recent plural speaker from paragraph `first` on (history is in document order).
    func lastPlural(_ history: [Known], since first: Int) -> Int? {
        var k = history.count - 1
        while k >= 0, history[k].paragraph >= first {
            if history[k].plural { return k }
            k -= 1
        }
        return nil
    }

    /// "Mr." / "Mrs." / "Ms." right before a name.
    func titleGender(_ p: TextParagraph, _ start: Int) -> Gender? {
        var k = start
        while k < min(p.tokens.count, start + 2) {
            let h = p.tokens[k].hash
            if h == Self.mr { return .male }
            if h == Self.mrs || h == Self.ms { return .female }
            k += 1
        }
        return nil
    }

    static let mr = WordHash.hash("mr")
    static let mrs = WordHash.hash("mrs")
    static let ms = WordHash.hash("ms")
}

/// Entity mentions indexed by location, for "which participant does this phrase name?" lookups.
///
/// Mentions are in document order (paragraph, then token), so lookups are binary searches: a document
/// with thousands of speakers costs linear time, not quadratic.
public struct MentionIndex: Sendable {
    let byParagraph: [Int: [EntityMention]]
    /// Longest mention (in tokens) of each paragraph: how far back an overlapping mention can start.
    let longest: [Int: Int]
    let ordered: [EntityMention]

    /// Persons by the folded last word of their name, when only one person has it.
    let surnames: WordTable<Int>

    public init(_ layer: EntityLayer) {
        var last = WordTable<Int>(minimumCapacity: layer.participants.count)
        for (i, part) in layer.participants.enumerated() where part.type == .person {
            guard let word = part.name.split(separator: " ").last else { continue }
            let h = WordHash.hash(word)
            last[h] = last[h] == nil ? i : -1
        }
        surnames = last
        var d = [Int: [EntityMention]]()
        var longest = [Int: Int]()
        var ordered = [EntityMention]()
        for m in layer.mentions {
            if case .paragraph(let i) = m.location {
                d[i, default: []].append(m)
                longest[i] = max(longest[i] ?? 0, Int(m.tokenEnd - m.tokenStart))
                ordered.append(m)
            }
        }
        byParagraph = d
        self.longest = longest
        self.ordered = ordered
    }

    /// The participant whose mention overlaps tokens `start ..< end` (the last one: the head of the phrase).
    public func participant(at location: TextLocation, _ start: Int, _ end: Int) -> Int? {
        guard case .paragraph(let i) = location, let list = byParagraph[i] else { return nil }
        // Last mention starting before `end`, walking back while a mention that long could still reach `start`.
        var k = Self.firstIndex(in: list, atOrAfter: (i, end)) - 1
        let reach = longest[i] ?? 0
        while k >= 0, Int(list[k].tokenStart) + reach > start {
            if Int(list[k].tokenEnd) > start { return list[k].participant }
            k -= 1
        }
        return nil
    }

    /// The one person whose name ends with the word hashed `surname`.
    func person(surname: UInt64) -> Int? {
        guard let i = surnames[surname], i >= 0 else { return nil }
        return i
    }

    /// The last person mentioned before token `token` of paragraph `paragraph` (within two paragraphs),
    /// among the last `SpeakerResolver.lookback` mentions.
    func lastPerson(before paragraph: Int, _ token: Int, gender: Gender, layer: EntityLayer) -> Int? {
        let end = Self.firstIndex(in: ordered, atOrAfter: (paragraph, token))
        var k = end - 1
        while k >= max(0, end - SpeakerResolver.lookback) {
            let m = ordered[k]
            k -= 1
            guard case .paragraph(let i) = m.location, i >= paragraph - 2 else { break }
            guard layer.participants[m.participant].type == .person else { continue }
            if m.participant < layer.genders.count, let g = layer.genders[m.participant], g != gender { continue }
            return m.participant
        }
        return nil
    }

    /// Index of the first paragraph mention at or after (paragraph, token) in a list in document order.
    static func firstIndex(in list: [EntityMention], atOrAfter position: (Int, Int)) -> Int {
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            guard case .paragraph(let i) = list[mid].location else { return lo }
            if (i, Int(list[mid].tokenStart)) < position { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
