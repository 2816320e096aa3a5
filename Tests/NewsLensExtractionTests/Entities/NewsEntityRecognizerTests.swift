import Testing
@testable import NewsLensExtraction

/// End to end on a small wire story written for this test (not the sample article).
@Suite struct NewsEntityRecognizerTests {
    let layer = EntityTest.layer([
        "Canada and the United States want their trade ministers to meet counterparts from Mexico next week, Canadian Trade Minister Helena Voss said on Tuesday.",
        "The proposed meeting would take place on the sidelines of a Group of Twenty Finance Council (GTFC) forum in Lima, Voss told reporters after talks with US Undersecretary of State for Economic Affairs Daniel Reyes.",
        "\"What matters most is that we keep close ties,\" Voss said. Reopening the talks is not the goal.",
        "Reyes, speaking separately, said Ottawa and Washington saw eye to eye. The GTFC said in a statement that it welcomed the talks.",
        "Priya Natarajan, an analyst at Clearwater Energy, said prices would rise. Ottawa's envoy is expected in Beijing on Friday.",
    ], headline: "Canada, US seek trade talks in Lima", captions: ["Helena Voss (L) meets Daniel Reyes in Ottawa, March 3, 2024. (Reuters)"])

    var ps: [Participant] { layer.participants }

    @Test func titledPersonWithABuildingSurname() {
        let ps = EntityTest.participants(
            "The council voted to fund a new bridge over the Arlen River, Mayor Ben Hall said.",
            "\"This is a good day,\" Hall told reporters outside City Hall.")
        let hall = EntityTest.find(ps, "Ben Hall")
        #expect(hall?.type == .person)
        #expect(hall?.titles == ["Mayor"])
        #expect(hall?.mentionCount == 2)
        #expect(EntityTest.find(ps, "Mayor Ben Hall") == nil)
        #expect(EntityTest.find(ps, "City Hall")?.type == .place)
    }

    @Test func peopleWithTitlesAndAffiliations() {
        let voss = EntityTest.find(ps, "Helena Voss")
        #expect(voss?.titles == ["Trade Minister"])
        #expect(voss?.affiliation == "Canada")
        #expect(voss?.aliases == ["Voss"])
        #expect(voss?.mentionCount == 4)
        let reyes = EntityTest.find(ps, "Daniel Reyes")
        #expect(reyes?.titles == ["Undersecretary of State for Economic Affairs"])
        #expect(reyes?.affiliation == "United States")
        #expect(reyes?.mentionCount == 3)
        let priya = EntityTest.find(ps, "Priya Natarajan")
        #expect(priya?.titles == ["analyst"])
        #expect(priya?.affiliation == "Clearwater Energy")
    }

    @Test func countriesWithAliases() {
        let canada = EntityTest.find(ps, "Canada")
        #expect(canada?.type == .country)
        #expect(canada?.aliases.contains("Canadian") == true)
        #expect(canada?.aliases.contains("Ottawa") == true)  // the capital standing for the government
        #expect(EntityTest.find(ps, "United States")?.aliases.contains("US") == true)
        #expect(EntityTest.find(ps, "Mexico") != nil)
    }

    @Test func organizationsWithAcronymsAndPlaces() {
        let g = EntityTest.find(ps, "Group of Twenty Finance Council")
        #expect(g?.type == .organization)
        #expect(g?.aliases == ["GTFC"])
        #expect(EntityTest.find(ps, "Clearwater Energy")?.type == .organization)
        #expect(EntityTest.find(ps, "Lima")?.type == .place)
        #expect(EntityTest.find(ps, "Beijing")?.type == .place)
    }

    @Test func notParticipants() {
        let names = Set(ps.map(\.name))
        for bad in ["Tuesday", "Friday", "March", "Reopening", "What", "Reuters", "L", "The"] {
            #expect(!names.contains(bad), "\(bad)")
        }
    }

    @Test func headlineAndCaptionMentionsCount() {
        let us = EntityTest.find(ps, "United States")
        #expect(us?.mentions.contains { $0.headline } == true)
        let voss = EntityTest.find(ps, "Helena Voss")
        #expect(voss?.mentions.contains { $0.caption == 0 } == true)
    }

    @Test func explainNamesTheRule() {
        let lines = EntityTest.recognizer.explain(EntityTest.document(["Foreign Minister Taro Aso said so."]))
        #expect(lines.contains { $0.contains("person title") && $0.hasSuffix("\"Taro Aso\"") })
    }

    @Test func emptyAndOddInputDoNotCrash() {
        #expect(EntityTest.layer([]).participants.isEmpty)
        let odd = EntityTest.layer(["", "   ", "\"", "( )", "A", "Of Of Of", "U.S.-led"]).participants
        #expect(odd.map(\.name) == ["United States"])
    }
}
