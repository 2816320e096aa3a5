import Testing
@testable import NewsLensExtraction

@Suite struct NameSegmenterTests {
    func person(_ text: String, _ name: String) -> NameCandidate? {
        let (u, cs) = EntityTest.candidates(text)
        return cs.first { $0.type == .person && u.string($0.tokenStart, $0.tokenEnd) == name }
    }

    @Test func demonymTitleAndName() {
        let (u, cs) = EntityTest.candidates("Japanese Foreign Minister Taro Aso spoke.")
        let p = cs.first { $0.type == .person }!
        #expect(u.string(p.tokenStart, p.tokenEnd) == "Taro Aso")
        #expect(u.string(p.titleStart, p.titleEnd) == "Foreign Minister")
        let japan = EntityTest.resources.gazetteer.country(code: "JP")!
        #expect(p.affiliation == .known(japan))
        #expect(cs.contains { $0.aliasOnly && $0.known == japan })  // "Japanese": an alias, not a mention
    }

    @Test func countryBeforeTitleIsAMention() {
        let d = EntityTest.described("US President Barack Obama called.")
        #expect(d.contains("US:country"))
        #expect(d.contains("Barack Obama:person"))
    }

    @Test func countryBeforeAnUnusualName() {
        let d = EntityTest.described("He met the Ambassador to the United States Hamdullah Mohib.")
        #expect(d.contains("Hamdullah Mohib:person"))
        #expect(d.contains("United States:country"))
    }

    @Test func honorificGivesGender() {
        #expect(person("Mrs Ardern spoke.", "Ardern")?.gender == .female)
        #expect(person("Mr. Key spoke.", "Key")?.gender == .male)
    }

    @Test func personOfABody() {
        let ps = EntityTest.participants("Matthew Ingram of The Globe and Mail wrote it.")
        #expect(EntityTest.find(ps, "Matthew Ingram")?.affiliation == "The Globe and Mail")
        let local = EntityTest.participants("The victim, Marcus Bell of Decatur, died.", "Kevin Allton of Glimmerfield Trust spoke.")
        #expect(EntityTest.find(local, "Marcus Bell")?.affiliation == nil)  // a home town is no affiliation
        #expect(EntityTest.find(local, "Decatur")?.type == .place)
        #expect(EntityTest.find(local, "Kevin Allton")?.affiliation == "Glimmerfield Trust")
    }

    @Test func titleWithoutANameIsATitleOnlyCandidate() {
        let (_, cs) = EntityTest.candidates("The Prime Minister refused.")
        #expect(cs.contains { $0.titleOnly && $0.type == .person })
    }
}
