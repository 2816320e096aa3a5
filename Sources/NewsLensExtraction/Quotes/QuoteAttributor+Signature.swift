/// `"…" — Steve Quinlan.`: a paragraph that is a quote followed by a dash and a name alone, the convention of
/// epigraphs, pull quotes and reader-comment roundups (the next-line form "- Bernie Sanders." is `signature`).
extension QuoteAttributor {
    func dashSignature(_ q: QuotePiece, _ p: TextParagraph, _ all: inout [Attribution], _ inside: [Bool]) -> Int? {
        let t = p.tokens
        // The quote is the whole paragraph: after a sentence of the writer's, "—Kim Hjelmgaard." credits the
        // reporter of a news brief instead.
        guard q.close >= 0, q.open <= firstContentToken(p) else { return nil }
        var k = q.after
        while k < t.count, t[k].kind == .punctuation, !p.isDash(k) { k += 1 }
        guard k < t.count, p.isDash(k) else { return nil }
        let s = k + 1
        guard s < t.count, !inside[s], t[s].kind == .word, t[s].flags.contains(.capitalized), !isFunctionLike(t[s]) else {
            return nil
        }
        var e = s
        while e < t.count, e - s < 6, !inside[e], t[e].kind == .word,
              t[e].flags.contains(.capitalized) || t[e].flags.contains(.initial) { e += 1 }
        // The name ends the paragraph (a period or comma at most after it).
        guard t[e...].allSatisfy({ $0.kind == .punctuation }) else { return nil }
        return implicit(p, q.paragraph, s, e, &all)
    }
}
