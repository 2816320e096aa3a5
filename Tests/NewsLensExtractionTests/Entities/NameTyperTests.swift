import Testing
@testable import NewsLensExtraction

@Suite struct NameTyperTests {
    let typer = NameTyper()

    func type(_ text: String) -> NameType {
        let u = EntityTest.unit(text)
        return typer.type(u, unit: 0, 0, u.tokens.count, gazetteer: EntityTest.resources.gazetteer).type
    }

    @Test func givenNameMakesAPerson() {
        #expect(type("Nick Moreau") == .person)
        #expect(type("Marc Lamont Hill") == .person)
    }

    @Test func initialsInCapitalsStartAPerson() {
        #expect(type("J.K. Rowling") == .person)
        #expect(typer.isInitials(EntityTest.unit("A.J. Styles"), 0))
        #expect(!typer.isInitials(EntityTest.unit("NATO Summit"), 0))
        #expect(type("U.S. Steel") != .person)  // a known abbreviation, not initials
    }

    @Test func threeWordsNeedAKnownLastName() {
        let u = EntityTest.unit("Andy Warhol Polaroid")
        #expect(!typer.looksLikePersonName(u, 0, 3))
        #expect(typer.looksLikePersonName(u, 0, 2))
    }

    @Test func capitalsAreAcronymsButNotRomanNumerals() {
        #expect(type("USI") == .organization)
        #expect(type("XVII") == .unknown)
        #expect(type("CEO") == .unknown)
    }

    @Test func knownPhrasesKeepTheirType() {
        #expect(type("North Korea") == .country)
        #expect(type("Hanoi") == .place)
    }

    @Test func genderFromTheCensusList() {
        let u = EntityTest.unit("Robert Joseph")
        #expect(typer.gender(u, 0, 2) == .male)
        #expect(typer.gender(EntityTest.unit("Mary Smith"), 0, 2) == .female)
    }

    @Test func unusualNames() {
        let u = EntityTest.unit("Hamdullah Mohib")
        #expect(typer.isUnusualName(u, 0, 2))
        #expect(!typer.isUnusualName(EntityTest.unit("Security Council"), 0, 2))
    }
}
