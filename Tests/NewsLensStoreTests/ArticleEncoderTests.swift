import NewsLensCompression
import NewsLensExtraction
import NewsLensJSON
import Testing
@testable import NewsLensStore

@Suite struct ArticleEncoderTests {
    static let sample = Fixtures.analysis(
        headline: "Japan, US seek \"talks\" on N.Korea in Hanoi",
        participants: [.init(name: "Taro Aso", aliases: ["Aso"]), .init(name: "Japan", type: .country)],
        quotes: [.init(speaker: "Taro Aso", text: "What is most important is \"solidarity\",\nhe said"),
                 .init(speaker: nil, text: "Unattributed ünïcödé 😀", kind: .partial),
                 .init(speaker: "Japan", text: "Talks will go on", kind: .indirect)])

    @Test func encodingMatchesTheModelsOwnEncoder() {
        var a = Self.sample
        a.id = "0123456789abcdef"
        let p = ArticleEncoder.prepare(a, contentID: ContentID(normalizedText: "x"), id: "0123456789abcdef")
        #expect(p.json == a.jsonBytes())
        #expect(p.json.capacity < p.json.count + 64)
    }

    @Test func recordedRangesHoldEachQuoteAndParticipant() throws {
        let p = ArticleEncoder.prepare(Self.sample, contentID: ContentID(normalizedText: "x"), id: "abc")
        let doc = try JSONParser().parse(p.json)
        #expect(try JSONParser().parse(p.json[p.quotesRange]) == doc["quotes"])
        #expect(try JSONParser().parse(p.json[p.participantsRange]) == doc["participants"])
        for (i, e) in p.quoteEntries.enumerated() {
            let q = try JSONParser().parse(p.json[e.range])
            #expect(q == doc["quotes"]?[i])
            let text = try JSONParser().parse(Array("\"".utf8) + p.json[e.textRange] + Array("\"".utf8))
            #expect(text.stringValue == Self.sample.quotes[i].text)
            #expect(e.kind == Self.sample.quotes[i].kind)
        }
        #expect(p.quoteEntries.map(\.speaker) == [0, -1, 1])
        for (i, e) in p.participantEntries.enumerated() {
            #expect(try JSONParser().parse(p.json[e.range]) == doc["participants"]?[i])
        }
    }

    @Test func gzipAndEtag() throws {
        let p = ArticleEncoder.prepare(Self.sample, contentID: ContentID(normalizedText: "x"), id: "abc")
        #expect(try Gzip.decompress(p.gzip) == p.json)
        #expect(p.etag.hasPrefix("\"") && p.etag.hasSuffix("\"") && p.etag.count == 18)
        let again = ArticleEncoder.prepare(Self.sample, contentID: ContentID(normalizedText: "x"), id: "abc")
        #expect(again.etag == p.etag)
        let other = ArticleEncoder.prepare(Self.sample, contentID: ContentID(normalizedText: "x"), id: "abd")
        #expect(other.etag != p.etag)
    }

    @Test func summaryHasTheListFields() throws {
        let p = ArticleEncoder.prepare(Self.sample, contentID: ContentID(normalizedText: "x"), id: "abc")
        let s = ArticleEncoder.summary(of: p, createdAtMillis: 1_556_788_500_000)
        let v = try JSONParser().parseObject(s.json)
        #expect(v.keys == ["id", "headline", "datePublished", "dateModified", "dateline", "source", "publisher", "url", "quoteCount",
                           "participantCount", "wordCount", "createdAt"])
        #expect(v["quoteCount"] == 3)
        #expect(v["participantCount"] == 2)
        #expect(v["createdAt"] == "2019-05-02T09:15:00.000Z")
        #expect(s.searchRanges.count == 3)
        #expect(TextMatcher("\"TALKS\" on").matches(s.json, s.searchRanges[0]))
    }

    @Test func participantKeysAndClaims() {
        let p = ArticleEncoder.prepare(Self.sample, contentID: ContentID(normalizedText: "x"), id: "abc")
        #expect(p.participantKeys[0].key == ParticipantKey(type: .person, name: "taro aso"))
        #expect(p.participantKeys[0].claims == [ParticipantKey(type: .person, name: "aso")])
        #expect(p.participantKeys[1].claims.isEmpty)
    }

    @Test func decoderRoundTripsTheAnalysis() throws {
        var a = Self.sample
        a.id = "abc"
        a.article.author = [Author(name: "Maria Keller")]
        a.article.captions = [Caption(text: "A caption", credit: "Reuters"), Caption(text: "No credit")]
        a.article.removedBoilerplate = ["Top World News"]
        a.article.dateModifiedRaw = "2006-11-06 15:37"
        a.quotes[0].spans = [Span(paragraph: 1, start: 1, end: 5), Span(caption: 0, start: 0, end: 3)]
        a.quotes[0].rule = "cue-adjacent"
        a.participants[0].titles = ["Foreign Minister"]
        a.participants[0].affiliation = "Japan"
        a.participants[0].mentions.append(Span(headline: true, start: 0, end: 5, sourceStart: 0, sourceEnd: 5))
        let decoded = try AnalysisDecoder.decode(JSONParser().parse(a.jsonBytes()))
        #expect(decoded == a)
    }

    /// On restart the journaled bytes are kept as they are, even with members this build does not know.
    @Test func storedBytesAreKeptWhenReused() throws {
        var a = Self.sample
        a.id = "abc"
        let original = a.jsonBytes()
        let text = String(decoding: original, as: UTF8.self)
        let extended = Array(text.replacingFirst(#"{"id":"q1","#, with: #"{"future":[1,{"y":"]}"}],"id":"q1","#).utf8)
        #expect(extended.count > original.count)
        let p = ArticleEncoder.prepare(a, contentID: ContentID(normalizedText: "x"), id: "abc", reuse: (extended, []))
        #expect(p.json == extended)
        #expect(try Gzip.decompress(p.gzip) == extended)
        #expect(try JSONParser().parse(p.json[p.quoteEntries[0].range])["future"]?[1]?["y"] == "]}")
        #expect(String(decoding: p.json[p.quoteEntries[1].textRange], as: UTF8.self) == "Unattributed ünïcödé 😀")
        #expect(try JSONParser().parse(p.json[p.participantEntries[1].range])["name"] == "Japan")
        // Bytes that do not match the analysis are re-encoded instead.
        let other = ArticleEncoder.prepare(a, contentID: ContentID(normalizedText: "x"), id: "abc", reuse: (Array("{}".utf8), []))
        #expect(other.json == original)
    }

    @Test func decoderNamesTheBadField() {
        #expect(throws: (any Error).self) {
            try AnalysisDecoder.decode(JSONParser().parse(#"{"id":"x","quotes":[{"kind":"shouted","span":{}}]}"#))
        }
        do {
            _ = try AnalysisDecoder.decode(JSONParser().parse(#"{"id":"x","article":{"wordCount":"many"}}"#))
            Issue.record("accepted a string word count")
        } catch {
            #expect("\(error)" == "$.article.wordCount: expected an integer")
        }
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = range(of: target) else { return self }
        return String(self[..<r.lowerBound]) + replacement + String(self[r.upperBound...])
    }
}
