import Testing
@testable import NewsLensExtraction

@Suite struct SpeakerResolverTests {
    @Test func surnameResolvesToTheFullNameWithoutEntities() {
        let q = QuoteTestSupport.direct("Talks\n\nJapanese Foreign Minister Taro Aso met the envoys.\n\n\"We agree,\" Aso said.")
        #expect(q.first?.speakerName == "Taro Aso")
        #expect(q.first?.mentionText == "Aso")
    }

    @Test func pronounResolvesToThePreviousSpeaker() {
        let text = "Talks\n\nJoseph said Tokyo and Washington had agreed on sanctions.\n\n\"We are of one mind,\" he said."
        let q = QuoteTestSupport.direct(text)
        #expect(q.first?.mentionText == "he")
        #expect(q.first?.speakerName == "Joseph")
    }

    @Test func pronounSkipsASpeakerOfTheOtherGender() {
        let text = "Talks\n\n\"It is done,\" said Mrs. Ana Ortiz.\n\nMr. Ben Hall said the vote was close.\n\n\"We won,\" she said."
        let q = QuoteTestSupport.direct(text)
        #expect(q.last?.mentionText == "she")
        #expect(q.last?.speakerName == "Ana Ortiz")
    }

    @Test func entityLayerNamesTheSpeaker() {
        let text = "Talks resume in Hanoi\n\nJapanese Foreign Minister Taro Aso spoke on Monday.\n\n\"We agree,\" Aso said.\n\n\"It matters,\" he added."
        let a = ArticleAnalyzer().analyze(text: text)
        let q = a.quotes.filter { $0.kind == .direct }
        #expect(q.count == 2)
        #expect(q.allSatisfy { $0.speaker?.participant == "taro-aso" && $0.speakerName == "Taro Aso" })
        #expect(a.participants.first { $0.id == "taro-aso" }?.quoteCount == 2)
    }
}
