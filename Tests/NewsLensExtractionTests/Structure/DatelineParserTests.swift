import Testing
@testable import NewsLensExtraction

@Suite struct DatelineParserTests {
    let parser = DatelineParser()

    func parse(_ s: String) -> (DatelineParser.Found, String)? {
        let p = TextParagraph(s)
        guard let f = parser.parse(p) else { return nil }
        return (f, p.text(f.bodyStart, p.count))
    }

    @Test func capitalCityAndDash() {
        let r = parse("TOKYO - Japan and the United States want talks.")
        #expect(r?.0.dateline == "TOKYO" && r?.0.source == nil)
        #expect(r?.1 == "Japan and the United States want talks.")
    }

    @Test func dateAndAgency() {
        let r = parse("BRUSSELS, March 14 (Reuters) - EU ministers agreed on Tuesday.")
        #expect(r?.0.dateline == "BRUSSELS")
        #expect(r?.0.source == "Reuters")
        #expect(r?.1 == "EU ministers agreed on Tuesday.")
    }

    @Test func stateAbbreviation() {
        let r = parse("PORTLAND, Ore. — Police closed the bridge overnight.")
        #expect(r?.0.dateline == "PORTLAND, Ore.")
        #expect(r?.1 == "Police closed the bridge overnight.")
    }

    @Test func apStyle() {
        let r = parse("WASHINGTON (AP) — The Senate passed the bill.")
        #expect(r?.0.dateline == "WASHINGTON" && r?.0.source == "Associated Press")
        let multi = parse("NEW YORK (Reuters) -- Stocks rose.")
        #expect(multi?.0.dateline == "NEW YORK" && multi?.1 == "Stocks rose.")
    }

    @Test func mixedCaseNeedsAgencyOrDate() {
        #expect(parse("Tokyo (Kyodo) - The yen fell.")?.0.dateline == "Tokyo")
        #expect(parse("Paris — the city of light — is quiet.") == nil)
    }

    @Test func ordinarySentencesHaveNoDateline() {
        #expect(parse("Japan and the United States want their ministers to meet.") == nil)
        #expect(parse("US - Japan talks resume next week in Hanoi.") == nil)
        #expect(parse("NATO allies said on Monday that they would meet.") == nil)
    }
}
