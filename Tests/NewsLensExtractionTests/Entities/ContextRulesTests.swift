import Testing
@testable import NewsLensExtraction

@Suite struct ContextRulesTests {
    @Test func speechVerbMakesAnUnknownNameAPerson() {
        #expect(EntityTest.described("Toccafondi said it was fine.").contains("Toccafondi:person"))
        #expect(EntityTest.described("\"Fine,\" said Halvorsen Ingrid.").contains("Halvorsen Ingrid:person"))
    }

    @Test func appositionGivesTitleAndAffiliation() {
        let (u, cs) = EntityTest.candidates("\"Prices will rise,\" said Priya Natarajan, an analyst at Clearwater Energy.")
        let p = cs.first { $0.type == .person }!
        #expect(u.string(p.tokenStart, p.tokenEnd) == "Priya Natarajan")
        #expect(p.roleTitle == "analyst")
        guard case .candidate(let j)? = p.affiliation else { Issue.record("no affiliation"); return }
        #expect(u.string(cs[j].tokenStart, cs[j].tokenEnd) == "Clearwater Energy")
    }

    @Test func roleBeforeTheName() {
        let (u, cs) = EntityTest.candidates("According to the team's coach, Alireza Mehraban, they won.")
        let p = cs.first { u.string($0.tokenStart, $0.tokenEnd) == "Alireza Mehraban" }
        #expect(p?.type == .person)
        #expect(p?.roleTitle == "coach")
        #expect(EntityTest.described("She met professor Marcu Dell.").contains("Marcu Dell:person"))
    }

    @Test func aPlaceThatSpeaksIsAPersonOrItsBody() {
        // "Hall" ends building names, but places do not speak
        #expect(EntityTest.described("\"We waited,\" Ben Hall said.").contains("Ben Hall:person"))
        #expect(EntityTest.described("\"We waited,\" said Ben Hall.").contains("Ben Hall:person"))
        #expect(EntityTest.described("Carnegie Hall said the concert would go ahead.").contains("Carnegie Hall:organization"))
        // a reported clause's subject after "said" stays what it is
        #expect(EntityTest.described("Officials said Central Park would close.").contains("Central Park:place"))
        #expect(!EntityTest.described("They toured Ben Hall yesterday.").contains("Ben Hall:person"))
    }

    @Test func aRoleMakesAPersonOfABodyLikeName() {
        let (u, cs) = EntityTest.candidates("Mr. Hall met Joan Church, a lawyer at Pryor Partners.")
        let p = cs.first { u.string($0.tokenStart, $0.tokenEnd) == "Joan Church" }
        #expect(p?.type == .person)
        #expect(p?.affiliation != nil)
        #expect(EntityTest.described("They met lawyer Joan Church.").contains("Joan Church:person"))
        #expect(EntityTest.described("They prayed at Joan Church yesterday.").contains("Joan Church:organization"))
    }

    @Test func lowercaseTitlesKeepTheirModifiers() {
        let (u, cs) = EntityTest.candidates("The deal was signed, prime minister Anna Kowal said.")
        #expect(cs.first { u.string($0.tokenStart, $0.tokenEnd) == "Anna Kowal" }?.roleTitle == "prime minister")
        // at a sentence start the capital modifier is part of the title, not a body
        let (v, ds) = EntityTest.candidates("Prime minister Kovalenko rejected the claim.")
        #expect(ds.first { v.string($0.tokenStart, $0.tokenEnd) == "Kovalenko" }?.roleTitle == "Prime minister")
        #expect(!ds.contains { $0.type == .organization && !$0.dropped })
    }

    @Test func personNounsMakePeopleWithoutTitles() {
        let (_, cs) = EntityTest.candidates("Valeska Paris, an Australian woman, spoke.")
        let p = cs.first { $0.type == .person }
        #expect(p != nil && p?.roleTitle == nil)
    }

