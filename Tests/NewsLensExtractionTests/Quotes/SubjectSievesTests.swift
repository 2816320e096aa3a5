import Testing
@testable import NewsLensExtraction

/// The sieves that name a speaker without a cue right at the quote: sources of record, sentence subjects
/// behind introductory phrases and subordinate clauses, possessive subjects, participle cues.
@Suite struct SubjectSievesTests {
    func quotes(_ paragraph: String) -> [Quote] {
        QuoteTestSupport.quotes("Headline of the test\n\n" + paragraph).filter { $0.kind != .indirect }
    }

    @Test func aSourceOfRecordOutranksTheSpeakerItQuotes() {
        let q = quotes("\"We will reopen in May,\" the minister said, according to a ministry statement.")
        #expect(q.first?.mentionText == "a ministry statement" && q.first?.rule == "source")
        // Without a source the speaker stays.
        #expect(quotes("\"We will reopen in May,\" the minister said on Monday.").first?.mentionText == "the minister")
    }

    @Test func aSourceVerbUsedAsAnAdjectiveIsNoSource() {
        let q = quotes("\"You bet I would,\" Christie said of Brazil, where the number of reported cases has grown.")
        #expect(q.first?.mentionText == "Christie" && q.first?.rule == "trailing")
    }

    @Test func invertedAttributionWithAVerbOutsideTheLexicon() {
        let q = quotes("\"This is fantastic!\" beamed Donald Hartley of Madison, who had snuck onto the floor.")
        #expect(q.first?.mentionText == "Donald Hartley" && q.first?.rule == "trailing-subject")
        #expect(quotes("\"What sport is he talking about?\" reacted Trump.").first?.mentionText == "Trump")
    }

    @Test func aCapitalisedConjunctionAfterAQuoteIsNoSpeaker() {
        let q = quotes("The crowd chanted \"Lock her up!\" After the rally ended, the buses left.")
        #expect(q.first?.mentionText != "After")
    }

    @Test func theMainClauseSubjectOutranksASubordinateOne() {
        let q = quotes("When Trump arrived in Iowa, the crowd welcomed him as a \"hero\" for minutes.")
        #expect(q.first?.mentionText == "the crowd" && q.first?.rule == "subject")
    }

    @Test func aQuoteInASubjectlessIntroductionTakesTheMainSubject() {
        let q = quotes("After bickering for a week over whether the other is \"qualified\" to lead, Clinton on Monday ripped into Sanders.")
        #expect(q.first?.mentionText == "Clinton" && q.first?.rule == "subject")
    }

    @Test func aPossessiveNameDeterminesTheSubject() {
        let q = quotes("In response, Cruz's lawyers relied on precedent showing he is \"natural born\" under the law.")
        #expect(q.first?.mentionText == "Cruz's lawyers")
    }

    @Test func aParticipleCueTakesTheSentenceSubject() {
        let q = quotes("The protesters interrupted her speech, shouting \"she wins, we lose!\"")
        #expect(q.first?.mentionText == "The protesters")
    }

    @Test func aQuoteInARelativeClauseIsSaidByTheRelativePronoun() {
        let q = quotes("The crowd cheered his daughter Ivanka Trump, who portrayed him as \"the people's champion\" on Thursday.")
        #expect(q.first?.mentionText == "who" && q.first?.rule == "subject")
        #expect(q.first?.speakerName == "Ivanka Trump")
    }

    @Test func lastResortTheFirstNameOfTheSentence() {
        let q = quotes("It is strange that Trump would denounce \"self-deportation\" now.")
        #expect(q.first?.mentionText == "Trump" && q.first?.rule == "sentence-name")
        // No name before the quote in its sentence: no speaker.
        #expect(quotes("It is a \"cover-up\" in plain sight.").first?.speaker == nil)
    }

    @Test func aNamingVerbAfterANounIsNoSpeechCue() {
        let q = quotes("Later on Sunday, Carson shared a syllabus for a class called \"Perception\" on his Facebook page.")
        #expect(q.first?.mentionText == "Carson" && q.first?.cue == nil)
        // "called" with a speaker before it stays a cue.
        let cue = quotes("Trump called the report \"fake news\" on Monday.")
        #expect(cue.first?.mentionText == "Trump" && cue.first?.cue == "called")
    }

    @Test func aDashAndANameAfterTheQuoteSignIt() {
        let q = QuoteTestSupport.quotes("Headline of the test\n\n\u{201C}Maybe we can build a wall around him.\u{201D} \u{2015} Steve Quinlan.")
        #expect(q.first?.mentionText == "Steve Quinlan" && q.first?.rule == "signature")
        // A dash before more of the writer's sentence is no signature.
        let more = quotes("\"We will win\" \u{2014} Sanders repeated it all week.")
        #expect(more.first?.rule != "signature")
        // After a sentence of the writer's, a dash and a name credit the reporter of a brief.
        let brief = quotes("Rajoy insisted his party was \"still the No. 1 force in Spain.\" \u{2014}Kim Hjelmgaard.")
        #expect(brief.first?.mentionText != "Kim Hjelmgaard")
    }

    @Test func nicknamesAndTitlesGetNoInventedSpeaker() {
        #expect(quotes("Dwayne \"The Rock\" Johnson visited the rally on Friday.").allSatisfy { $0.speaker == nil })
        let film = quotes("Clinton praised the cast of the film \"Hidden Figures\" at the gala.")
        #expect(film.allSatisfy { $0.speaker == nil })
    }
}
