import Testing
import NewsLensExtraction
@testable import NewsLensHTML

/// Hand-written pages, one per extraction rule.
let loremSentences = [
    "The city council voted on Tuesday to approve the new budget, which raises spending on schools by four percent.",
    "Officials said the plan, debated for months, would also fund repairs to bridges and roads across the region.",
    "Critics argued that the increase was too small to make up for years of cuts, and promised to keep pressing.",
    "The mayor, speaking after the vote, said the city had finally turned a corner after a difficult decade.",
    "Residents who attended the meeting were divided, with some applauding and others leaving before the end.",
]

func articleParagraphs(_ n: Int = 5) -> String {
    (0 ..< n).map { "<p>\(loremSentences[$0 % loremSentences.count])</p>" }.joined(separator: "\n")
}

func extract(_ html: String, url: String? = nil) -> ArticleInput {
    HTMLArticleExtractor.extract(html: Array(html.utf8), url: url)
}

@Suite struct HTMLArticleExtractorTests {
    @Test func findsTheBodyAmongNavigationSidebarAndFooter() {
        let page = """
        <html><body>
        <nav><ul><li><a href=/>Home</a></li><li><a href=/world>World</a></li><li><a href=/sport>Sport</a></li></ul></nav>
        <header><a href=/>The Harbor Ledger</a></header>
        <div class="layout">
          <div class="main">\(articleParagraphs())</div>
          <div class="sidebar"><h3>Most Read</h3><ul>
            <li><a href=/a>Storm hits the coast as thousands lose power overnight</a></li>
            <li><a href=/b>Local team wins the championship after dramatic final</a></li>
            <li><a href=/c>New bakery opens downtown with long queues on day one</a></li></ul></div>
        </div>
        <footer><p>© 2019 The Harbor Ledger. All rights reserved. Contact us at the newsroom for corrections.</p></footer>
        </body></html>
        """
        let a = extract(page)
        #expect(a.paragraphs == loremSentences)
    }

