import Testing
@testable import NewsLensExtraction

/// The attribution sieves, each on a small article written for it.
@Suite struct QuoteAttributorTests {
    let direct = QuoteTestSupport.direct

    @Test func trailingAttribution() {
        let q = direct("Talks resume\n\n\"We want solidarity,\" Aso said.")
        #expect(q.count == 1)
        #expect(q[0].mentionText == "Aso" && q[0].rule == "trailing" && q[0].cue == "said")
    }

    @Test func leadingAttributionWithColon() {
        let q = direct("Talks resume\n\nThe minister told reporters on Monday: \"We want solidarity.\"")
        #expect(q.first?.mentionText == "The minister" && q.first?.rule == "leading")
    }

    @Test func splitAroundTheAttributionGivesTwoQuotesOneSpeaker() {
        let q = direct("Talks resume\n\n\"These are six-party talks,\" Burns said, \"and Japan is a partner.\"")
        #expect(q.map(\.text) == ["These are six-party talks,", "and Japan is a partner."])
        #expect(q.allSatisfy { $0.mentionText == "Burns" })
    }

    @Test func quoteContinuingAfterTheAttribution() {
        let q = direct("Talks resume\n\n\"These are six-party talks,\" Burns told reporters. \"Obviously, we stick together.\"")
        #expect(q.count == 2)
        #expect(q[1].mentionText == "Burns" && q[1].rule == "paragraph")
    }

    @Test func multiParagraphQuoteIsOneQuoteWithSpans() {
        let text = "Talks resume\n\n\"The first thing is solidarity.\n\n\"The second thing is patience,\" Aso said."
        let q = direct(text)
        #expect(q.count == 1)
        #expect(q[0].spans?.count == 2)
        #expect(q[0].span.paragraph == 0 && q[0].spans?[1].paragraph == 1)
        #expect(q[0].mentionText == "Aso")
        #expect(q[0].text == "The first thing is solidarity. The second thing is patience,")
    }

    @Test func colonIntroParagraph() {
        let q = direct("Talks resume\n\nCaddell continued:\n\n\"The health issue is partisan.\"")
        #expect(q.first?.mentionText == "Caddell" && q.first?.rule == "colon")
    }

    @Test func partialQuoteInsideReportedSpeech() {
        let q = QuoteTestSupport.quotes("Talks resume\n\nBurns, speaking separately, said the allies saw \"eye to eye on the question\" and left.")
        let partial = q.first { $0.kind == .partial }
        #expect(partial?.text == "eye to eye on the question")
        #expect(partial?.mentionText == "Burns" && partial?.rule == "sentence")
    }

    @Test func conversationCarriesTheSpeaker() {
        let q = direct("Talks resume\n\n\"We will win,\" said Maria Lopez, the coach.\n\n\"Nobody can stop us.\"")
        #expect(q.count == 2)
        #expect(q[1].mentionText == "Maria Lopez" && q[1].rule == "conversation")
    }

    @Test func speechVerbOutsideTheLexicon() {
        let q = direct("Talks resume\n\n\"Go back to your seat,\" Trump barked at the reporter.")
        #expect(q.first?.mentionText == "Trump" && q.first?.rule == "trailing-subject")
        #expect(q.first?.cue == nil)
    }

    @Test func transcriptLabel() {
        let q = direct("Interview\n\nTAPPER: Do you still back \"the plan\" after Monday?")
        #expect(q.first?.mentionText == "TAPPER")
    }

    @Test func quoteWithoutAnySpeaker() {
        let q = QuoteTestSupport.quotes("Storm\n\nThe so-called \"polar vortex\" returned.")
        #expect(q.count == 1)
        #expect(q[0].kind == .partial && q[0].speaker == nil && q[0].rule == nil)
    }
}
