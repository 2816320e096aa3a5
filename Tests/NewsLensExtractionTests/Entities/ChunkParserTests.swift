import Testing
@testable import NewsLensExtraction

@Suite struct ChunkParserTests {
    @Test func knownPhraseWholeChunk() {
        #expect(EntityTest.described("They met in North Korea.").contains("North Korea:country"))
    }

    @Test func leadingTheIsNotPartOfTheName() {
        #expect(EntityTest.described("He joined the Irving Police Department.").contains("Irving Police Department:organization"))
    }

    @Test func organizationAndPlaceByLastWord() {
        let d = EntityTest.described("An analyst at Clearwater Energy visited Jamarat Bridge.")
        #expect(d.contains("Clearwater Energy:organization"))
        #expect(d.contains("Jamarat Bridge:place"))
    }

    @Test func organizationWordBeforeOf() {
        let d = EntityTest.described("She studies at the University of Southern Indiana now.")
        #expect(d.contains("University of Southern Indiana:organization"))
        #expect(d.contains("Southern Indiana:place"))  // a compass word and a known region inside
    }

    @Test func citiesInsideCivicBodiesAreMentionedToo() {
        let d = EntityTest.described("He sued the Irving Independent School District.")
        #expect(d.contains("Irving:place"))
        #expect(!EntityTest.described("She works for Clearwater Energy.").contains("Clearwater:place"))
    }

    @Test func eventsAreNoParticipantsButTheirPlacesAre() {
        let d = EntityTest.described("They celebrated Waitangi Day and the Taipei City Lantern Festival.")
        #expect(!d.contains { $0.hasPrefix("Waitangi") })
        #expect(d.contains("Taipei City:place"))
    }

    @Test func aTitleMakesAPersonOfABuildingLikeName() {
        let (u, cs) = EntityTest.candidates("The plan was approved, Mayor Ben Hall said.")
        let p = cs.first { $0.type == .person }
        #expect(p.map { u.string($0.tokenStart, $0.tokenEnd) } == "Ben Hall")
        #expect(p.map { u.string($0.titleStart, $0.titleEnd) } == "Mayor")
        #expect(!cs.contains { $0.type == .place && !$0.dropped })
        #expect(EntityTest.described("Senator Maria Church voted no.").contains("Maria Church:person"))
        #expect(EntityTest.described("He toured the Royal Albert Hall.").contains { $0.hasSuffix(":place") })
    }

    @Test func aBodyRunningIntoAPersonIsSplit() {
        let d = EntityTest.described("The head of the Refugee Council Enver Solomon told Sky News it was wrong.")
        #expect(d.contains("Refugee Council:organization"))
        #expect(d.contains("Enver Solomon:person"))
        #expect(EntityTest.described("He spoke to the Refugee Council Office.").contains("Refugee Council Office:organization"))
    }

    @Test func personNamedInABody() {
        #expect(EntityTest.described("The Andy Warhol Foundation gave prints.").contains("Andy Warhol:person"))
    }

    @Test func weakSentenceStartDroppedOrKept() {
        let (_, cs) = EntityTest.candidates("Reopening the talks is not the aim.")
        #expect(cs.allSatisfy { $0.strength == .weak })
        #expect(EntityTest.described("But Aso said no.").contains("Aso:person"))
        #expect(EntityTest.described("Former President Bush spoke.").contains("Bush:person"))
    }

    @Test func capitalTheInsideASentenceStartsATitle() {
        #expect(EntityTest.described("Hoan told The Oregonian that members objected.").contains("Oregonian:organization"))
        #expect(!EntityTest.described("The Oregonian reported it.").contains("Oregonian:organization"))
        #expect(!EntityTest.described("A cosplay by The Katherinator won.").contains("Katherinator:organization"))
    }
}
