import NewsLensExtraction
import NewsLensJSON
import Testing
@testable import NewsLensStore

@Suite struct ParticipantMergingTests {
    func insert(_ store: ArticleStore, _ text: String, _ ps: [Fixtures.P], _ qs: [Fixtures.Q] = []) throws -> StoredArticle {
        try store.insert(Fixtures.analysis(headline: text, participants: ps, quotes: qs), normalizedText: text).article
    }

    @Test func surnameMergesWhenUnambiguousAndSplitsWhenNot() throws {
        let store = Fixtures.memoryStore()
        let a = try insert(store, "a", [.init(name: "Aso")], [.init(speaker: "Aso", text: "short name quote")])
        #expect(store.participant(id: "aso")?.name == "Aso")

        let b = try insert(store, "b", [.init(name: "Taro Aso")], [.init(speaker: "Taro Aso", text: "full name quote")])
        let merged = try #require(store.participant(id: "aso"))
        #expect(merged.id == "taro-aso")
        #expect(merged.articleCount == 2)
        #expect(merged.aliases.contains("Aso"))
        #expect(store.participant(id: "Taro Aso")?.id == "taro-aso")
        #expect(try store.participants(ParticipantQuery()).items.map(\.id) == ["taro-aso"])
        #expect(try store.quotes(QuoteQuery(speaker: "aso")).items.count == 2)
        #expect(try store.quotes(QuoteQuery(speaker: "taro-aso")).items.map { $0.article.id } == [b.id, a.id])
        #expect(try store.quotes(QuoteQuery(speaker: "aso")).items.allSatisfy { $0.speakerID == "taro-aso" })

        // A second Aso makes the surname ambiguous: "Aso" stands alone again.
        _ = try insert(store, "c", [.init(name: "Ichiro Aso")])
        #expect(store.participant(id: "aso")?.id == "aso")
        #expect(try store.participants(ParticipantQuery()).items.map(\.id) == ["aso", "ichiro-aso", "taro-aso"])
        #expect(try store.quotes(QuoteQuery(speaker: "taro-aso")).items.count == 1)

        // Deleting the second one merges them again.
        #expect(try store.delete(id: ContentID(normalizedText: "c").prefix()))
        #expect(store.participant(id: "aso")?.id == "taro-aso")
        #expect(try store.participants(ParticipantQuery()).items.map(\.id) == ["taro-aso"])

        // Deleting the full name leaves "Aso" on its own; deleting everything empties the index.
        #expect(try store.delete(id: b.id))
        #expect(store.participant(id: "aso")?.id == "aso")
        #expect(store.participant(id: "taro-aso") == nil)
        #expect(try store.delete(id: a.id))
        #expect(store.statistics.participants == 0)
        #expect(store.statistics.participantKeys == 0)
    }

    @Test func aliasesMergeOrganizationsAndTypesStayApart() throws {
        let store = Fixtures.memoryStore()
        _ = try insert(store, "a", [.init(name: "United Nations", type: .organization, aliases: ["UN"])])
        _ = try insert(store, "b", [.init(name: "UN", type: .organization), .init(name: "Georgia", type: .country)])
        _ = try insert(store, "c", [.init(name: "Georgia", type: .place)])
        let un = try #require(store.participant(id: "un"))
        #expect(un.id == "united-nations" && un.articleCount == 2)
        #expect(try store.participants(ParticipantQuery(type: .organization)).items.map(\.id) == ["united-nations"])
        let georgias = try store.participants(ParticipantQuery(q: "georgia")).items
        #expect(georgias.map(\.type) == [.country, .place])
        #expect(store.participant(id: "georgia", type: .place)?.type == .place)
        #expect(try store.participants(ParticipantQuery(q: "UN")).items.map(\.id) == ["united-nations"])
    }

    @Test func nameSearchFindsNeverSeenSurname() throws {
        let store = Fixtures.memoryStore()
        _ = try insert(store, "a", [.init(name: "Taro Aso")], [.init(speaker: "Taro Aso", text: "x")])
        #expect(store.participant(id: "Aso")?.id == "taro-aso")
        #expect(try store.quotes(QuoteQuery(speaker: "Mr. Aso")).items.count == 1)
        #expect(try store.articles(ArticleQuery(participant: "aso")).items.count == 1)
    }

    /// After any sequence of inserts and deletes the index equals one built from the surviving articles.
    @Test func indexAfterRandomDeletesEqualsARebuild() throws {
        let names: [Fixtures.P] = [
            .init(name: "Taro Aso", aliases: ["Aso"]), .init(name: "Aso"), .init(name: "Ichiro Aso"),
            .init(name: "United Nations", type: .organization, aliases: ["UN"]), .init(name: "UN", type: .organization),
            .init(name: "Japan", type: .country), .init(name: "Kim Jong Un", aliases: ["Kim"]), .init(name: "Kim"),
            .init(name: "Kim Dae Jung", aliases: ["Kim"]), .init(name: "Mr. Aso"),
        ]
        var rng = SystemRandomNumberGenerator()
        let store = Fixtures.memoryStore()
        var live: [String: Analysis] = [:]
        for step in 0..<400 {
            if !live.isEmpty && Int.random(in: 0..<3, using: &rng) == 0 {
                let key = live.keys.randomElement(using: &rng)!
                #expect(try store.delete(id: ContentID(normalizedText: key).prefix()))
                live[key] = nil
            } else {
                let ps = Array(names.shuffled(using: &rng).prefix(Int.random(in: 0...4, using: &rng)))
                let qs = ps.map { Fixtures.Q(speaker: $0.name, text: "quote \(step) by \($0.name)") }
                let a = Fixtures.analysis(headline: "h\(step)", participants: ps, quotes: qs)
                _ = try store.insert(a, normalizedText: "s\(step)")
                live["s\(step)"] = a
            }
        }
        let rebuilt = Fixtures.memoryStore()
        for key in live.keys.sorted(by: { Int($0.dropFirst())! < Int($1.dropFirst())! }) {
            _ = try rebuilt.insert(live[key]!, normalizedText: key)
        }
        func everything(_ s: ArticleStore) throws -> [String] {
            try s.participants(ParticipantQuery(limit: 100)).items.map { p in
                let quotes = try s.quotes(QuoteQuery(limit: 100, speaker: p.id)).items.map { "\($0.article.id)#\($0.index)" }
                return "\(p) \(quotes)"
            }
        }
        #expect(try everything(store) == everything(rebuilt))
        #expect(store.statistics.participantKeys == rebuilt.statistics.participantKeys)
        #expect(store.statistics.quotes == rebuilt.statistics.quotes)
        for key in live.keys { #expect(try store.delete(id: ContentID(normalizedText: key).prefix())) }
        #expect(store.statistics.participants == 0 && store.statistics.participantKeys == 0 && store.statistics.quotes == 0)
    }
}
