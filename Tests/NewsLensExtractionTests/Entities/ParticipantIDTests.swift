import Testing
@testable import NewsLensExtraction

@Suite struct ParticipantIDTests {
    @Test func slugs() {
        #expect(ParticipantID.slug("Taro Aso") == "taro-aso")
        #expect(ParticipantID.slug("U.S. Department of Agriculture") == "u-s-department-of-agriculture")
        #expect(ParticipantID.slug("São Tomé and Príncipe") == "sao-tome-and-principe")
        #expect(ParticipantID.slug("McDonald's") == "mcdonalds")
        #expect(ParticipantID.slug("  --  ") == "unnamed")
        #expect(ParticipantID.slug("Токио").hasPrefix("u"))
    }

    @Test func sameNameSameIdAcrossArticles() {
        let a = EntityTest.participants("Foreign Minister Taro Aso spoke.")
        let b = EntityTest.participants("Taro Aso, the foreign minister, spoke in Tokyo.")
        #expect(EntityTest.find(a, "Taro Aso")?.id == EntityTest.find(b, "Taro Aso")?.id)
    }
}
