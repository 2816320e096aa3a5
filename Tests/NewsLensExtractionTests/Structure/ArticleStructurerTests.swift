import Testing
@testable import NewsLensExtraction

@Suite struct ArticleStructurerTests {
    let structurer = ArticleStructurer()

    func structure(_ text: String) -> ArticleDocument { structurer.structure(TextDocument(text)) }

    static let wire = """
    Share this article

    Harbor council backs ferry plan after long debate

    Published: March 14, 2019 9:15 a.m. ET
    By Maria Keller and Tom Ruiz, Reuters

    PORTLAND, Ore. — The city council voted 6-1 on Wednesday to fund a new ferry line across the harbor.

    Councillor Ana Ortiz (L) and mayor Ben Hall (R) inspect the pier in Portland, March 13, 2019. REUTERS/Jane Roe

    The line would open in 2021, the council said.

    Advertisement

    Critics said the plan was too expensive.

    Related stories
    Most Read
    © 2019 The Harbor Ledger. All rights reserved.
    """

    @Test func headlineDatesBylineAndDateline() {
        let doc = structure(Self.wire)
        let a = doc.article
        #expect(a.headline == "Harbor council backs ferry plan after long debate")
        #expect(a.datePublished == "2019-03-14T09:15:00-04:00")
        #expect(a.datePublishedRaw == "March 14, 2019 9:15 a.m. ET")
        #expect(a.author.map(\.name) == ["Maria Keller", "Tom Ruiz"])
        #expect(a.source == "Reuters")
        #expect(a.dateline == "PORTLAND, Ore.")
        #expect(a.publisher == "The Harbor Ledger")
    }

    @Test func bodyCaptionsAndFurniture() {
        let doc = structure(Self.wire)
        #expect(doc.paragraphs.map(\.string) == [
            "The city council voted 6-1 on Wednesday to fund a new ferry line across the harbor.",
            "The line would open in 2021, the council said.",
            "Critics said the plan was too expensive.",
        ])
        #expect(doc.article.captions.count == 1)
        #expect(doc.article.captions.first?.credit == "REUTERS/Jane Roe")
        #expect(doc.article.captions.first?.text.hasPrefix("Councillor Ana Ortiz (L)") == true)
        #expect(doc.article.removedBoilerplate == ["Share this article", "Advertisement", "Related stories", "Most Read",
                                                   "© 2019 The Harbor Ledger. All rights reserved."])
    }

    @Test func datelineCutKeepsSourceOffsets() {
        let doc = structure(Self.wire)
        let scalars = Array(Self.wire.unicodeScalars)
        let first = doc.paragraphs[0]
        let r = first.sourceRange(0, 8)!
        #expect(String(String.UnicodeScalarView(scalars[r])) == "The city")
    }

    @Test func linePerParagraphText() {
        let text = "Storm closes schools\nUpdated: 2020-01-05 07:00\nSchools across the county closed on Monday.\nThe storm dropped a foot of snow.\nTop Stories"
        let doc = structure(text)
        #expect(doc.article.headline == "Storm closes schools")
        #expect(doc.article.dateModified == "2020-01-05T07:00:00")
        #expect(doc.article.dateModifiedRaw == "2020-01-05 07:00")
        #expect(doc.paragraphs.count == 2)
        #expect(doc.article.removedBoilerplate == ["Top Stories"])
    }

    @Test func textWithoutHeadline() {
        let doc = structure("The council met on Monday and approved the budget after a long debate that ran late into the night.")
        #expect(doc.article.headline == nil)
        #expect(doc.paragraphs.count == 1)
    }

    @Test func articleInputKeepsParagraphsAndCutsDateline() {
        var input = ArticleInput()
        input.headline = "Talks resume"
        input.datePublished = "Nov. 6, 2006"
        input.dateModified = "2006-11-07T08:00:00+09:00"
        input.paragraphs = ["TOKYO (Reuters) - Talks resumed on Monday.", "Officials were hopeful."]
        let doc = structurer.structure(input)
        #expect(doc.article.dateline == "TOKYO")
        #expect(doc.article.source == "Reuters")
        #expect(doc.paragraphs.map(\.string) == ["Talks resumed on Monday.", "Officials were hopeful."])
        #expect(doc.article.datePublished == "2006-11-06" && doc.article.datePublishedRaw == "Nov. 6, 2006")
        #expect(doc.article.dateModified == "2006-11-07T08:00:00+09:00" && doc.article.dateModifiedRaw == nil)
        #expect(doc.paragraphs[0].sourceRange(0, 5) == nil)
    }

    @Test func articleInputTakesLeadingBylineAndDateLinesBeforeTheDateline() {
        var input = ArticleInput()
        input.paragraphs = ["By Jane Roe and Sam Poe", "Updated: March 3, 2024 10:15 a.m.",
                            "PORTLAND, Ore. — The council passed the budget on Tuesday.", "By the end of the year, it said, the plan would start."]
        let doc = structurer.structure(input)
        #expect(doc.article.author.map(\.name) == ["Jane Roe", "Sam Poe"])
        #expect(doc.article.dateModified?.hasPrefix("2024-03-03") == true)
        #expect(doc.article.dateline == "PORTLAND, Ore.")
        #expect(doc.paragraphs.map(\.string) == ["The council passed the budget on Tuesday.",
                                                 "By the end of the year, it said, the plan would start."])
        // The page's own metadata names the authors: the byline line is still not body.
        input.authors = ["Jane Roe"]
        input.paragraphs = ["By Jane Roe", "The council passed the budget on Tuesday."]
        let withMeta = structurer.structure(input)
        #expect(withMeta.article.author.map(\.name) == ["Jane Roe"])
        #expect(withMeta.paragraphs.map(\.string) == ["The council passed the budget on Tuesday."])
        // A body that opens with an ordinary "By ..." sentence keeps it.
        input.authors = []
        input.paragraphs = ["By the end of the year, the council said, the plan would start.", "More followed."]
        #expect(structurer.structure(input).paragraphs.count == 2)
    }

    @Test func emptyText() {
        let doc = structure("")
        #expect(doc.paragraphs.isEmpty && doc.article.headline == nil)
    }
}
