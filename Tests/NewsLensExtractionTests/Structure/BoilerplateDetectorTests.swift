import Testing
@testable import NewsLensExtraction

@Suite struct BoilerplateDetectorTests {
    let detector = BoilerplateDetector()

    func nav(_ s: String) -> Bool { detector.isNavigation(TextParagraph(s)) }

    @Test func navigationPhrases() {
        #expect(nav("Share this article"))
        #expect(nav("Advertisement"))
        #expect(nav("Most Commented/Read Stories in 48 Hours"))
        #expect(nav("Sign up for our newsletter"))
        #expect(nav("Related: Trump says the talks are over"))
        #expect(nav("Comments (12)"))
        #expect(nav("» Related stories"))
    }

    @Test func menusAndCopyright() {
        #expect(nav("Home | World | Asia | Business"))
        #expect(nav("© 2019 The Harbor Ledger. All rights reserved."))
        #expect(detector.publisher(fromCopyright: TextParagraph("© 2019 The Harbor Ledger. All rights reserved.")) == "The Harbor Ledger")
        #expect(detector.publisher(fromCopyright: TextParagraph("Copyright 2016 Reuters")) == "Reuters")
    }

    @Test func articleSentencesAreNotNavigation() {
        #expect(!nav("Home prices rose 5 percent in May, the survey found."))
        #expect(!nav("Share prices fell sharply on Monday as investors sold banks."))
        #expect(!nav("Search teams found the missing climbers on Sunday."))
    }

    @Test func edgeFurnitureIsShortAndUnpunctuated() {
        #expect(detector.isEdgeFurniture(TextParagraph("Top World News"), maxWords: 12))
        #expect(detector.isEdgeFurniture(TextParagraph("Today's Top News"), maxWords: 12))
        #expect(detector.isEdgeFurniture(TextParagraph("(Reporting by Kiyoshi Takenaka; Editing by Ed Davies)"), maxWords: 12))
        #expect(!detector.isEdgeFurniture(TextParagraph("The officials will travel to Seoul on Monday."), maxWords: 12))
        #expect(!detector.isEdgeFurniture(TextParagraph("\"We will win\""), maxWords: 12))
    }
}
