import Testing
@testable import NewsLensExtraction

@Suite struct EntityClustererTests {
    @Test func sameNameWithMoreWords() {
        #expect(EntityClusterer.sameName([1, 2], [1, 2]))
        #expect(EntityClusterer.sameName([1, 5, 2], [1, 2]))
        #expect(!EntityClusterer.sameName([1, 2], [3, 2]))
        #expect(!EntityClusterer.sameName([2], [2]))
    }

    @Test func surnameGoesToTheNearestPersonBefore() {
        let ps = EntityTest.participants("Hillary Clinton spoke first.", "Then Bill Clinton spoke.", "Clinton said he agreed.")
        #expect(EntityTest.find(ps, "Bill Clinton")?.mentionCount == 2)
        #expect(EntityTest.find(ps, "Hillary Clinton")?.mentionCount == 1)
    }

    @Test func surnameBeforeTheFullName() {
        let ps = EntityTest.participants("Aso spoke first.", "Foreign Minister Taro Aso said so.")
        #expect(ps.filter { $0.type == .person }.count == 1)
        #expect(EntityTest.find(ps, "Taro Aso")?.mentionCount == 2)
    }

    @Test func surnameWithAParticleJoinsTheFullName() {
        let ps = EntityTest.participants("Ursula von der Leyen arrived.", "Von der Leyen said Brussels was ready.",
                                         "Mohammed bin Salman met her; bin Salman spoke first.")
        #expect(EntityTest.find(ps, "Ursula von der Leyen")?.mentionCount == 2)
        #expect(EntityTest.find(ps, "Von der Leyen") == nil)
        #expect(EntityTest.find(ps, "Mohammed bin Salman")?.mentionCount == 2)
    }

    @Test func pluralDemonymsAreCountryAliasesNotPeople() {
        let ps = EntityTest.participants("Ukrainians said they would not forget, Ukraine's ministry said.")
        #expect(ps.filter { $0.type == .person }.isEmpty)
        #expect(EntityTest.find(ps, "Ukraine")?.type == .country)
    }

    @Test func countriesMergeByGazetteerEntity() {
        let ps = EntityTest.participants("The US and the United States of America are one; so is America.")
        #expect(EntityTest.find(ps, "United States")?.mentionCount == 3)
    }

    @Test func acronymInBracketsJoinsItsLongForm() {
        let ps = EntityTest.participants("It joined the Flatland Union of Growers (FUG) in May.", "FUG said so.")
        let f = EntityTest.find(ps, "Flatland Union of Growers")
        #expect(f?.mentionCount == 3)
        #expect(f?.aliases == ["FUG"])
    }
}
