import Testing
@testable import NewsLensExtraction

@Suite struct DateParserTests {
    @Test func isoDateAndTime() {
        #expect(DateParser.parse("2006-11-06 15:37") == "2006-11-06T15:37:00")
        #expect(DateParser.parse("2019-05-02T09:15:00+09:00") == "2019-05-02T09:15:00+09:00")
        #expect(DateParser.parse("2019-05-02T09:15Z") == "2019-05-02T09:15:00Z")
        #expect(DateParser.parse("2019-05-02") == "2019-05-02")
    }

    @Test func monthNameForms() {
        #expect(DateParser.parse("November 6, 2006") == "2006-11-06")
        #expect(DateParser.parse("Monday, Nov. 6, 2006") == "2006-11-06")
        #expect(DateParser.parse("6 November 2006") == "2006-11-06")
        #expect(DateParser.parse("Sept. 30, 2016") == "2016-09-30")
        #expect(DateParser.parse("March 3rd 2016") == "2016-03-03")
    }

    @Test func timesAndZones() {
        #expect(DateParser.parse("Nov. 6, 2006 3:37 p.m. EST") == "2006-11-06T15:37:00-05:00")
        #expect(DateParser.parse("July 4, 2016 at 9:15 AM ET") == "2016-07-04T09:15:00-04:00")
        #expect(DateParser.parse("6 November 2006 15:37 GMT") == "2006-11-06T15:37:00+00:00")
        #expect(DateParser.parse("May 2, 2019 12:05 a.m.") == "2019-05-02T00:05:00")
    }

    @Test func slashedDatesAreUSOrderUnlessTheDayIsObvious() {
        #expect(DateParser.parse("11/06/2006") == "2006-11-06")
        #expect(DateParser.parse("25/12/2015") == "2015-12-25")
        #expect(DateParser.parse("3/4/16") == "2016-03-04")
    }

    @Test func noDate() {
        #expect(DateParser.parse("Top World News") == nil)
        #expect(DateParser.parse("May the force be with you") == nil)
        #expect(DateParser.parse("2006-13-45") == nil)
        #expect(DateParser.parse("") == nil)
    }
}

@Suite struct DateStampParserTests {
    let parser = DateStampParser()

    @Test func labelledStamps() {
        let updated = parser.parse(TextParagraph("Updated: 2006-11-06 15:37"))
        #expect(updated == [.init(kind: .modified, iso: "2006-11-06T15:37:00", raw: "2006-11-06 15:37")])
        let posted = parser.parse(TextParagraph("Posted on Nov. 6, 2006 at 3:37 p.m."))
        #expect(posted.first?.kind == .published && posted.first?.iso == "2006-11-06T15:37:00")
        let last = parser.parse(TextParagraph("Last updated March 14, 2019"))
        #expect(last.first?.kind == .modified)
    }

    @Test func severalStampsOnOneLine() {
        let s = parser.parse(TextParagraph("Published: May 2, 2019 | Updated: May 3, 2019 10:00"))
        #expect(s.count == 2)
        #expect(s[0].kind == .published && s[0].iso == "2019-05-02")
        #expect(s[1].kind == .modified && s[1].iso == "2019-05-03T10:00:00")
    }

    @Test func bareDateLine() {
        #expect(parser.parse(TextParagraph("Sunday, April 26, 2015")).first?.iso == "2015-04-26")
    }

    @Test func sentencesWithDatesAreNoStamps() {
        #expect(parser.parse(TextParagraph("On November 6, 2006, the minister met his counterparts in Tokyo.")).isEmpty)
    }
}
