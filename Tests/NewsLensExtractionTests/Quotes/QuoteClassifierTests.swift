import Testing
@testable import NewsLensExtraction

@Suite struct QuoteClassifierTests {
    func kinds(_ paragraph: String) -> [QuoteClassifier.Verdict] {
        let p = TextParagraph(paragraph)
        return QuoteMarkPairer().pair([p]).map { QuoteClassifier().classify($0, p, hasAttribution: true) }
    }

    @Test func directQuotes() {
        #expect(kinds("\"We will win,\" she said.") == [.direct])
        #expect(kinds("She said: \"We will win.\"") == [.direct])
    }

    @Test func partialQuotes() {
        #expect(kinds("He said they saw \"eye to eye\" on it.") == [.partial])
        #expect(kinds("Japan was no more than a \"state\" of the US, it said.") == [.partial])
    }

    @Test func titlesOfWorksAreNoQuotes() {
        #expect(kinds("Clinton said on ABC's \"This Week\" that she would run.") == [.notAQuote])
        #expect(kinds("The \"Avatar\" star posted a message.") == [.notAQuote])
        #expect(kinds("—\"Posthumous books could come with a lot of dollar signs,\" by Jane Doe of the Globe.") == [.notAQuote])
        #expect(kinds("He starred in the film \"Weiner\" last year, he said.") == [.notAQuote])
        #expect(kinds("DuVernay's \"13th\" documents how life has changed, she said.") == [.notAQuote])
        #expect(kinds("He began taking calls to his \"Keepin' It Real\" radio program, he said.") == [.notAQuote])
        #expect(kinds("She was on \"Dateline on Assignment\" broadcast on Wednesday, she said.") == [.notAQuote])
    }

    @Test func numbersAreNoQuotes() {
        #expect(kinds("He is \"99.9\" percent certain, he said.") == [.notAQuote])
    }
}
