import Testing
@testable import NewsLensExtraction

@Suite struct CaptionDetectorTests {
    let detector = CaptionDetector()

    func detect(_ s: String) -> (text: String, credit: String?)? {
        let p = TextParagraph(s)
        guard let f = detector.detect(p) else { return nil }
        return (p.text(f.start, f.end).trimmingSpaces, f.credit)
    }

    @Test func bracketedAgencyCredit() {
        let c = detect("Minister Jane Doe (C) and envoy John Roe (R) speak with reporters in Tokyo, November 6, 2006. [Reuters]")
        #expect(c?.credit == "Reuters")
        #expect(c?.text == "Minister Jane Doe (C) and envoy John Roe (R) speak with reporters in Tokyo, November 6, 2006.")
    }

    @Test func apPhotoCredit() {
        let c = detect("Protesters march in Seattle on Monday. (AP Photo/Elaine Thompson)")
        #expect(c?.credit == "AP Photo/Elaine Thompson")
        #expect(c?.text == "Protesters march in Seattle on Monday.")
    }

    @Test func wireCreditAfterText() {
        #expect(detect("A man walks past a screen in Seoul, January 6, 2016. REUTERS/Kim Hong-Ji")?.credit == "REUTERS/Kim Hong-Ji")
        #expect(detect("The president arrives at the summit. Photograph: Jane Doe/AP")?.credit == "Jane Doe/AP")
    }

    @Test func leadingPhotoLabel() {
        let c = detect("Photo: Jane Doe")
        #expect(c?.credit == "Jane Doe")
    }

    @Test func positionMarkersWithDateWithoutCredit() {
        #expect(detect("Officials pose for a photo (L-R) in Hanoi, November 17, 2006.") != nil)
    }

    @Test func bodyParagraphsAreNoCaptions() {
        #expect(detect("Sen. Jeff Flake (R) said the bill would not pass the Senate this year.") == nil)
        #expect(detect("The talks will resume next week, officials said. (Reuters)") == nil)
        #expect(detect("\"We are of one mind,\" he said.") == nil)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
