import Testing
@testable import NewsLensExtraction

@Suite struct BylineParserTests {
    let parser = BylineParser()

    func parse(_ s: String) -> BylineParser.Found? { parser.parse(TextParagraph(s)) }

    @Test func singleAuthor() {
        #expect(parse("By Maria Keller") == .init(authors: ["Maria Keller"], source: nil))
    }

    @Test func twoAuthors() {
        #expect(parse("By Maria Keller and John O'Neill")?.authors == ["Maria Keller", "John O'Neill"])
        #expect(parse("By Ana de la Cruz & Li Wei")?.authors == ["Ana de la Cruz", "Li Wei"])
    }

    @Test func agencyCredit() {
        let f = parse("By Kiyoshi Takenaka, Reuters")
        #expect(f?.authors == ["Kiyoshi Takenaka"])
        #expect(f?.source == "Reuters")
        #expect(parse("By The Associated Press")?.source == "Associated Press")
    }

    @Test func allCapsNamesAndRoles() {
        #expect(parse("BY MARIA KELLER | Staff Writer")?.authors == ["Maria Keller"])
        #expect(parse("By Maria Keller in Tokyo")?.authors == ["Maria Keller"])
    }

    @Test func sentencesStartingWithByAreNoBylines() {
        #expect(parse("By the end of the year, the talks had collapsed.") == nil)
        #expect(parse("Bystanders said the car was speeding.") == nil)
    }
}
