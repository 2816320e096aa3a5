import Testing
import NewsLensJSON
@testable import NewsLensExtraction

@Suite struct ParticipantBuilderTests {
    let article = [
        "Japan and the United States want talks, Japanese Foreign Minister Taro Aso said on Monday.",
        "Aso told reporters the UN would act. N.Korea rejected a call by Pyongyang's allies.",
    ]

    @Test func canonicalNamesAliasesTitlesAffiliation() {
        let ps = EntityTest.layer(article).participants
        let aso = EntityTest.find(ps, "Taro Aso")
        #expect(aso?.id == "taro-aso")
        #expect(aso?.aliases == ["Aso"])
        #expect(aso?.titles == ["Foreign Minister"])
        #expect(aso?.affiliation == "Japan")
        #expect(aso?.mentionCount == 2)
        #expect(EntityTest.find(ps, "Japan")?.aliases == ["Japanese"])
        #expect(EntityTest.find(ps, "United Nations")?.aliases == ["UN"])
        let nk = EntityTest.find(ps, "North Korea")
        #expect(nk?.aliases.contains("N.Korea") == true && nk?.aliases.contains("Pyongyang") == true)
    }

    @Test func participantsInOrderOfFirstMention() {
        let ps = EntityTest.layer(article).participants
        #expect(ps.first?.name == "Japan")
        #expect(ps.map(\.name).firstIndex(of: "Taro Aso")! < ps.map(\.name).firstIndex(of: "United Nations")!)
    }

    @Test func mentionSpansAndLayerMentions() {
        let layer = EntityTest.layer(article)
        let p = layer.participants.firstIndex { $0.name == "Taro Aso" }!
        let spans = layer.participants[p].mentions
        #expect(spans.first == Span(paragraph: 0, start: 66, end: 74))
        #expect(spans.last?.paragraph == 1)
        #expect(layer.mentions.filter { $0.participant == p }.count == 2)
        #expect(layer.mentions == layer.mentions.sorted { ($0.location, $0.start) < ($1.location, $1.start) })
        #expect(layer.genders[p] == .male)  // "Taro": not in the census lists, in the hand-written given names
        let robert = EntityTest.layer(["Undersecretary Robert Joseph spoke."])
        #expect(robert.genders.first == .male)
    }

    @Test func headlineMentionsCarrySourceOffsets() {
        let text = "Japan, US seek talks\n\nTOKYO - Japan wants talks."
        let doc = TextDocument(text)
        let d = ArticleDocument(headline: doc.blocks[0].paragraph, paragraphs: [doc.blocks[1].paragraph])
        let layer = EntityTest.recognizer.recognize(d)
        let us = layer.participants.first { $0.name == "United States" }!
        #expect(us.mentions.first?.headline == true)
        #expect(us.mentions.first?.sourceStart == 7 && us.mentions.first?.sourceEnd == 9)
        var w = JSONWriter()
        us.mentions[0].write(to: &w)
        #expect(String(decoding: w.bytes, as: UTF8.self) == #"{"headline":true,"start":7,"end":9,"sourceStart":7,"sourceEnd":9}"#)
    }

    @Test func idsStayUniqueAcrossTypes() {
        let ps = EntityTest.participants("Valeska Jordan met officials in Jordan.", "Jordan said she was fine.")
        let ids = ps.map(\.id)
        #expect(Set(ids).count == ids.count)
    }
}
