import Testing
@testable import NewsLensExtraction

@Suite struct IndirectSpeechFinderTests {
    func indirect(_ text: String) -> [Quote] { QuoteTestSupport.quotes("Headline here\n\n" + text).filter { $0.kind == .indirect } }

    @Test func accordingToABareNounPhrase() {
        let before = indirect("According to police, the suspect fled on foot before officers arrived.")
        #expect(before.first?.text == "the suspect fled on foot before officers arrived")
        #expect(before.first?.mentionText == "police")
        let after = indirect("Construction is expected to begin next spring, according to city engineers.")
        #expect(after.first?.text == "Construction is expected to begin next spring")
        #expect(after.first?.mentionText == "city engineers")
        // Not a source: "according to plan", "according to the schedule we set" read on as a clause.
        #expect(indirect("The launch went ahead according to plan and the crew reached orbit.").isEmpty)
        #expect(indirect("The launch of the rocket went ahead on Friday according to plan.").isEmpty)
    }

    @Test func aCueActingOnANounPhraseReportsNoSpeech() {
        #expect(indirect("Illinois Gov. J.B. Pritzker declared a state of emergency in 14 counties.").isEmpty)
        #expect(indirect("The ministry announced the winners of the annual prize on Friday.").isEmpty)
        let q = indirect("The governor declared the storm had passed its worst point overnight.")
        #expect(q.count == 1 && q.first?.text == "the storm had passed its worst point overnight")
        #expect(indirect("Pritzker said the National Guard would help clear roads.").first?.text
                == "the National Guard would help clear roads")
    }

    @Test func saidThatClause() {
        let q = indirect("North Korea said on Saturday that Japan should not attend the talks.")
        #expect(q.first?.text == "Japan should not attend the talks")
        #expect(q.first?.mentionText == "North Korea")
    }

    @Test func saidWithoutThat() {
        let q = indirect("Aso said the United States and Japan had agreed that sanctions should stay.")
        #expect(q.first?.text == "the United States and Japan had agreed that sanctions should stay")
    }

    @Test func clauseBeforeTheAttribution() {
        let q = indirect("The meeting would take place in Hanoi next week, Aso told reporters after the talks.")
        #expect(q.first?.text == "The meeting would take place in Hanoi next week")
        #expect(q.first?.cue == "told" && q.first?.rule == "clause-before")
    }

    @Test func accordingTo() {
        let q = indirect("According to the ministry, the ferry will reopen in May.")
        #expect(q.first?.text == "the ferry will reopen in May")
        #expect(q.first?.mentionText == "the ministry")
        let after = indirect("The ferry will reopen in May, according to the ministry.")
        #expect(after.first?.text == "The ferry will reopen in May")
    }

    @Test func directQuotesAreNotReportedSpeech() {
        #expect(indirect("\"The ferry will reopen in May,\" the minister said.").isEmpty)
        #expect(indirect("The minister said in a statement.").isEmpty)
    }
}
