import Testing
@testable import NewsLensHTML

@Suite struct PageMetadataReaderTests {
    func meta(_ html: String) -> PageMetadataReader.Metadata {
        PageMetadataReader(doc: HTMLDocument(utf8: Array(html.utf8))).read()
    }

    @Test func jsonLDNewsArticleComesFirst() {
        let page = """
        <head><title>Other title | Site</title><meta property="og:title" content="OG title">
        <script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
         {"@type":["NewsArticle"],"headline":"Japan, US seek talks &amp; more","datePublished":"2019-05-02T09:15:00+09:00",
          "dateModified":"2019-05-03","author":[{"@type":"Person","name":"Maria Keller"},"By John Roe and Ann Poe"],
          "publisher":{"@type":"Organization","name":"The Harbor Ledger"},}]}
        </script></head>
        """
        let m = meta(page)
        #expect(m.headline == "Japan, US seek talks & more")
        #expect(m.datePublished == "2019-05-02T09:15:00+09:00")
        #expect(m.dateModified == "2019-05-03")
        #expect(m.authors == ["Maria Keller", "John Roe", "Ann Poe"])
        #expect(m.publisher == "The Harbor Ledger")
    }

    @Test func authorAsPlainObjectAndString() {
        let one = meta(#"<script type="application/ld+json">{"@type":"ReportageNewsArticle","author":{"name":"Jane Doe"}}</script>"#)
        #expect(one.authors == ["Jane Doe"])
        let two = meta(#"<script type="application/ld+json">[{"@type":"Article","author":"Jane Doe"}]</script>"#)
        #expect(two.authors == ["Jane Doe"])
    }

    @Test func openGraphAndArticleMetaTagsWhenThereIsNoJSONLD() {
        let page = """
        <html lang="en-GB"><head><meta property="og:title" content="Storm hits coast">
        <meta property="og:site_name" content="Daily Planet">
        <meta property="article:published_time" content="2020-01-02T03:04:05Z">
        <meta property="article:modified_time" content="2020-01-03T00:00:00Z">
        <meta name="author" content="Lois Lane">
        <link rel="canonical" href="https://example.com/storm"></head></html>
        """
        let m = meta(page)
        #expect(m.headline == "Storm hits coast")
        #expect(m.publisher == "Daily Planet")
        #expect(m.datePublished == "2020-01-02T03:04:05Z")
        #expect(m.dateModified == "2020-01-03T00:00:00Z")
        #expect(m.authors == ["Lois Lane"])
        #expect(m.canonicalURL == "https://example.com/storm")
        #expect(m.language == "en-GB")
    }

    @Test func titleWithoutSiteSuffixAndTimeElement() {
        let m = meta("<title>Council approves budget | The Harbor Ledger</title><p><time datetime=\"2019-11-19\">Nov 19</time>")
        #expect(m.headline == "Council approves budget")
        #expect(m.datePublished == "2019-11-19")
    }

    @Test func firstH1WhenNothingElse() {
        #expect(meta("<body><h1>Only <em>a</em> heading</h1><h1>Second</h1>").headline == "Only a heading")
    }

    @Test func titleSuffixRemovedUsingSiteName() {
        #expect(TitleCleaner.clean("The Site - A long headline about things", siteName: "The Site", h1: nil)
            == "A long headline about things")
        #expect(TitleCleaner.clean("A long headline about many things - Short", siteName: nil, h1: nil)
            == "A long headline about many things")
    }

    @Test func brokenJSONLDIsIgnored() {
        let m = meta(#"<title>T</title><script type="application/ld+json">{"@type":"NewsArticle","headline":</script>"#)
        #expect(m.headline == "T")
    }
}

@Suite struct LenientJSONTests {
    @Test func parsesStandardJSON() {
        let v = LenientJSON.parse(#"{"a":[1,2.5,true,false,null],"b":"x\"\u00e9\ud83d\ude00"}"#)
        #expect(v?["a"] == .array([.number(1), .number(2.5), .bool(true), .bool(false), .null]))
        #expect(v?["b"]?.string == "x\"é😀")
    }

    @Test func toleratesTrailingCommasRawNewlinesAndWrappers() {
        let text = "<!--//<![CDATA[\n{\"a\": \"line\nbreak\", \"b\": [1,],}\n//]]>-->"
        let all = LenientJSON.parseAll(ArraySlice(Array(text.utf8)))
        #expect(all.first?["a"]?.string == "line\nbreak")
        #expect(all.first?["b"] == .array([.number(1)]))
    }

    @Test func deepNestingAndGarbageGiveNilNotACrash() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(LenientJSON.parse(deep) == nil || LenientJSON.parse(deep) != nil)
        for s in ["{", "{\"a\"", "{\"a\":}", "[1 2]", "\"unterminated", "}{"] {
            _ = LenientJSON.parseAll(ArraySlice(Array(s.utf8)))
        }
        #expect(LenientJSON.parse("{\"a\":}") == nil)
    }
}
