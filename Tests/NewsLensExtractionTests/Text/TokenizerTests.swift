import Testing
@testable import NewsLensExtraction

@Suite struct TokenizerTests {
    func tokens(_ text: String) -> (TextParagraph, [String]) {
        let p = TextParagraph(text)
        return (p, p.tokens.map { p.text(of: $0) })
    }

    @Test func wordsKeepInnerApostrophesHyphensAndDots() {
        let (_, t) = tokens("Don't join six-party talks in the U.S. with N.Korea.")
        #expect(t == ["Don't", "join", "six-party", "talks", "in", "the", "U.S.", "with", "N.Korea", "."])
    }

    @Test func possessiveIsItsOwnToken() {
        let (p, t) = tokens("Clinton’s team and Obama's aides")
        #expect(t == ["Clinton", "’s", "team", "and", "Obama", "'s", "aides"])
        #expect(p.tokens[1].flags.contains(.possessive))
        #expect(p.tokens[1].hash == p.tokens[5].hash)  // ’ and ' fold together
    }

    @Test func abbreviationsKeepTheirPeriod() {
        let (p, t) = tokens("Mr. Smith of Portland, Ore., met John F. Kennedy on Jan. 5 at 3 p.m.")
        #expect(t.contains("Mr.") && t.contains("Ore.") && t.contains("F.") && t.contains("Jan.") && t.contains("p.m."))
        let f = p.tokens[t.firstIndex(of: "F.")!]
        #expect(f.flags.contains(.initial) && f.flags.contains(.abbreviation))
        #expect(p.tokens[0].hash == WordHash.hash("mr"))
    }

    @Test func lowercaseWordIsNotACapitalisedAbbreviation() {
        let (_, t) = tokens("They mine iron ore. Prices fell.")
        #expect(t == ["They", "mine", "iron", "ore", ".", "Prices", "fell", "."])
    }

    @Test func numericAbbreviationOnlyBeforeANumber() {
        #expect(tokens("He is No. 1 in the world.").1.contains("No."))
        #expect(tokens("She said No. Then she left.").1.contains("No") )
    }

    @Test func numbers() {
        let (p, t) = tokens("Updated: 2006-11-06 15:37, 1,000 people and 3.5 percent, 1,00 odd")
        #expect(t.contains("2006-11-06") && t.contains("15:37") && t.contains("1,000") && t.contains("3.5"))
        #expect(!t.contains("1,00"))
        #expect(p.tokens[t.firstIndex(of: "15:37")!].kind == .number)
    }

    @Test func capitalisationFlags() {
        let (p, _) = tokens("APEC met Aso and the US")
        #expect(p.tokens[0].flags.contains(.allCaps))
        #expect(p.tokens[2].flags.contains(.capitalized) && !p.tokens[2].flags.contains(.allCaps))
        #expect(p.tokens[5].flags.contains(.allCaps))
        #expect(!p.tokens[3].flags.contains(.capitalized))
    }

    @Test func curlyQuotesHaveTheirRole() {
        let (p, _) = tokens("“Yes,” he said, ‘no’")
        #expect(p.tokens[0].isOpeningQuote && !p.tokens[0].isClosingQuote)
        #expect(p.tokens[3].isClosingQuote && !p.tokens[3].isOpeningQuote)
        #expect(p.tokens[7].flags.contains(.single) && p.tokens[7].isOpeningQuote)
        #expect(p.tokens[9].flags.contains(.single) && p.tokens[9].isClosingQuote)
    }

    @Test func straightQuotesTakeTheirRoleFromContext() {
        let (p, t) = tokens("He said \"yes.\" Then \"no\"")
        let marks = p.tokens.enumerated().filter { $0.element.kind == .quote }
        #expect(marks.count == 4)
        #expect(marks[0].element.isOpeningQuote && !marks[0].element.isClosingQuote)
        #expect(marks[1].element.isClosingQuote && !marks[1].element.isOpeningQuote)
        #expect(marks[2].element.isOpeningQuote)
        #expect(marks[3].element.isClosingQuote)
        #expect(t.count == 10)
    }

    @Test func apostropheAfterPluralIsFlagged() {
        let (p, t) = tokens("the students’ union")
        let i = t.firstIndex(of: "’")!
        #expect(p.tokens[i].flags.contains(.apostrophe))
    }

    @Test func dashesAndEllipsis() {
        let (p, t) = tokens("TOKYO - Japan -- and — more... yes…")
        #expect(t == ["TOKYO", "-", "Japan", "--", "and", "—", "more", "...", "yes", "…"])
        #expect(p.tokens[1].kind == .dash && p.tokens[3].kind == .dash && p.tokens[5].kind == .dash)
    }

    @Test func spaceFlags() {
        let (p, _) = tokens("a (b) c")
        #expect(p.tokens[1].flags.contains(.spaceBefore) && !p.tokens[1].flags.contains(.spaceAfter))
        #expect(p.tokens[3].flags.contains(.spaceAfter) && !p.tokens[3].flags.contains(.spaceBefore))
    }

    @Test func invisibleFormatCharactersInsideWords() {
        let (p, t) = tokens("in\u{00AD}formation and \u{200B}combined")
        #expect(t == ["in\u{00AD}formation", "and", "combined"])
        #expect(p.tokens[0].hash == WordHash.hash("information"))
    }
}
