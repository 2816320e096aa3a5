/// Decides what a stretch in quotation marks is: a direct quote (a whole utterance), a partial quote
/// (a fragment inside the writer's sentence: `saw "eye to eye on …"`, a scare quote `a "state"`), or not a
/// quotation at all (titles of works `"Meet the Press"`, bare numbers `"99.9"`).
public struct QuoteClassifier: Sendable {
    public let lexicon: CueLexicon

    public init(lexicon: CueLexicon = .shared) { self.lexicon = lexicon }

    public enum Verdict: Sendable, Equatable { case direct, partial, notAQuote }

    public func classify(_ q: QuotePiece, _ p: TextParagraph, hasAttribution: Bool) -> Verdict {
        let t = p.tokens
        var words = 0, capitalised = 0, small = 0, numbers = 0
        var sentencePunct = false
        for k in q.tokenStart..<q.tokenEnd {
            let tok = t[k]
            switch tok.kind {
            case .word:
                if tok.flags.contains(.possessive) { continue }
                words += 1
                // An ordinal or numbered name reads like a capitalised word in a title ("13th", "2016 Forum").
                if tok.flags.contains(.capitalized) || Self.startsWithDigit(tok, p) { capitalised += 1 }
                else if Self.titleSmallWords.contains(tok.hash) { small += 1 }
            case .number: numbers += 1
            case .punctuation:
                if k < q.tokenEnd - 1, ScalarClass.of(p.scalars[Int(tok.start)]).isSentenceFinal { sentencePunct = true }
            default: break
            }
        }
        if words == 0 { return numbers > 0 || q.tokenCount < 2 ? .notAQuote : .partial }
        if isNickname(q, p) || isQuotedPronoun(q, p) { return .notAQuote }
        let embedded = isEmbedded(q, p)
        // A title of a work: every content word capitalised, no sentence inside, and framed as a title —
        // after a possessive ("ABC's \"This Week\""), an introducer ("the film \"Weiner\""), before "star" or a
        // byline ("\"Posthumous books …,\" by Boston Globe's …"), or embedded with no speech verb near.
        let titleCase = capitalised + small == words && capitalised >= 1 && !sentencePunct && words <= 8
        let framed = titleFramed(q, p)
        if framed == .byline { return .notAQuote }
        if titleCase {
            if framed == .title { return .notAQuote }
            if embedded, words >= 2, capitalised >= 2, !hasAttribution || Self.titleIntroducers.contains(previousWord(q, p)) {
                return .notAQuote
            }
        }
        if q.continuesFromPrevious { return .direct }
        if embedded { return .partial }
        let first = t[q.tokenStart]
        if first.kind == .word, !first.flags.contains(.capitalized), q.open > 0, !p.token(q.open - 1, is: ":") {
            return .partial
        }
        return words <= 2 && !sentencePunct && q.open > 0 ? .partial : .direct
    }

    /// The opening mark follows a word of the writer's sentence ("saw", "a", "called") rather than the
    /// paragraph start, a sentence end, a colon, a comma or a cue.
    func isEmbedded(_ q: QuotePiece, _ p: TextParagraph) -> Bool {
        guard q.open > 0 else { return false }
        let prev = p.tokens[q.open - 1]
        if prev.kind == .word {
            if lexicon.cues.match(p.tokens, at: q.open - 1) != nil { return false }
            return true
        }
        return prev.kind == .number || p.token(q.open - 1, is: "(")
    }

    enum Frame { case none, title, byline }

    /// How the text around the marks frames them: as a title of a work, or as a headline with its byline.
    func titleFramed(_ q: QuotePiece, _ p: TextParagraph) -> Frame {
        let t = p.tokens
        if q.close >= 0 {
            var k = q.close + 1
            while k < t.count, p.token(k, is: ",") { k += 1 }
            if k + 1 < t.count, t[k].hash == Self.by, t[k + 1].flags.contains(.capitalized) { return .byline }
            if k < t.count, Self.titleFollowers.contains(t[k].hash) { return .title }
        }
        if q.open > 0 {
            let prev = t[q.open - 1]
            if prev.flags.contains(.possessive), q.open >= 2, t[q.open - 2].flags.contains(.capitalized) { return .title }
            if Self.titleIntroducers.contains(prev.hash), !Self.weakIntroducers.contains(prev.hash) { return .title }
        }
        return .none
    }

    /// A nickname between a given name and a surname: `Robert C. "Bobby" Scott`, `Juan "Chico" Manriquez`.
    func isNickname(_ q: QuotePiece, _ p: TextParagraph) -> Bool {
        let t = p.tokens
        guard q.tokenCount == 1, q.open > 0, q.close >= 0, q.close + 1 < t.count else { return false }
        let word = t[q.tokenStart], prev = t[q.open - 1], next = t[q.close + 1]
        guard word.kind == .word, word.flags.contains(.capitalized), prev.kind == .word, next.kind == .word else { return false }
        guard prev.flags.contains(.capitalized) || prev.flags.contains(.initial) else { return false }
        guard next.flags.contains(.capitalized), !next.flags.contains(.possessive) else { return false }
        return lexicon.cues.match(t, at: q.open - 1) == nil
    }

