import Testing
@testable import NewsLensExtraction

@Suite struct ResourceTableTests {
    @Test func fieldsCommentsBlankLinesAndCRLF() {
        let rows = ResourceTable.parse("# header\nJapan\tJP\r\n\n  Seoul \tKR # capital\n#\nTokyo")
        #expect(rows.map { $0.map(String.init) } == [["Japan", "JP"], ["Seoul", "KR"], ["Tokyo"]])
    }

    @Test func emptyFieldsAreKept() {
        let rows = ResourceTable.parse("AE\t\tUAE|U.A.E.\tEmirati\n")
        #expect(rows.first?.count == 4)
        #expect(rows.first?[1] == "")
    }

    @Test func bundledFilesLoad() {
        #expect(ResourceTable.entries("entities/countries.tsv").count > 240)
        #expect(ResourceTable.entries("entities/cities.tsv").count > 30_000)
    }
}
