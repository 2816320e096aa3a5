import Testing
@testable import NewsLensHTML

@Suite struct HTMLCharsetTests {
    @Test func defaultsToUTF8() {
        #expect(HTMLCharset.detect(Array("<p>héllo</p>".utf8)) == .utf8)
    }

    @Test func readsMetaCharsetAndHttpEquiv() {
        #expect(HTMLCharset.detect(Array("<meta charset=\"ISO-8859-1\"><p>x".utf8)) == .windows1252)
        let equiv = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
        #expect(HTMLCharset.detect(Array(equiv.utf8)) == .windows1252)
        #expect(HTMLCharset.detect(Array("<meta charset=utf-8>".utf8)) == .utf8)
    }

    @Test func transportLabelWinsOverMetaAndBOMWinsOverAll() {
        let page = Array("<meta charset=iso-8859-1>".utf8)
        #expect(HTMLCharset.detect(page, transportLabel: "utf-8") == .utf8)
        #expect(HTMLCharset.detect([0xEF, 0xBB, 0xBF] + page, transportLabel: "latin1") == .utf8)
    }

    @Test func decodesWindows1252IncludingTheC1Range() {
        // "café “x” €" in windows-1252
        let bytes: [UInt8] = [0x63, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x78, 0x94, 0x20, 0x80]
        #expect(String(decoding: HTMLCharset.windows1252.utf8Bytes(bytes), as: UTF8.self) == "café “x” €")
    }

    @Test func latin1PageComesOutAsText() {
        let page: [UInt8] = Array("<html><head><meta charset=iso-8859-1></head><body><p>".utf8)
            + [0x4D, 0xFC, 0x6E, 0x63, 0x68, 0x65, 0x6E] + Array("</p></body></html>".utf8)
        let doc = HTMLDocument(bytes: page)
        #expect(doc.text(of: 0).hasSuffix("München"))
    }

    @Test func decodesUTF16WithBOM() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "<p>hé</p>".utf16 { bytes.append(UInt8(u & 0xFF)); bytes.append(UInt8(u >> 8)) }
        #expect(HTMLDocument(bytes: bytes).text(of: 0) == "hé")
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        let page: [UInt8] = Array("<p>a".utf8) + [0xFF, 0xC3] + Array("b</p>".utf8)
        #expect(HTMLDocument(bytes: page).text(of: 0) == "a\u{FFFD}\u{FFFD}b")
    }
}
