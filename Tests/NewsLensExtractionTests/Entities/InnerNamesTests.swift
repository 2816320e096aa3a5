import Testing
@testable import NewsLensExtraction

@Suite struct InnerNamesTests {
    @Test func placesInsideBodies() {
        let d = EntityTest.described("The grant came from the US National Park Service and the University of Texas Arlington.")
        #expect(d.contains("US:country"))
        #expect(d.contains("Texas:place") && d.contains("Arlington:place"))
    }

    @Test func regionsAnywhereTownsOnlyForPublicBodies() {
        #expect(EntityTest.described("A team from the Massachusetts Institute of Technology came.").contains("Massachusetts:place"))
        #expect(!EntityTest.described("She works for Clearwater Energy.").contains("Clearwater:place"))
        #expect(EntityTest.described("He sued the Irving Police Department.").contains("Irving:place"))
    }

    @Test func peopleThingsAreNamedAfter() {
        #expect(EntityTest.described("They met at the Chiang Kai Shek Memorial Hall.").contains("Chiang Kai Shek:person"))
        #expect(EntityTest.described("The Andy Warhol Foundation gave prints.").contains("Andy Warhol:person"))
        #expect(!EntityTest.described("The Heritage Memorial opened.").contains("Heritage:person"))
    }

    @Test func demonymInABodyIsItsAffiliation() {
        let (_, cs) = EntityTest.candidates("A spokesman for the Saudi Interior Ministry said so.")
        let ministry = cs.first { $0.type == .organization }
        #expect(ministry?.affiliation == .known(EntityTest.resources.gazetteer.country(code: "SA")!))
    }
}
