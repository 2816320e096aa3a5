import Testing
@testable import NewsLensHTML

@Suite struct HTMLTokenizerTests {
    func kinds(_ html: String) -> [String] {
        let bytes = Array(html.utf8)
        let s = HTMLTokenizer.tokenize(bytes)
        return s.tokens.map { t in
            switch t.kind {
            case .startTag: return "<\(t.tag == .other ? "?" : t.tag.name)\(t.selfClosing ? "/" : "")>"
            case .endTag: return "</\(t.tag == .other ? "?" : t.tag.name)>"
            case .text: return String(decoding: bytes[Int(t.start) ..< Int(t.end)], as: UTF8.self)
            }
        }
    }

    @Test func tagsAndTextInOrder() {
        #expect(kinds("<P CLASS=x>Hi <b>you</B></p>") == ["<p>", "Hi ", "<b>", "you", "</b>", "</p>"])
    }

    @Test func commentsDoctypesAndProcessingInstructionsAreSkipped() {
        #expect(kinds("<!DOCTYPE html>a<!-- x <p> -->b<!-->c<?php x ?>d<!--->e") == ["a", "b", "c", "d", "e"])
    }

    @Test func unterminatedCommentRunsToTheEnd() {
        #expect(kinds("a<!-- never closed <p>text") == ["a"])
    }

    @Test func scriptContentIsOneRawTextToken() {
        #expect(kinds("<script>if (a<b) { x = '</div>'; }</script>z")
            == ["<script>", "if (a<b) { x = '</div>'; }", "</script>", "z"])
        #expect(kinds("<style>p{}</STYLE >") == ["<style>", "p{}", "</style>"])
        #expect(kinds("<script>never closed <p>") == ["<script>", "never closed <p>"])
    }

    @Test func lessThanThatStartsNoTagIsText() {
        #expect(kinds("a < b <3 c</>d") == ["a < b <3 c", "d"])
    }

    @Test func eofInsideTagDropsThePartialTag() {
        #expect(kinds("text<div class=\"unterminated") == ["text"])
        #expect(kinds("text<a href=x") == ["text"])
    }

    @Test func attributesQuotedUnquotedAndValueless() {
        let html = Array(#"<div id=main class='a b' hidden data-x="1" title = "t&amp;x">"#.utf8)
        let s = HTMLTokenizer.tokenize(html)
        let attrs = s.attributes.map { ($0.name, String(decoding: html[Int($0.valueStart) ..< Int($0.valueEnd)], as: UTF8.self)) }
        #expect(attrs.map(\.0) == [.id, .class, .hidden, .title])
        #expect(attrs.map(\.1) == ["main", "a b", "", "t&amp;x"])
        #expect(s.attributes.last?.hasReference == true)
    }

    @Test func selfClosingFlag() {
        #expect(kinds("<br/><svg/>") == ["<br/>", "<svg/>"])
    }

    @Test func randomBytesNeverCrash() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("<>/!-='\"&#;abcdpsript \n\u{0}".utf8) + [0xC3, 0xFF, 0x80]
        for _ in 0 ..< 2000 {
            let n = Int.random(in: 0 ..< 200, using: &rng)
            let bytes = (0 ..< n).map { _ in alphabet.randomElement(using: &rng)! }
            let s = HTMLTokenizer.tokenize(bytes)
            for t in s.tokens {
                #expect(t.start >= 0 && t.end <= Int32(bytes.count) && t.start <= t.end)
            }
            let doc = HTMLDocument(utf8: bytes)
            #expect(doc.nodes[0].end == Int32(doc.nodes.count))
        }
    }
}

@Suite struct PathologicalInputTests {
    @Test func manyUnclosedAndStrayTagsStayLinear() {
        let unclosed = String(repeating: "<p><a href=x><b><span class=c>t", count: 20_000)
        let stray = String(repeating: "</i></x-y></td></li>", count: 20_000)
        let doc = HTMLDocument(utf8: Array((unclosed + stray).utf8))
        #expect(doc.nodes[0].end == Int32(doc.nodes.count))
        let a = HTMLArticleExtractor.extract(html: Array((unclosed + stray).utf8))
        #expect(a.paragraphs.allSatisfy { !$0.isEmpty })
    }

    @Test func hugeAttributeAndUnterminatedConstructs() {
        let big = "<div class=\"" + String(repeating: "share-related ", count: 50_000) + "\">text</div>"
        #expect(HTMLDocument(utf8: Array(big.utf8)).text(of: 0) == "text")
        for s in ["<", "<!", "<!-", "<!--", "</", "<a", "<a ", "<a b", "<a b=", "<a b='", "&", "&#", "&#x", "&am",
                  "<script>", "<style>x</sty", "<title>&amp"] {
            _ = HTMLArticleExtractor.extract(html: Array(s.utf8))
        }
    }

    @Test func hostileJSONLDIsBounded() {
        let script = "<script type=\"application/ld+json\">" + String(repeating: "{\"a\":[", count: 30_000) + "</script>"
        let a = HTMLArticleExtractor.extract(html: Array(script.utf8))
        #expect(a.headline == nil)
    }
}
