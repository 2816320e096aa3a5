import Testing
@testable import NewsLensExtraction

@Suite struct EntityUnitTests {
    @Test func wordConstantsAreWordHashes() {
        let pairs: [(UInt64, String)] = [
            (EntityWords.comma, ","), (EntityWords.openParen, "("), (EntityWords.closeParen, ")"),
            (EntityWords.openBracket, "["), (EntityWords.of, "of"), (EntityWords.the, "the"), (EntityWords.and, "and"),
            (EntityWords.or, "or"), (EntityWords.ampersand, "&"), (EntityWords.at, "at"), (EntityWords.for, "for"),
            (EntityWords.to, "to"), (EntityWords.on, "on"), (EntityWords.from, "from"), (EntityWords.with, "with"),
            (EntityWords.by, "by"), (EntityWords.who, "who"), (EntityWords.a, "a"), (EntityWords.an, "an"),
            (EntityWords.according, "according"),
        ]
        for (h, w) in pairs { #expect(h == WordHash.hash(w), "\(w)") }
    }

    @Test func titleCaseOnlyForHeadlines() {
        #expect(EntityTest.unit("Man Bites Dog In Central Park", location: .headline).titleCase)
        #expect(!EntityTest.unit("Man bites dog in Central Park", location: .headline).titleCase)
        #expect(!EntityTest.unit("Man Bites Dog In Central Park").titleCase)
    }

    @Test func gazetteerMatchesAreCachedPerSentence() {
        let u = EntityTest.unit("He flew to New York. York is old.")
        let ny = EntityTest.token(u, "New")
        #expect(u.known(ny, limit: u.tokens.count)?.length == 2)
        #expect(u.known(ny, limit: ny + 1) == nil || u.known(ny, limit: ny + 1)?.length == 1)  // a shorter limit re-matches
        #expect(u.known(EntityTest.token(u, "flew"), limit: u.tokens.count) == nil)
    }

    @Test func stringsKeepTheTextBetweenTokens() {
        let u = EntityTest.unit("Asia-Pacific Economic Cooperation ( APEC) in São Paulo")
        #expect(u.string(0, 3) == "Asia-Pacific Economic Cooperation")
        #expect(u.string(EntityTest.token(u, "São"), u.tokens.count) == "São Paulo")
    }
}