    @Test func acronymInBrackets() {
        let (u, cs) = EntityTest.candidates("It joined the Flatland Union of Growers (FUG) in May.")
        let long = cs.first { u.string($0.tokenStart, $0.tokenEnd) == "Flatland Union of Growers" }
        #expect(long?.acronym != nil)
        #expect(long.flatMap { $0.acronym }.map { cs[$0].type } == .organization)
    }

    @Test func capitalsStandForGovernmentsExceptAsPlaces() {
        let d = EntityTest.described("Pyongyang rejected a call by Seoul for Tokyo to stay away from talks in Beijing.")
        #expect(d.contains("Pyongyang:country"))
        #expect(d.contains("Tokyo:country"))
        #expect(d.contains("Beijing:place"))
        #expect(EntityTest.described("They will travel to Beijing and Moscow.").contains("Moscow:place"))
        #expect(EntityTest.described("He will head for Seoul on Monday.").contains("Seoul:place"))
    }

    @Test func agencyCreditsAreNoMentions() {
        #expect(!EntityTest.described("Aso met Burns on Monday (Reuters).").contains("Reuters:organization"))
        #expect(EntityTest.described("Aso told Reuters on Monday.").contains("Reuters:organization"))
    }

    @Test func coordinatedTitlesShareTheAffiliation() {
        let (u, cs) = EntityTest.candidates("US Undersecretary Nicholas Burns and Undersecretary Robert Joseph spoke.")
        let joseph = cs.first { u.string($0.tokenStart, $0.tokenEnd) == "Robert Joseph" }
        #expect(joseph?.affiliation == .known(EntityTest.resources.gazetteer.country(code: "US")!))
    }

    @Test func townBeforeSpeechVerbIsAPerson() {
        #expect(EntityTest.described("But Aso said no.").contains("Aso:person"))
    }

    @Test func productsAreNoParticipants() {
        #expect(!EntityTest.described("Microsoft released Internet Explorer in May.").contains("Internet Explorer:organization"))
        #expect(EntityTest.described("Microsoft released Internet Explorer in May.").contains("Microsoft:organization"))
        #expect(EntityTest.described("Sony showed PlayStation VR demos.") == ["Sony:organization"])
        #expect(EntityTest.participants("Users of IE6 must upgrade.").isEmpty)
        #expect(EntityTest.described("Microsoft ran the Internet Explorer 6 Countdown site.") == ["Microsoft:organization"])
    }

    @Test func titlesOfWorksAreNoParticipants() {
        #expect(EntityTest.described("He starred in the 1969 film Easy Rider with friends.").filter { $0.hasPrefix("Easy") }.isEmpty)
        #expect(EntityTest.described("She launched her novel Angel Catbird there.").filter { $0.hasPrefix("Angel") }.isEmpty)
    }

    @Test func leaderOfAGovernment() {
        #expect(EntityTest.described("The tax changed under the Monti government last year.").contains("Monti:person"))
    }

    @Test func bodyAndPlaceNouns() {
        #expect(EntityTest.described("Instituto Gonzaga, a catholic school in Milan, must pay.").contains("Instituto Gonzaga:organization"))
        #expect(EntityTest.described("It fined the religious schools Santo Spirito and Immacolata.").contains("Santo Spirito:organization"))
        #expect(EntityTest.described("Officials in the city of Bogliasco objected.").contains("Bogliasco:place"))
        #expect(EntityTest.described("Mark Reed, a company spokesman, said no.").contains("Mark Reed:person"))
    }

    @Test func pronounsAndLoneLettersAreNoSpeakers() {
        let ps = EntityTest.participants("Chief Darin Schierbaum spoke. He said investigators were busy.",
                                         "Kemp wrote a post on X. The owner, Lisa Tran, agreed.")
        #expect(EntityTest.find(ps, "He") == nil)
        #expect(!ps.contains { $0.name.hasPrefix("X") })
        #expect(EntityTest.find(ps, "Lisa Tran")?.type == .person)
    }
}
