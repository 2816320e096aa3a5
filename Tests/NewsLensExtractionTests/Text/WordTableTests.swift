import Testing
@testable import NewsLensExtraction

@Suite struct WordTableTests {
    @Test func insertLookupGrowAndRemove() {
        var t = WordTable<Int>()
        for i in 0..<1000 { t.insert(WordHash.hash("w\(i)"), i) }
        #expect(t.count == 1000)
        #expect(t[WordHash.hash("w517")] == 517)
        #expect(t[WordHash.hash("nope")] == nil)
        t[WordHash.hash("w3")] = nil
        #expect(t[WordHash.hash("w3")] == nil && t.count == 999)
        t.insert(WordHash.hash("w4"), 44)
        #expect(t[WordHash.hash("w4")] == 44)
    }

    @Test func hashFoldsCaseAndTypography() {
        #expect(WordHash.hash("Clinton’s") == WordHash.hash("clinton's"))
        #expect(WordHash.hash("ÉLAN") == WordHash.hash("élan"))
        #expect(WordHash.hash("six‐party") == WordHash.hash("six-party"))
        #expect(WordHash.hash("said") != WordHash.hash("says"))
        #expect(WordHash.phrase("according to") != WordHash.phrase("to according"))
        #expect(WordHash.phrase("said") == WordHash.hash("said"))
    }

    @Test func resourceFileParsing() {
        let e = ResourceFile.parse("# comment\nMr\ttitle\n\n  Jan \t month # note\nplain\n")
        #expect(e.count == 3)
        #expect(e[1] == ["Jan", "month"])
        #expect(e[2] == ["plain"])
    }

    @Test func bundledAbbreviationsLoad() {
        #expect(Abbreviations.shared.kind(hash: WordHash.hash("mr"), capitalized: true) == .title)
        #expect(Abbreviations.shared.kind(hash: WordHash.hash("ore"), capitalized: false) == nil)
    }
}

@Suite struct PhraseTableTests {
    @Test func longestMatchWins() {
        var t = PhraseTable<String>()
        t.insert("according", "a")
        t.insert("according to", "b")
        t.insert("Most Read Stories in 48 Hours", "c")
        t.insert("U.S.", "d")
        let p = TextParagraph("Sources, according to the U.S. report; Most Read Stories in 48 Hours")
        let at = p.tokens.firstIndex { p.text(of: $0) == "according" }!
        #expect(t.match(p.tokens, at: at)?.value == "b")
        #expect(t.match(p.tokens, at: at)?.length == 2)
        #expect(t.match(p.tokens, at: at, limit: at + 1)?.value == "a")
        let us = p.tokens.firstIndex { p.text(of: $0) == "U.S." }!
        #expect(t.match(p.tokens, at: us)?.value == "d")
        let most = p.tokens.firstIndex { p.text(of: $0) == "Most" }!
        #expect(t.match(p.tokens, at: most)?.length == 6)
        #expect(t.match(p.tokens, at: 0) == nil)
        #expect(t[WordHash.hash("according")] == "a")
    }
}
