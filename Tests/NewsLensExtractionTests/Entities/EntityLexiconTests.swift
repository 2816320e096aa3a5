import Testing
@testable import NewsLensExtraction

@Suite struct EntityLexiconTests {
    let lex = EntityTest.resources.lexicon

    func classes(_ word: String, in text: String) -> WordClass {
        let p = TextParagraph(text)
        let t = p.tokens.first { p.text(of: $0) == word }!
        return lex.classes(of: t)
    }

    @Test func givenNamesCarryGender() {
        #expect(classes("Robert", in: "Robert left").contains(.givenMale))
        #expect(classes("Mary", in: "Mary left").contains(.givenFemale))
        #expect(!classes("Robert", in: "Robert left").contains(.givenFemale))
    }

    @Test func nameClassesOnlyForCapitalisedWords() {
        #expect(classes("Burns", in: "Burns said").contains(.common))
        #expect(classes("Burns", in: "Burns said").contains(.surname))
        #expect(!classes("burns", in: "it burns").contains(.surname))
        #expect(lex[WordHash.hash("burns")].contains(.surname))  // the subscript ignores case
    }

    @Test func titleAndNameWords() {
        #expect(classes("Minister", in: "the Minister").contains(.titleHead))
        #expect(classes("Foreign", in: "Foreign Minister").contains(.titleModifier))
        #expect(classes("Affairs", in: "Political Affairs").contains(.portfolio))
        #expect(classes("Mr.", in: "Mr. Key").contains(.honorific))
        #expect(classes("Mr.", in: "Mr. Key").contains(.male))
        #expect(classes("University", in: "the University").contains(.orgFirst))
        #expect(classes("Stadium", in: "Fisht Stadium").contains(.placeLast))
        #expect(classes("Monday", in: "on Monday").contains(.notName))
        #expect(classes("analyst", in: "an analyst").contains(.role))
        #expect(classes("said", in: "he said").contains(.speechVerb))
        #expect(classes("of", in: "Bank of Japan").contains(.connector))
    }

    @Test func worldAndHandWrittenGivenNames() {
        // Faker locales (Ukrainian transliterated), the hand-written list, the census gender kept first
        #expect(classes("Volodymyr", in: "Volodymyr left").contains(.givenMale))
        #expect(classes("Oksana", in: "Oksana left").contains(.givenFemale))
        #expect(classes("Olusegun", in: "Olusegun left").contains(.givenMale))
        #expect(classes("Wojciech", in: "Wojciech left").contains(.givenMale))
        #expect(classes("Kowalczyk", in: "Kowalczyk left").contains(.surname))
        #expect(classes("Mary", in: "Mary left").contains(.givenFemale) && !classes("Mary", in: "Mary left").contains(.givenMale))
        // a common US surname is not made a given name by a world list; contractions and religions are no names
        #expect(classes("Campbell", in: "Campbell left").isDisjoint(with: .given))
        #expect(classes("Theres", in: "Theres left").isDisjoint(with: .given))
        #expect(classes("Islam", in: "Islam spread").contains(.notName))
    }

    @Test func addMergesClassesAndDropsAbbreviationPeriod() {
        var l = EntityLexicon()
        l.add("Gen.", .titleHead)
        l.add("gen", .common)
        #expect(l[WordHash.hash("gen")] == [.titleHead, .common])
    }
}
