import Testing
@testable import NewsLensExtraction

@Suite struct QuoteMarkPairerTests {
    func pieces(_ paragraphs: [String]) -> [(paragraph: Int, text: String, from: Bool, to: Bool)] {
        let ps = paragraphs.map { TextParagraph($0) }
        return QuoteMarkPairer().pair(ps).map { ($0.paragraph, ps[$0.paragraph].text($0.start, $0.end), $0.continuesFromPrevious, $0.continuesToNext) }
    }

    @Test func straightAndCurlyMarks() {
        #expect(pieces(["\"Yes,\" he said. “No,” she said."]).map(\.text) == ["Yes,", "No,"])
    }

    @Test func nestedSingleQuotesStayInside() {
        #expect(pieces(["“He told me, ‘Go home,’ and left,” she said."]).map(\.text) == ["He told me, ‘Go home,’ and left,"])
    }

    @Test func multiParagraphQuote() {
        let p = pieces(["“First part of the speech.", "“Second part.", "“Last part,” he said."])
        #expect(p.count == 3)
        #expect(p[0].to && !p[0].from)
        #expect(p[1].from && p[1].to)
        #expect(p[2].from && !p[2].to)
        #expect(p[2].text == "Last part,")
    }

    @Test func unbalancedMarksDoNotCrash() {
        // Unclosed at a clause start: kept to the paragraph end.
        #expect(pieces(["He said: \"We will win"]).map(\.text) == ["We will win"])
        // A stray mark in the middle of a sentence is dropped.
        #expect(pieces(["The 5\" screen was bright.", "Next paragraph."]).isEmpty)
        #expect(pieces(["”", "“", "\"\"", ""]).count <= 1)
    }

    @Test func markupAttributesAreNoQuotes() {
        #expect(pieces(["<tweet id=\"7711\" author=\"@someone\">We won</tweet>"]).isEmpty)
    }

    @Test func singleMarksWhenTheArticleUsesNoDoubleOnes() {
        #expect(pieces(["‘We will win,’ she said.", "The team’s coach agreed."]).map(\.text) == ["We will win,"])
        // Two apostrophes stand in for no quotation mark.
        #expect(pieces(["''We will win,'' she said."]).isEmpty)
    }
}
