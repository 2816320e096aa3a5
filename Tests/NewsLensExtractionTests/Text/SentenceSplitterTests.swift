import Testing
@testable import NewsLensExtraction

@Suite struct SentenceSplitterTests {
    func sentences(_ text: String) -> [String] {
        let p = TextParagraph(text)
        return p.sentences.map { p.text(tokens: $0.lowerBound, through: $0.upperBound - 1) }
    }

    @Test func splitsAtSentencePunctuation() {
        #expect(sentences("It rained. We left! Did you? Yes") == ["It rained.", "We left!", "Did you?", "Yes"])
    }

    @Test func titlesAndInitialsDoNotEndSentences() {
        #expect(sentences("Mr. Smith met Dr. Jones and John F. Kennedy. They talked.")
                == ["Mr. Smith met Dr. Jones and John F. Kennedy.", "They talked."])
    }

    @Test func statesAndMonthsDoNotEndSentencesBeforeNames() {
        #expect(sentences("He lives in Portland, Ore. Smith said on Jan. 5 that he would go.").count == 1)
        #expect(sentences("The firm moved to the U.S. Federal rules apply.").count == 1)
    }

    @Test func abbreviationEndsSentenceBeforeAnOpener() {
        #expect(sentences("The firm moved to the U.S. The rules changed.") == ["The firm moved to the U.S.", "The rules changed."])
        #expect(sentences("He joined Acme Inc. He left in May.").count == 2)
    }

    @Test func closingQuotesStayWithTheirSentence() {
        #expect(sentences("“We won.” Then they left.") == ["“We won.”", "Then they left."])
    }

    @Test func questionInsideQuoteFollowedByLowercaseContinues() {
        #expect(sentences("\"Why not?\" he asked. \"Because.\"") == ["\"Why not?\" he asked.", "\"Because.\""])
    }

    @Test func sentenceStartFlagSkipsQuotes() {
        let p = TextParagraph("“Reopening is not the goal,” Aso said. Obviously not.")
        let starts = p.tokens.filter { $0.flags.contains(.sentenceStart) }.map { p.text(of: $0) }
        #expect(starts == ["Reopening", "Obviously"])
        let ends = p.tokens.filter { $0.flags.contains(.sentenceEnd) }.map { p.text(of: $0) }
        #expect(ends == [".", "."])
    }

    @Test func lowercaseAfterPeriodContinues() {
        #expect(sentences("It cost 5 approx. and more. Next.").count == 2)
    }
}
