import Testing
import NewsLensExtraction
@testable import NewsLensHTML

/// Rules learnt from real pages, each on a small hand-written page.
@Suite struct BodyRulesTests {
    @Test func taxonomyAndLayoutClassesDoNotMakeTheArticleFurniture() {
        let page = """
        <div class="content-with-sidebar-wrp"><article class="post category-promotions tag-comments">
        \(articleParagraphs())</article><div class="sidebar"><a href=/a>One link</a> <a href=/b>Another link</a></div></div>
        """
        #expect(extract(page).paragraphs == loremSentences)
    }

    @Test func hoverCardsInsideParagraphsAreNotText() {
        let page = """
        <article><p>Voters met Rep. <a href=/p>Ilhan Omar</a><span class="people-tooltip">
        <a href=/x>Another headline about her</a> <a href=/y>And one more</a></span> (D-Minn.) on Tuesday, aides said.</p>
        \(articleParagraphs(3))</article>
        """
        let a = extract(page)
        #expect(a.paragraphs.first == "Voters met Rep. Ilhan Omar (D-Minn.) on Tuesday, aides said.")
    }

    @Test func bodySplitIntoNamedChunksIsTakenWhole() {
        let page = """
        <div class="page"><div class="article-body">\(articleParagraphs(3))</div>
        <div class="ad"><a href=/ad>Buy now</a></div>
        <div class="article-body"><p>\(loremSentences[3])</p><p>\(loremSentences[4])</p></div></div>
        <div class="more"><p>\(loremSentences[0]) \(loremSentences[1]) \(loremSentences[2])</p></div>
        """
        #expect(extract(page).paragraphs == loremSentences)
    }

    @Test func listItemsThatLinkTheirFirstSentenceStay() {
        let item = "<li><a href=/s>Google has bought CloudSimple, a cloud startup.</a> The deal was announced on Monday, and terms were not disclosed.</li>"
        let page = "<article><p>\(loremSentences[0])</p><ul>\(item)\(item.replacingFirst("Google", "Apple"))</ul><p>\(loremSentences[1])</p></article>"
        let a = extract(page)
        #expect(a.paragraphs.count == 4)
        #expect(a.paragraphs[1].hasPrefix("Google has bought"))
    }

    @Test func relatedLinkLinesAreDropped() {
        let page = "<article>\(articleParagraphs(3))<p>Related: <a href=/r>Why the budget keeps growing every single year</a></p></article>"
        #expect(extract(page).paragraphs == Array(loremSentences[0 ..< 3]))
    }

    @Test func leadingDateLineNewsletterPlugAndShortcodeAreRemoved() {
        let page = """
        <article><p>October 12, 2017</p>\(articleParagraphs(3))
        <p>Sign up for our morning newsletter to get the best stories delivered to your inbox.</p>
        <p>[button link="/submit"]Send us your story[/button]</p></article>
        """
        let a = extract(page)
        #expect(a.paragraphs == Array(loremSentences[0 ..< 3]))
        #expect(a.removedBoilerplate.contains("October 12, 2017"))
    }

    @Test func prosePaywallWrapperInsideTheNamedBodyIsKept() {
        let page = """
        <article><div itemprop="articleBody"><p>\(loremSentences[0])</p>
        <div class="paywall promo-wrapper"><p>\(loremSentences[1]) \(loremSentences[2])</p><p>\(loremSentences[3]) \(loremSentences[4])</p></div>
        </div></article>
        """
        #expect(extract(page).paragraphs.count == 3)
    }

    @Test func dateLineRecognition() {
        #expect(BoilerplatePhrases.isDateLine("Updated Nov. 19, 2019 10:30 AM ET"))
        #expect(BoilerplatePhrases.isDateLine("2019-04-10"))
        #expect(!BoilerplatePhrases.isDateLine("March 3 was the day the council voted"))
    }

    @Test func classHintsPerToken() {
        #expect(ClassHints.of("story-body").contains(.articleBody))
        #expect(ClassHints.of("share-bar social").contains(.boilerplate))
        #expect(!ClassHints.of("content-with-sidebar category-promo has-comments").contains(.boilerplate))
        #expect(ClassHints.of("wp-caption-text").contains(.caption))
    }
}

extension String {
    func replacingFirst(_ a: String, _ b: String) -> String {
        guard let r = firstRange(of: a) else { return self }
        return String(self[..<r.lowerBound]) + b + String(self[r.upperBound...])
    }

    private func firstRange(of needle: String) -> Range<String.Index>? {
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(needle) { return i ..< index(i, offsetBy: needle.count) }
            i = index(after: i)
        }
        return nil
    }
}

@Suite struct TailRulesTests {
    @Test func teaserBlurbsAfterTheArticleAreDropped() {
        let teaser = "<h4><a href=/n>Next story: the bridge reopens</a></h4><p>Crews finished the work early, officials said.</p><p><a href=/n>Read the story</a></p>"
        let long = [loremSentences[0] + " " + loremSentences[1], loremSentences[2] + " " + loremSentences[3]]
        let page = "<article><p>\(long[0])</p><p>\(long[1])</p>\(teaser)\(teaser.replacingFirst("bridge", "tunnel"))</article>"
        #expect(extract(page).paragraphs == long)
    }

    @Test func shortLinesWithNumericDatesAreBylines() {
        #expect(BoilerplatePhrases.hasNumericDate(ArraySlice(Array("Marcus De Guzman 2019-11-20 17:27:46".utf8))))
        #expect(BoilerplatePhrases.hasNumericDate(ArraySlice(Array("05/10/2018 - Publicado por".utf8))))
        #expect(!BoilerplatePhrases.hasNumericDate(ArraySlice(Array("Won 3-2 in 2019 at 10.5 seconds".utf8))))
        let page = "<article><p>By Jane Doe 2019-11-20</p>\(articleParagraphs(3))</article>"
        #expect(extract(page).paragraphs == Array(loremSentences[0 ..< 3]))
    }
}