    /// A pronoun quoted as a word inside the writer's sentence ("because \"she\" is a \"he\"", "the \"us\""):
    /// the word is mentioned, not spoken.
    func isQuotedPronoun(_ q: QuotePiece, _ p: TextParagraph) -> Bool {
        let t = p.tokens
        guard q.open > 0, q.tokenCount >= 1, q.tokenCount <= 2, t[q.open - 1].kind == .word else { return false }
        let word = t[q.tokenStart]
        guard word.kind == .word, Self.pronouns.contains(word.hash) else { return false }
        return q.tokenCount == 1 || p.token(q.tokenStart + 1, is: ".") || p.token(q.tokenStart + 1, is: ",")
    }

    /// A short quoted phrase (up to three words) inside the writer's own sentence with nothing that voices it:
    /// no speaker was found for it and no naming word introduces it (`called`, `the phrase`, `known as`,
    /// `chants of`, a cue verb). Such scare quotes (`a "concession" wagon`, `the "alternative" ecosystem`)
    /// have no speaker to report, so the extractor leaves them out of the quotations.
    public func isUnvoicedScareQuote(_ q: QuotePiece, _ p: TextParagraph) -> Bool {
        guard q.open > 0, q.close >= 0, !q.continuesFromPrevious, !q.continuesToNext else { return false }
        let t = p.tokens
        var words = 0
        for k in q.tokenStart..<q.tokenEnd where t[k].kind == .word || t[k].kind == .number { words += 1 }
        guard words >= 1, words <= 3 else { return false }
        let prev = t[q.open - 1]
        if prev.kind != .word { return false }
        if Self.namingWords.contains(prev.hash) || lexicon.cues.match(t, at: q.open - 1) != nil { return false }
        if q.open >= 2 {
            let before = t[q.open - 2].hash
            if prev.hash == Self.as, Self.asNamers.contains(before) { return false }
            if prev.hash == Self.of, Self.voicedNouns.contains(before) { return false }
        }
        return true
    }

    func previousWord(_ q: QuotePiece, _ p: TextParagraph) -> UInt64 {
        q.open > 0 ? p.tokens[q.open - 1].hash : 0
    }

    static func startsWithDigit(_ tok: Token, _ p: TextParagraph) -> Bool {
        tok.flags.contains(.hasDigit) && p.scalars[Int(tok.start)].properties.numericType != nil
    }

    static let pronouns = WordSet(["i", "me", "we", "us", "you", "he", "him", "she", "her", "they", "them", "it"])
    static let by = WordHash.hash("by")
    static let `as` = WordHash.hash("as")
    static let of = WordHash.hash("of")
    /// Words that introduce a quoted expression as words: `called "X"`, `the phrase "X"`, `the slogan "X"`.
    static let namingWords = WordSet(["called", "dubbed", "named", "nicknamed", "labeled", "labelled", "termed",
        "titled", "entitled", "phrase", "term", "word", "words", "slogan", "motto", "so-called", "saying",
        "expression", "label", "nickname"])
    /// `known as "X"`, `described as "X"`, `referred to as "X"`.
    static let asNamers = WordSet(["known", "described", "to", "branded", "characterized", "characterised"])
    /// `chants of "X"`, `cries of "X"`: voices without a named speaker.
    static let voicedNouns = WordSet(["chants", "chant", "cries", "cry", "shouts", "shout", "chorus", "calls",
        "refrain", "choruses", "screams", "yells", "chanting"])
    /// Words after a title: "the \"Avatar\" star", "\"Broad City\" host".
    static let titleFollowers = WordSet(["star", "stars", "host", "hosts", "actor", "actress", "creator",
        "episode", "episodes", "season", "series", "show", "podcast", "franchise", "cast", "co-star", "author",
        "singer", "album", "soundtrack", "program", "programme", "radio", "documentary", "film", "movie", "sketch",
        "segment", "broadcast", "newsletter", "trailer"])
    /// Introducers that also precede ordinary quotes ("on", "in", "called"): evidence only with other signs.
    static let weakIntroducers = WordSet(["on", "in", "called", "dubbed", "named", "article", "headline",
        "column", "newspaper"])
    static let titleSmallWords = WordSet(["a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for",
        "with", "by", "from", "is", "vs", "v"])
    /// Words before a title of a work: "on 'Meet the Press'", "the show 'X'", "titled 'X'".
    static let titleIntroducers = WordSet(["on", "in", "titled", "entitled", "show", "program", "programme",
        "podcast", "book", "film", "movie", "series", "song", "album", "novel", "column", "article", "headline",
        "documentary", "play", "magazine", "newspaper", "called", "dubbed", "named"])
}
