import Testing
@testable import NewsLensExtraction

@Suite struct TitleParserTests {
    /// Title text of the chunk starting at word `from` (to the end of the text), or nil.
    func title(_ text: String, from word: String) -> String? {
        let u = EntityTest.unit(text)
        let a = EntityTest.token(u, word)
        let end = u.tokens.count - (u.tokens.last?.kind == .punctuation ? 1 : 0)
        guard let t = TitleParser(resources: EntityTest.resources).parse(u, a, end) else { return nil }
        return u.string(t.range.lowerBound, t.range.upperBound)
    }

    @Test func modifiersAndHead() {
        #expect(title("Foreign Minister Taro Aso", from: "Foreign") == "Foreign Minister")
        #expect(title("Shadow Home Secretary Yvette Cooper", from: "Shadow") == "Shadow Home Secretary")
        #expect(title("President Obama", from: "President") == "President")
    }

    @Test func aHeadThatIsAlsoAGivenNameAfterAModifier() {
        // "Prince" is a given name too; after "Crown" it is the title's head
        #expect(title("Crown Prince Mohammed", from: "Crown") == "Crown Prince")
    }

    @Test func complementsOfPortfolioWords() {
        #expect(title("Undersecretary of State for Political Affairs Nicholas Burns", from: "Undersecretary")
                == "Undersecretary of State for Political Affairs")
        #expect(title("Minister of Education Stefania Giannini", from: "Minister") == "Minister of Education")
    }

    @Test func complementWithAKnownCountry() {
        let u = EntityTest.unit("Ambassador to the United States Hamdullah Mohib")
        let t = TitleParser(resources: EntityTest.resources).parse(u, 0, u.tokens.count)
        #expect(t.map { u.string($0.range.lowerBound, $0.range.upperBound) } == "Ambassador to the United States")
        #expect(t?.inner.count == 1)
    }

    @Test func noTitleWithoutAHeadOrWhenTheHeadIsAFirstName() {
        #expect(title("Homeland Security officials", from: "Homeland") == nil)
        #expect(title("Dean Kamen founded it", from: "Dean") == nil)
    }
}
