import Testing
@testable import NewsLensExtraction

@Suite struct NameScannerTests {
    @Test func possessiveGivesAffiliation() {
        let (u, cs) = EntityTest.candidates("New Zealand's Prime Minister John Key spoke.")
        let p = cs.first { $0.type == .person }!
        #expect(u.string(p.tokenStart, p.tokenEnd) == "John Key")
        #expect(p.affiliation == .known(EntityTest.resources.gazetteer.country(code: "NZ")!))
        #expect(cs.first { $0.type == .country }?.possessive == true)
    }

    @Test func everySentenceIsScanned() {
        let d = EntityTest.described("Aso met Burns. Then China spoke. Finally Russia agreed.")
        #expect(d.contains("China:country") && d.contains("Russia:country"))
    }
}
