import NewsLensExtraction

/// Deterministic, news-shaped analyses (about 600 words, 8 quotes, 10 participants with mentions) for
/// measuring the store without the engine.
struct SyntheticArticles {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    private mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    private mutating func pick<T>(_ a: [T]) -> T { a[Int(next() % UInt64(a.count))] }

    static let words = """
        the government said on tuesday that talks with officials would continue next week despite \
        concerns raised by opposition lawmakers about the budget plan and its effect on growth prices \
        markets investors central bank minister president election campaign voters security council \
        agreement trade tariffs border military forces police reported statement spokesman according \
        analysts economy percent year quarter billion million company shares profit workers union strike
        """.split(separator: " ").map(String.init)
    static let first = ["Taro", "Maria", "John", "Li", "Ahmed", "Olga", "Carlos", "Aiko", "Peter", "Fatima", "Jean", "Yuki"]
    static let last = ["Aso", "Keller", "Smith", "Wang", "Hassan", "Petrova", "Garcia", "Tanaka", "Novak", "Diallo", "Dubois", "Mori"]
    static let orgs = ["United Nations", "European Union", "World Bank", "Reuters", "Toyota", "NATO", "Red Cross"]
    static let countries = ["Japan", "United States", "China", "Germany", "France", "Brazil", "India", "Kenya"]

    mutating func sentence(_ n: Int) -> String {
        var s = ""
        for k in 0..<n { if k > 0 { s += " " }; s += pick(Self.words) }
        return s.prefix(1).uppercased() + s.dropFirst() + "."
    }

    mutating func analysis(_ i: Int) -> (Analysis, String) {
        var article = Article()
        article.headline = sentence(8)
        article.dateline = pick(["TOKYO", "PARIS", "NAIROBI", "WASHINGTON"])
        article.source = "Reuters"
        article.datePublished = "2019-05-02T09:15:00"
        article.paragraphs = (0..<12).map { _ in sentence(50) }
        article.wordCount = 600
        var participants: [Participant] = []
        for k in 0..<10 {
            let type: ParticipantType = k < 6 ? .person : k < 8 ? .organization : .country
            let name = type == .person ? "\(pick(Self.first)) \(pick(Self.last)) \(i % 997)" : type == .organization ? pick(Self.orgs) : pick(Self.countries)
            if participants.contains(where: { $0.name == name }) { continue }
            let mentions = (0..<Int(2 + next() % 5)).map { m in Span(paragraph: m, start: 10 * m, end: 10 * m + 8) }
            participants.append(Participant(
                id: name.lowercased().split(separator: " ").joined(separator: "-"), type: type, name: name,
                aliases: type == .person ? [String(name.split(separator: " ")[1])] : [], titles: type == .person ? ["Minister"] : [],
                affiliation: nil, mentionCount: mentions.count, quoteCount: 1, mentions: mentions))
        }
        let quotes = (0..<8).map { k -> Quote in
            let p = participants[k % participants.count]
            let text = sentence(20)
            return Quote(id: "q\(k + 1)", kind: k % 3 == 2 ? .indirect : .direct, text: text,
                         span: Span(paragraph: k, start: 5, end: 5 + text.count, sourceStart: 300 * k, sourceEnd: 300 * k + text.count),
                         cue: "said", speaker: Speaker(name: p.name, participant: p.id,
                                                       mention: SpeakerMention(text: p.name, span: Span(paragraph: k, start: 0, end: 4))))
        }
        let analysis = Analysis(article: article, quotes: quotes, participants: participants)
        return (analysis, article.paragraphs.joined(separator: "\n") + "#\(i)")
    }
}
