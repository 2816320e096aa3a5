import Testing
@testable import NewsLensExtraction

@Suite struct TextDocumentTests {
    func blocks(_ text: String) -> [String] { TextDocument(text).blocks.map { $0.paragraph.string } }

    @Test func blankLineSeparatedParagraphs() {
        #expect(blocks("Headline\n\nFirst para.\n\n\nSecond para.\n") == ["Headline", "First para.", "Second para."])
    }

    @Test func linePerParagraph() {
        #expect(blocks("Top World News\nToday's Top News\nMost Read") == ["Top World News", "Today's Top News", "Most Read"])
    }

    @Test func hardWrappedParagraphsAreJoined() {
        let text = """
        The proposed meeting would take place on the sidelines of a forum
        meeting in Hanoi, the minister told reporters after talks with the
        visiting officials.

        Next paragraph here.
        """
        #expect(blocks(text) == ["The proposed meeting would take place on the sidelines of a forum meeting in Hanoi, the minister told reporters after talks with the visiting officials.", "Next paragraph here."])
    }

    @Test func lineContinuedByLowercaseWordIsJoined() {
        #expect(blocks("A very long line that stops in the middle of a\nsentence goes on.\nNew line.")
                == ["A very long line that stops in the middle of a sentence goes on.", "New line."])
    }

    @Test func spacesStayAsWrittenAndSourceOffsetsKept() {
        let text = "\u{FEFF}Title\r\n\r\nSome  text\u{00A0}here.\r\n"
        let doc = TextDocument(text)
        #expect(doc.blocks.count == 2)
        let p = doc.blocks[1].paragraph
        #expect(p.string == "Some  text\u{00A0}here.")
        let scalars = Array(text.unicodeScalars)
        // "text" in the paragraph maps back to "text" in the source.
        let r = p.sourceRange(6, 10)!
        #expect(String(String.UnicodeScalarView(scalars[r])) == "text")
        let here = p.sourceRange(11, 16)!
        #expect(String(String.UnicodeScalarView(scalars[here])) == "here.")
        #expect(doc.blocks[0].blankAfter && doc.blocks[1].blankBefore)
    }

    @Test func droppingAPrefixKeepsSourceOffsets() {
        let text = "x\n\nTOKYO - Japan and the US"
        let p = TextDocument(text).blocks[1].paragraph.dropping(first: 7)
        #expect(p.string == "Japan and the US")
        #expect(p.sourceRange(0, 5) == 11..<16)
        #expect(p.tokens.first.map { p.text(of: $0) } == "Japan")
    }

    @Test func paragraphWithoutSourceHasNoSourceRange() {
        let p = TextParagraph("Plain\nparagraph ")
        #expect(p.string == "Plain paragraph")
        #expect(p.sourceRange(0, 5) == nil)
        #expect(p.span(0, 5, paragraph: 2).sourceStart == nil)
    }

    @Test func emptyAndWhitespaceOnlyText() {
        #expect(blocks("").isEmpty)
        #expect(blocks(" \n\t\n ").isEmpty)
    }
}
