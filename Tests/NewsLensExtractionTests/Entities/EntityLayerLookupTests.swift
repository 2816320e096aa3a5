import Testing
@testable import NewsLensExtraction

@Suite struct EntityLayerLookupTests {
    @Test func mentionOverlappingTokens() {
        let doc = EntityTest.document(["China spoke.", "Foreign Minister Taro Aso said so."])
        let layer = EntityTest.recognizer.recognize(doc)
        let aso = layer.participants.firstIndex { $0.name == "Taro Aso" }
        #expect(layer.participant(at: .paragraph(1), tokens: 3..<4) == aso)  // "Aso"
        #expect(layer.participant(at: .paragraph(1), tokens: 0..<1) == nil)  // "Foreign"
        #expect(layer.participant(at: .paragraph(0), tokens: 0..<1) == layer.participants.firstIndex { $0.name == "China" })
        #expect(layer.mention(at: .caption(0), tokens: 0..<9) == nil)
    }
}
