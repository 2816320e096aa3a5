import Testing
@testable import NewsLensExtraction

@Suite struct GazetteerTests {
    let g = EntityTest.resources.gazetteer

    func hit(_ text: String) -> (Int, GazetteerHit, String)? {
        let p = TextParagraph(text)
        guard let m = g.match(p.tokens, at: 0, limit: p.tokens.count) else { return nil }
        let e = m.hit.entity >= 0 ? g.entities[Int(m.hit.entity)].name : ""
        return (m.length, m.hit, e)
    }

    @Test func countriesByNameAliasAndShortForm() {
        #expect(hit("United States officials")?.2 == "United States")
        #expect(hit("US officials")?.2 == "United States")
        #expect(hit("U.S. officials")?.2 == "United States")
        #expect(hit("N.Korea talks")?.2 == "North Korea")
        #expect(hit("North Korea said")?.0 == 2)
        #expect(hit("Britain said")?.2 == "United Kingdom")
    }

    @Test func capitalAliasesMatchOnlyCapitals() {
        #expect(hit("us and them") == nil)
        #expect(hit("Us and them") == nil)
        #expect(hit("UN sanctions")?.2 == "United Nations")
    }

    @Test func shortCapitalWordsAreAcronymsNotTowns() {
        #expect(hit("USI said") == nil)
        #expect(hit("TOKYO -")?.1.kind == .capital)
    }

    @Test func demonymsAndCapitals() {
        let j = hit("Japanese Foreign Minister")
        #expect(j?.1.kind == .demonym && j?.2 == "Japan")
        let p = hit("Pyongyang said")
        #expect(p?.1.kind == .capital && p?.2 == "North Korea")
        #expect(hit("Hanoi")?.1.kind == .capital)
        #expect(hit("Irving, Texas")?.1.kind == .city)
        #expect(hit("Texas")?.1.kind == .region)
    }

    @Test func organizationsWithAcronyms() {
        #expect(hit("Asia-Pacific Economic Cooperation forum")?.2 == "Asia-Pacific Economic Cooperation")
        #expect(hit("APEC forum")?.2 == "Asia-Pacific Economic Cooperation")
        #expect(hit("Reuters")?.2 == "Reuters")
    }

    @Test func higherPrecedenceReadingStays() {
        var g = Gazetteer()
        let c = g.addEntity(KnownEntity(name: "Georgia", kind: .country, code: "GE"))
        g.add("Georgia", GazetteerHit(kind: .region, entity: -1, allCaps: false))
        g.add("Georgia", GazetteerHit(kind: .country, entity: c, allCaps: false))
        g.add("Georgia", GazetteerHit(kind: .city, entity: -1, allCaps: false))
        let p = TextParagraph("Georgia")
        #expect(g.match(p.tokens, at: 0, limit: 1)?.hit.kind == .country)
    }

    @Test func plainWordHashesAgreeWithTheTokenizer() {
        for s in ["New York", "Guinea-Bissau", "Nizhny Novgorod", "Herāt", "Cloud9 Arena"] {
            let tokens = Tokenizer().tokenize(Array(s.unicodeScalars)).map(\.hash)
            #expect(Gazetteer.plainWordHashes(s) == tokens, "\(s)")
        }
        #expect(Gazetteer.plainWordHashes("St. Louis") == nil)
        #expect(Gazetteer.plainWordHashes("Côte d'Ivoire") == nil)
        #expect(Gazetteer.plainWordHashes("Johnson & Johnson") == nil)
    }
}