    @Test func paragraphBoundariesFromBlocksAndDoubleBreaks() {
        let page = """
        <div class="story">\(loremSentences[0])<br><br>\(loremSentences[1])<br>\(loremSentences[2])
        <div>\(loremSentences[3])</div><ul><li>\(loremSentences[4])</li></ul>
        <blockquote>\(loremSentences[0])</blockquote></div>
        """
        let a = extract(page)
        #expect(a.paragraphs == [loremSentences[0], loremSentences[1] + " " + loremSentences[2], loremSentences[3],
                                 loremSentences[4], loremSentences[0]])
    }

    @Test func headingsInsideTheBodyStayInOrderAndDanglingOnesGo() {
        let page = """
        <article><h1>Council approves budget</h1><p>\(loremSentences[0])</p><h2>What changes</h2>
        <p>\(loremSentences[1])</p><p>\(loremSentences[2])</p><h2>Related</h2></article>
        """
        let a = extract(page)
        #expect(a.headline == "Council approves budget")
        #expect(a.paragraphs == [loremSentences[0], "What changes", loremSentences[1], loremSentences[2]])
    }

    @Test func figcaptionBecomesACaptionWithCredit() {
        let page = """
        <article>\(articleParagraphs(3))
        <figure><img src=x.jpg><figcaption>The mayor speaks after the vote. <span class="credit">Jane Doe/Reuters</span></figcaption></figure>
        <figure><img src=y.jpg><figcaption>Residents at the meeting. Photo: John Roe</figcaption></figure>
        <figure><img src=z.jpg><figcaption>The old bridge at dusk. (Photo: Jimmy Olsen/Daily Planet)</figcaption></figure>
        <figure><img src=w.jpg><figcaption>Crowds on the quay [Photo: Ann Lee]</figcaption></figure>
        \(articleParagraphs(2))</article>
        """
        let a = extract(page)
        #expect(a.captions == [Caption(text: "The mayor speaks after the vote.", credit: "Jane Doe/Reuters"),
                               Caption(text: "Residents at the meeting.", credit: "John Roe"),
                               Caption(text: "The old bridge at dusk.", credit: "Jimmy Olsen/Daily Planet"),
                               Caption(text: "Crowds on the quay", credit: "Ann Lee")])
        #expect(a.paragraphs.count == 5)
        #expect(!a.paragraphs.contains { $0.contains("mayor speaks") })
    }

    @Test func shareBarsAdsAndReadMoreLinksInsideTheBodyAreRemoved() {
        let page = """
        <div class="article-body">
        <div class="share-bar"><a href=#>Facebook</a> <a href=#>Twitter</a></div>
        <p>\(loremSentences[0])</p><div class="ad-slot">Advertisement</div><p>\(loremSentences[1])</p>
        <p><strong>Read more:</strong> <a href=/x>Why the city budget keeps growing every single year</a></p>
        <p>\(loremSentences[2])</p><p>Advertisement</p></div>
        """
        let a = extract(page)
        #expect(a.paragraphs == Array(loremSentences[0 ... 2]))
        #expect(a.removedBoilerplate.contains("Advertisement"))
    }

    @Test func commentSectionAndCookieNoticeAreNotTheArticle() {
        let comment = "I have lived here for thirty years, and I can tell you that this budget will not fix anything at all."
        let page = """
        <div id="cookie-consent"><p>We use cookies to improve your experience, and by continuing you agree to our policy.</p></div>
        <article>\(articleParagraphs())</article>
        <section class="comments"><div class="comment"><p>\(comment)</p></div><div class="comment"><p>\(comment)</p></div></section>
        """
        let a = extract(page)
        #expect(a.paragraphs == loremSentences)
    }

    @Test func relatedStoryListWithBlurbsIsDropped() {
        let teaser = """
        <div class="card"><h3><a href=/s>Storm hits the coast</a></h3><p>Thousands lost power overnight as winds rose.</p><a href=/s>weather.example</a></div>
        """
        let page = "<main><div>\(articleParagraphs())</div><div>\(String(repeating: teaser, count: 6))</div></main>"
        let a = extract(page)
        #expect(a.paragraphs == loremSentences)
    }

    @Test func itempropArticleBodyIsPreferred() {
        let page = """
        <div><div itemprop="articleBody">\(articleParagraphs(4))</div>
        <div><p>\(loremSentences[4]) \(loremSentences[3])</p><p>\(loremSentences[2])</p><p>\(loremSentences[1])</p></div></div>
        """
        let a = extract(page)
        #expect(a.paragraphs == Array(loremSentences[0 ..< 4]))
    }

    @Test func scriptsStylesTemplatesAndHiddenTextNeverAppear() {
        let page = """
        <article><script>var x = "<p>not text</p>";</script><style>p { color: red }</style>
        <template><p>template text</p></template><noscript><p>Please enable JavaScript.</p></noscript>
        <p hidden>hidden text</p><p style="display: none">invisible</p><span class="sr-only">Screen reader only</span>
        \(articleParagraphs())</article>
        """
        let a = extract(page)
        #expect(a.paragraphs == loremSentences)
    }

    @Test func brokenHTMLStillYieldsTheArticle() {
        let page = "<html><body><div class=content><p>\(loremSentences[0])<p>\(loremSentences[1])</b></i>"
            + "<div><p>\(loremSentences[2])</span><p>\(loremSentences[3]) &amp more <!-- unterminated"
        let a = extract(page)
        #expect(a.paragraphs == [loremSentences[0], loremSentences[1], loremSentences[2], loremSentences[3] + " & more"])
    }

    @Test func emptyAndNonHTMLInputGiveAnEmptyArticle() {
        #expect(extract("").paragraphs.isEmpty)
        #expect(HTMLArticleExtractor.extract(html: [0xFF, 0x00, 0x3C, 0x3C, 0x2F]).paragraphs.isEmpty)
    }

    @Test func plainTextWithoutMarkupIsOneParagraph() {
        #expect(extract(loremSentences[0]).paragraphs == [loremSentences[0]])
    }
}
