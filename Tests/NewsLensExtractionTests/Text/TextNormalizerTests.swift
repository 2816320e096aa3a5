import Testing
@testable import NewsLensExtraction

@Suite struct TextNormalizerTests {
    func string(_ n: NormalizedText) -> String { n.string }

    @Test func dropsByteOrderMarkAndMapsOffsets() {
        let n = TextNormalizer.normalize("\u{FEFF}Hello")
        #expect(n.string == "Hello")
        #expect(n.sourceStart[0] == 1)
        #expect(n.sourceRange(0, 5) == 1..<6)
        #expect(n.sourceCount == 6)
    }

    @Test func crlfAndCRBecomeNewlines() {
        let n = TextNormalizer.normalize("a\r\nb\rc\u{2028}d")
        #expect(n.string == "a\nb\nc\nd")
        // The `\n` for CRLF covers both source scalars.
        #expect(n.sourceRange(1, 2) == 1..<3)
        #expect(n.sourceStart[2] == 3)  // "b"
        #expect(n.sourceStart[4] == 5)  // "c"
    }

    @Test func paragraphSeparatorBecomesBlankLine() {
        let n = TextNormalizer.normalize("a\u{2029}b")
        #expect(n.string == "a\n\nb")
        #expect(n.sourceStart[3] == 2)
    }

    @Test func unicodeSpacesAndInvisiblesStayAsWritten() {
        let text = "a\u{00A0}b\u{2009}c\u{200B}d\u{00AD}e\u{3000}f\tg"
        let n = TextNormalizer.normalize(text)
        #expect(n.string == text)
        #expect(ScalarClass.of(n.scalars[1]) == .space)
        #expect(ScalarClass.of(n.scalars[5]) == .format)
    }

    @Test func controlsAreDropped() {
        let n = TextNormalizer.normalize("a\u{0007}b\u{0000}c")
        #expect(n.string == "abc")
        #expect(n.sourceStart[2] == 4)
    }

    @Test func keepsQuotesAndDashesAsWritten() {
        let text = "“Yes,” she said — ‘maybe’ – \"no\""
        #expect(TextNormalizer.normalize(text).string == text)
    }

    @Test func composesToNFCAndMapsComposedScalarToBothSourceScalars() {
        let n = TextNormalizer.normalize("Jose\u{301} said")
        #expect(n.string == "Jos\u{E9} said")
        #expect(n.count == 9)
        #expect(n.sourceRange(3, 4) == 3..<5)
        #expect(n.sourceStart[5] == 6)  // "s" of said
    }

    @Test func singletonDecompositionsAreComposed() {
        let n = TextNormalizer.normalize("10 \u{212B}")  // ANGSTROM SIGN → Å
        #expect(n.string == "10 \u{C5}")
        #expect(n.sourceRange(3, 4) == 3..<4)
    }

    @Test func emptyInput() {
        let n = TextNormalizer.normalize("")
        #expect(n.count == 0)
        #expect(n.sourceRange(0, 0) == 0..<0)
    }
}
