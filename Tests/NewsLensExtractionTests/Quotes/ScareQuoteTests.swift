import Testing
@testable import NewsLensExtraction

/// Short quoted words with no speech context and nicknames are not reported as quotations; partial quotes
/// that something voices (a speaker, a naming word, a cue) stay.
@Suite struct ScareQuoteTests {
    let direct = QuoteTestSupport.direct

    @Test func unvoicedScareQuotesAreLeftOut() {
        #expect(direct("Rally\n\nA \"concession\" wagon was pulled through the crowd.").isEmpty)
        #expect(direct("Rally\n\nOnce a fringe, this \"alternative\" ecosystem now includes talk radio.").isEmpty)
        #expect(direct("Rally\n\nBut \"dumping Trump\" is easier said than done.").isEmpty)
    }

    @Test func namedOrVoicedShortQuotesStay() {
        #expect(direct("Rally\n\nIn political theory, it is known as \"issue ownership\" among scholars.").map(\.text) == ["issue ownership"])
        #expect(direct("Rally\n\nTreatments are typically called \"regenerative medicine\" today.").map(\.text) == ["regenerative medicine"])
        #expect(direct("Rally\n\nDelegates erupted in loud chants of \"no\" at the end.").map(\.text) == ["no"])
        #expect(direct("Rally\n\nMany people did not like the phrase \"self-deportation\" at all.").map(\.text) == ["self-deportation"])
    }

    @Test func partialQuotesInReportedSpeechStay() {
        let q = direct("Talks\n\nAso said the two countries saw \"eye to eye\" on the issue.")
        #expect(q.map(\.text) == ["eye to eye"])
        #expect(q.first?.mentionText == "Aso")
    }

    @Test func longerQuotesWithoutSpeakerStay() {
        #expect(direct("Rally\n\nThe sign read \"no more wars in our name, ever again\" in red.").count == 1)
    }

    @Test func nicknamesAreNoQuotes() {
        let p = TextParagraph("Rep. Robert C. \"Bobby\" Scott opened his yard, and Juan \"Chico\" Manriquez came.")
        let verdicts = QuoteMarkPairer().pair([p]).map { QuoteClassifier().classify($0, p, hasAttribution: true) }
        #expect(verdicts == [.notAQuote, .notAQuote])
        #expect(direct("Rally\n\nRep. Robert C. \"Bobby\" Scott opened his yard, he said.").isEmpty)
    }

    @Test func aQuotedWordBeforeANameIsNoNicknameAfterACue() {
        let p = TextParagraph("Asked about it, he said \"Yes\" Tuesday.")
        let verdicts = QuoteMarkPairer().pair([p]).map { QuoteClassifier().classify($0, p, hasAttribution: true) }
        #expect(verdicts != [.notAQuote])
    }

    @Test func quotedPronounsAreWordsNotQuotes() {
        #expect(direct("Vote\n\nWhy vote for him, unless simply because \"she\" is a \"he\"? She said so.").isEmpty)
        #expect(direct("Vote\n\n\"Me?\" she asked.").map(\.text) == ["Me?"])
    }
}
