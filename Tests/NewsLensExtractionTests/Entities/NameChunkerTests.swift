import Testing
@testable import NewsLensExtraction

@Suite struct NameChunkerTests {
    func chunks(_ text: String) -> [String] {
        let u = EntityTest.unit(text)
        let chunker = NameChunker(resources: EntityTest.resources)
        return u.text.sentences.flatMap { s in chunker.chunks(u, s).map { u.string($0.lowerBound, $0.upperBound) } }
    }

    @Test func capitalisedRunsAndConnectors() {
        #expect(chunks("He met Japanese Foreign Minister Taro Aso in Hanoi.")
                == ["He", "Japanese Foreign Minister Taro Aso", "Hanoi"])
        #expect(chunks("She studied at the University of North Carolina last year.")
                == ["She", "University of North Carolina"])
    }

    @Test func forAndOnJoinOnlyTitlesAndBodies() {
        #expect(chunks("a call by Pyongyang for Tokyo to stay away").contains("Pyongyang"))
        #expect(chunks("with Undersecretary for Arms Control John Smith").contains("Undersecretary for Arms Control John Smith"))
        #expect(chunks("the Council on American-Islamic Relations said").contains("Council on American-Islamic Relations"))
        #expect(chunks("from US President Barack Obama to Facebook creator Mark Zuckerberg").contains("Facebook"))
    }

    @Test func andJoinsKnownPhrasesTitlePortfoliosAndBodies() {
        #expect(chunks("in Trinidad and Tobago today").contains("Trinidad and Tobago"))
        #expect(chunks("Undersecretary for Arms Control and International Security Robert Joseph spoke")
                .contains("Undersecretary for Arms Control and International Security Robert Joseph"))
        #expect(chunks("the Food and Drug Administration approved it").contains("Food and Drug Administration"))
        #expect(chunks("China and Russia agreed").filter { $0.contains("and") }.isEmpty)
    }

    @Test func stopsAtWeekdaysPossessivesAndLoneLetters() {
        #expect(chunks("He arrived in Christchurch on Monday.").contains("Christchurch"))
        #expect(chunks("Pyongyang's nuclear test").first == "Pyongyang")
        #expect(!chunks("Nicholas Burns (C) spoke").contains("C"))
    }

    @Test func titleCaseHeadlinesChunkOnUnusualWordsOnly() {
        let u = EntityTest.unit("Japan And US Seek Talks On North Korea In Hanoi", location: .headline)
        #expect(u.titleCase)
        let chunker = NameChunker(resources: EntityTest.resources)
        let got = u.text.sentences.flatMap { s in chunker.chunks(u, s).map { u.string($0.lowerBound, $0.upperBound) } }
        #expect(got == ["Japan", "US", "North Korea", "Hanoi"])
    }
}
