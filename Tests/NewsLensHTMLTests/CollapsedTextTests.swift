import Testing
@testable import NewsLensHTML

@Suite struct CollapsedTextTests {
    func text(_ html: String) -> String { HTMLDocument(utf8: Array(html.utf8)).text(of: 0) }

    @Test func decodesNamedAndNumericReferences() {
        #expect(text("<p>Tom &amp; Jerry &lt;3 &eacute;t&eacute; &#8217; &#x2014; &hellip;</p>") == "Tom & Jerry <3 été ’ — …")
    }

    @Test func legacyReferencesWithoutSemicolonAndUnknownOnesStayLiteral() {
        #expect(text("<p>AT&T &copy 2019 &zzzz; &amp</p>") == "AT&T © 2019 &zzzz; &")
        // As in browsers, a legacy name is decoded even when letters follow it in text.
        #expect(text("<p>&notit;</p>") == "¬it;")
    }

    @Test func numericEdgeCases() {
        #expect(text("<p>&#0;&#x110000;&#xD800;&#150;&#;</p>") == "\u{FFFD}\u{FFFD}\u{FFFD}–&#;")
    }

    @Test func collapsesWhiteSpaceAndNoBreakSpaces() {
        #expect(text("<p>  a \n\t b&nbsp;&nbsp;c\u{00A0}d  </p>") == "a b c d")
    }

    @Test func dropsInvisibleFormatCharacters() {
        #expect(text("<p>co&shy;operate zero\u{200B}width</p>") == "cooperate zerowidth")
    }

    @Test func attributeReferencesFollowedByAlphanumericsAreLiteral() {
        let doc = HTMLDocument(utf8: Array("<a href=\"?a=1&copy=2&amp;b\" title=\"x &amp; y\">t</a>".utf8))
        #expect(doc.attribute(1, .title) == "x & y")
    }
}
