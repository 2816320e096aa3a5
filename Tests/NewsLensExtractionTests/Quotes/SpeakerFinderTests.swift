import Testing
@testable import NewsLensExtraction

@Suite struct SpeakerFinderTests {
    /// (speaker words, inverted) of the first attribution in the paragraph.
    func speaker(_ text: String) -> (String, Bool)? {
        let p = TextParagraph(text)
        let pieces = QuoteMarkPairer().pair([p])
        var inside = [Bool](repeating: false, count: p.tokens.count)
        for q in pieces { for k in max(0, q.open)..<(q.close >= 0 ? q.close + 1 : q.tokenEnd) { inside[k] = true } }
        guard let a = AttributionFinder().find(p, index: 0, inside: inside).first else { return nil }
        return (p.text(tokens: a.speaker.tokenStart, through: a.speaker.tokenEnd - 1), a.inverted)
    }

    @Test func subjectBeforeCue() {
        #expect(speaker("\"We won,\" Aso said.")! == ("Aso", false))
        #expect(speaker("Japanese Foreign Minister Taro Aso said on Monday the talks would resume.")! == ("Japanese Foreign Minister Taro Aso", false))
        #expect(speaker("The ministry said in a statement that talks would resume.")! == ("The ministry", false))
        #expect(speaker("North Korea said on Saturday that Japan should stay away.")! == ("North Korea", false))
    }

    @Test func speakerAfterCue() {
        #expect(speaker("\"We won,\" said Ingrid Halvorsen, Norway's observer.")! == ("Ingrid Halvorsen", true))
        #expect(speaker("\"It is over,\" said former Gov. Jim Hodges.")! == ("former Gov. Jim Hodges", true))
        #expect(speaker("According to the ministry, talks will resume.")! == ("the ministry", true))
    }

    @Test func parentheticalsAndAdverbs() {
        #expect(speaker("Burns, speaking separately, said Japan agreed.")!.0 == "Burns")
        #expect(speaker("Smith, who leads the group, also told reporters on Friday that it was over.")!.0 == "Smith")
        #expect(speaker("Rep. Hakeem Jeffries (D-N.Y.) said the law was wrong.")!.0 == "Rep. Hakeem Jeffries")
    }

    @Test func participlesTakeTheSentenceSubject() {
        #expect(speaker("Clinton left the stage, saying she was tired of the race.")!.0 == "Clinton")
        #expect(speaker("Ryan criticized the policy and said allies were worried.")!.0 == "Ryan")
    }

    @Test func pronouns() {
        #expect(speaker("\"We are of one mind,\" he said.")! == ("he", false))
    }

    @Test func transitiveCuesNeverInvert() {
        #expect(speaker("Petrilli, who studies schools, called the new law \"much better\".")!.0 == "Petrilli")
    }

    @Test func nonSpeechUsesOfCueWords() {
        #expect(speaker("Ginsburg's comments drew criticism from both parties.") == nil)
        #expect(speaker("He was asked to leave the room by the guards.") == nil)
        #expect(speaker("Her speaking fees were high.") == nil)
        #expect(speaker("Japan and the United States saw eye to eye.") == nil)
    }
}

@Suite struct RelativePronounSpeakerTests {
    @Test func relativePronounIsTheMentionAndItsAntecedentTheName() {
        let text = "Talks\n\nThe group will spend more, said Scott Reed, the group's strategist, who added that it would focus on local races."
        let q = QuoteTestSupport.quotes(text).filter { $0.kind == .indirect }
        let added = q.first { $0.text == "it would focus on local races" }
        #expect(added?.mentionText == "who")
        #expect(added?.speakerName == "Scott Reed")
    }
}
