import Testing
@testable import NewsLensExtraction

@Suite struct DocumentTypingTests {
    @Test func sentenceStartSurnameRescuedByTheFullName() {
        let ps = EntityTest.participants("Undersecretary Nicholas Burns met the minister.", "Burns, speaking separately, agreed.")
        #expect(EntityTest.find(ps, "Nicholas Burns")?.mentionCount == 2)
    }

    @Test func ordinarySentenceStartsAreDropped() {
        let ps = EntityTest.participants("Reopening the talks is not the aim. Obviously, we agree. These are talks.")
        #expect(ps.isEmpty)
    }

    @Test func townNamedLikeAKnownPersonIsThePerson() {
        let ps = EntityTest.participants("Valeska Paris, an Australian woman, left.", "Paris also claims her passport was taken.")
        #expect(EntityTest.find(ps, "Valeska Paris")?.mentionCount == 2)
        #expect(EntityTest.names(ps, .place).isEmpty && EntityTest.names(ps, .country).isEmpty)
    }

    @Test func acronymByInitials() {
        let ps = EntityTest.participants("The University of Southern Indiana opened a show.", "USI said the prints were donated.")
        let usi = EntityTest.find(ps, "University of Southern Indiana")
        #expect(usi?.aliases.contains("USI") == true)
        #expect(usi?.mentionCount == 2)
    }

    @Test func bodyWordAloneRefersToTheBody() {
        let ps = EntityTest.participants("The Church of Scientology denied it.", "She sued the Church last year.")
        #expect(EntityTest.find(ps, "Church of Scientology")?.mentionCount == 2)
    }

    @Test func titleAloneRefersToTheHolder() {
        let ps = EntityTest.participants("US President Barack Obama invited him.", "The President praised the boy.")
        let obama = EntityTest.find(ps, "Barack Obama")
        #expect(obama?.mentionCount == 2)
        #expect(obama?.aliases.isEmpty == true)
        let cooper = EntityTest.participants("Labour's Shadow Home Secretary, Yvette Cooper, objected.")
        #expect(EntityTest.find(cooper, "Yvette Cooper")?.titles == ["Shadow Home Secretary"])
    }

    @Test func unresolvedTitleAloneIsDropped() {
        #expect(EntityTest.participants("The President spoke on Monday.").isEmpty)
    }

    @Test func countriesAreTeamsInMatchReports() {
        let ps = EntityTest.participants(
            "Sweden beat South Korea 1-0 in their World Cup match in Russia. The striker scored a penalty after the goalkeeper fouled him.",
            "Korea's coach said the team lost the match. Sweden's goal came from a penalty; the midfielder and the defender played well, and the referee checked the goal.")
        #expect(EntityTest.find(ps, "Sweden")?.type == .organization)
        #expect(EntityTest.find(ps, "Russia")?.type == .country)
    }

    @Test func homeNationsAreTeamsInMatchReportsAndCountriesElsewhere() {
        let ps = EntityTest.participants(
            "England beat Tunisia 2-1 in their World Cup match in Volgograd. The striker scored a penalty after the goalkeeper fouled him.",
            "Tunisia's coach said the team lost the match. England's goal came from a header; the midfielder and the defender played well, and the referee checked the goal.")
        #expect(EntityTest.find(ps, "England")?.type == .organization)
        #expect(EntityTest.find(EntityTest.participants("Scotland will vote again, she said."), "Scotland")?.type == .country)
    }

    @Test func firstNameAloneAndSurnameModifier() {
        let ps = EntityTest.participants("Andy Warhol took many photos.", "The Warhol Polaroids show Marilyn in colour.")
        #expect(EntityTest.find(ps, "Andy Warhol")?.mentionCount == 2)
        #expect(EntityTest.find(ps, "Marilyn")?.type == .person)
    }

    @Test func fallbackTypesUnknownNames() {
        let ps = EntityTest.participants("The report was written by Dries Mertens and Hitwise UK analysts.")
        #expect(EntityTest.find(ps, "Dries Mertens")?.type == .person)
        let heagle = EntityTest.participants("It was shown in a paper by AS Heagle in 1989.", "As prices rose, farms suffered.")
        #expect(EntityTest.find(heagle, "AS Heagle")?.type == .person)
        #expect(EntityTest.find(heagle, "AS Heagle")?.mentionCount == 1)  // "As" opening a sentence is not his initials
    }

    @Test func namesInAListShareATypeWithAKnownMember() {
        let ps = EntityTest.participants("Worshippers honour Zeus, Hera, Poseidon, Aphrodite and Athena at the temple.")
        #expect(Set(EntityTest.names(ps, .person)) == ["Zeus", "Hera", "Poseidon", "Aphrodite", "Athena"])
    }

    @Test func religionAdjectivesAreNoPeople() {
        #expect(EntityTest.participants("It is a Christian festival, she said.").isEmpty)
    }

    @Test func bodyNameRunningIntoAKnownPerson() {
        let ps = EntityTest.participants("Psychology major at University of Texas Arlington Amneh Jafari heard of it.",
                                         "Jafari said she was upset.")
        #expect(EntityTest.find(ps, "Amneh Jafari")?.mentionCount == 2)
        #expect(EntityTest.find(ps, "University of Texas Arlington")?.type == .organization)
        #expect(EntityTest.find(ps, "Texas")?.type == .place)
        #expect(EntityTest.find(ps, "Arlington")?.type == .place)
    }

    @Test func longListsAreTypedAlongTheWholeChain() {
        let names = (0..<300).map { "Blorpix\(String(UnicodeScalar(65 + $0 % 26)!))\(String(UnicodeScalar(97 + $0 / 26)!))" }
        let ps = EntityTest.participants("They honour " + names.joined(separator: ", ") + " and Athena.")
        #expect(EntityTest.names(ps, .person).count == 301)
    }
}
