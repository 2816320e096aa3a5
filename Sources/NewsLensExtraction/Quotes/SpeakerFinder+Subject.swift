/// Sentence subjects as speakers, for quotes framed by verbs outside the cue lexicon ("Trump called Clinton
/// an ISIS \"co-founder\"", "He then listed …:") and for "X did Y and said …" / "X did Y, saying …".
extension SpeakerFinder {
    /// A pronoun or name at the sentence start (or right after an introductory phrase ending in a comma)
    /// followed by a lowercase word, before token `limit`.
    func sentenceSubjectRange(_ p: TextParagraph, _ sentence: Range<Int>, before limit: Int, inside: [Bool]) -> Found? {
        let t = p.tokens
        var starts = [sentence.lowerBound]
        var k = sentence.lowerBound
        while k < min(limit, sentence.upperBound), k - sentence.lowerBound < 25 {
            if p.token(k, is: ","), !inside[k] { starts.append(k + 1) }
            k += 1
        }
        for var start in starts {
            while start < limit, t[start].kind == .word, Self.openers.contains(t[start].hash) || lexicon.isAdverb(t[start]) { start += 1 }
            guard start < limit, !inside[start], t[start].kind == .word else { continue }
            var end = start
            let kind: SpeakerRef.Kind
            if let pk = lexicon.pronoun(t[start]) {
                guard pk != .neuter && pk != .second else { continue }
                end = start + 1
                kind = .pronoun(pk)
            } else if t[start].flags.contains(.capitalized), !lexicon.isDeterminer(t[start]),
                      !Abbreviations.shared.isSentenceOpener(t[start].hash) {
                while end < limit, !inside[end], t[end].kind == .word, t[end].flags.contains(.capitalized) { end += 1 }
                kind = .name
            } else {
                continue
            }
            guard end < limit, t[end].kind == .word, !t[end].flags.contains(.capitalized), !inside[end],
                  !CueLexicon.nameConnectors.contains(t[end].hash), !t[end].flags.contains(.possessive) else { continue }
            return Found(lowerBound: start, upperBound: end, kind: kind)
        }
        return nil
    }

    static let openers: Set<UInt64> = Set(["but", "and", "so", "yet", "meanwhile", "still", "however", "instead",
        "now", "then", "later", "earlier", "there", "here", "also"].map { WordHash.hash($0) })
}
