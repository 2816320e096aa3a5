import Testing
@testable import NewsLensExtraction

/// Cue words that are also plural nouns ("tweets", "claims") are no cues inside a prepositional phrase.
@Suite struct NounCueTests {
    func cues(_ text: String) -> [String] {
        let p = TextParagraph(text)
        let inside = [Bool](repeating: false, count: p.tokens.count)
        return AttributionFinder().find(p, index: 0, inside: inside).map { p.text(tokens: $0.cueStart, through: $0.cueEnd - 1) }
    }

    @Test func pluralNounsAfterOfAreNoCues() {
        #expect(cues("PolitiFact rated 32% of Republican claims as false.") == [])
        #expect(cues("He did not address his series of early-morning tweets in the interview.") == [])
        #expect(cues("Trump unleashed a series of tweets on Friday.") == [])
    }

    @Test func verbsStayCues() {
        #expect(cues("The senator tweets that the bill is dead.") == ["tweets"])
        #expect(cues("One of them claims the bill is dead.") == ["claims"])
    }

    @Test func speakerOfAQuoteAfterANounUse() {
        let q = QuoteTestSupport.direct("Trump spoke.\n\nHe did not address his series of early-morning tweets in which he called a former Miss Universe \"disgusting\" on Friday.")
        #expect(q.first?.mentionText == "he")
    }
}
