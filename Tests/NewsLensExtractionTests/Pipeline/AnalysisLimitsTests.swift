import NewsLensExtraction
import Testing

@Suite struct AnalysisLimitsTests {
    let limits = AnalysisLimits(maxQuoteMarks: 4)

    @Test(arguments: ["\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{00AB}", "\u{00BB}", "\u{2018}",
                      "\u{201B}", "\u{2039}", "\u{203A}"])
    func everyQuotationMarkCounts(_ mark: String) {
        #expect(limits.check(text: String(repeating: mark + "a ", count: 4)) == nil)
        #expect(limits.check(text: String(repeating: mark + "a ", count: 5))?.limit == 4)
    }

    @Test func apostrophesAndLookalikesDoNotCount() {
        // Straight and curly apostrophes, and other characters sharing the marks' UTF-8 lead bytes.
        let text = String(repeating: "don't it\u{2019}s \u{2014} \u{20AC} \u{00A9} \u{2026} ", count: 100)
        #expect(limits.check(text: text) == nil)
    }

    @Test func pagesCountHeadlineParagraphsAndCaptionsTogether() {
        var input = ArticleInput()
        input.headline = "\"One\""
        input.paragraphs = ["\u{201C}Two\u{201D}"]
        #expect(limits.check(input) == nil)
        input.captions = [Caption(text: "\"three")]
        #expect(limits.check(input) != nil)
    }

    @Test func theDetailSaysWhatToDo() {
        let detail = AnalysisLimits.standard.check(text: String(repeating: "\"", count: 10_001))?.description ?? ""
        #expect(detail.contains("more than 10000 quotation marks"))
        #expect(AnalysisLimits.standard.check(text: String(repeating: "\"", count: 10_000)) == nil)
    }
}
