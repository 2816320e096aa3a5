/// Finds sentence boundaries in a tokenized paragraph and marks `sentenceStart` / `sentenceEnd` on tokens.
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and brackets after it) when the next
/// token can open a sentence; abbreviations end one only as their `Abbreviations.Kind` allows.
public struct SentenceSplitter: Sendable {
    public let abbreviations: Abbreviations

    public init(abbreviations: Abbreviations = .shared) { self.abbreviations = abbreviations }

    /// Token-index ranges of the sentences; sets the sentence flags on `tokens`.
    public func split(_ tokens: inout [Token]) -> [Range<Int>] {
        var sentences = [Range<Int>]()
        let n = tokens.count
        guard n > 0 else { return sentences }
        var start = 0
        var i = 0
        while i < n {
            let t = tokens[i]
            var candidate = false
            if t.kind == .punctuation {
                candidate = Self.terminal.contains(t.hash)
            } else if t.flags.contains(.abbreviation) {
                candidate = true
            }
            guard candidate else { i += 1; continue }
            // Closing quotes and brackets belong to the sentence they close.
            var last = i
            while last + 1 < n {
                let u = tokens[last + 1]
                if (u.kind == .quote && u.flags.contains(.closing) && !u.flags.contains(.spaceBefore))
                    || (u.kind == .punctuation && isClosingBracket(u)) {
                    last += 1
                } else { break }
            }
            if last + 1 >= n { break }
            let next = tokens[last + 1]
            if endsSentence(at: i, tokens, next: next, lastOfSentence: tokens[last]) {
                sentences.append(start..<(last + 1))
                start = last + 1
            }
            i = last + 1
        }
        if start < n { sentences.append(start..<n) }
        for r in sentences {
            tokens[r.upperBound - 1].flags.insert(.sentenceEnd)
            var k = r.lowerBound
            while k < r.upperBound, tokens[k].kind != .word && tokens[k].kind != .number { k += 1 }
            if k < r.upperBound { tokens[k].flags.insert(.sentenceStart) }
        }
        return sentences
    }

    /// Punctuation tokens hash their own text.
    private static let terminal = WordSet([".", "..", "...", "....", "?", "!", "??", "!!", "?!", "!?", "???", "!!!", "…"])
    private static let openers = WordSet(["(", "[", "¿", "¡"])
    private static let closers = WordSet([")", "]", "}"])

    @inline(__always)
    private func isClosingBracket(_ t: Token) -> Bool { Self.closers.contains(t.hash) }

    private func endsSentence(at i: Int, _ tokens: [Token], next: Token, lastOfSentence: Token) -> Bool {
        let t = tokens[i]
        // `"Why?" he asked` and `… the U.S. economy`: a lowercase word continues the sentence.
        let nextOpens: Bool
        switch next.kind {
        case .word: nextOpens = next.flags.contains(.capitalized)
        case .number, .quote, .dash: nextOpens = true
        case .punctuation: nextOpens = Self.openers.contains(next.hash)
        case .symbol: nextOpens = true
        }
        guard nextOpens, next.flags.contains(.spaceBefore) else { return false }
        guard t.flags.contains(.abbreviation) else {
            // An ellipsis inside a sentence is followed by a lowercase word, already excluded above.
            return true
        }
        if t.flags.contains(.initial) { return false }
        // Abbreviation: its period may also end the sentence.
        let capitalized = t.flags.contains(.capitalized)
        guard let kind = abbreviations.kind(hash: t.hash, capitalized: capitalized) else {
            // Dotted initialism ("U.S."): ends only before a typical opener ("… in the U.S. The …").
            return next.kind == .word && abbreviations.isSentenceOpener(next.hash)
        }
        switch kind {
        case .title, .numeric: return false
        case .month: return next.kind != .number && next.kind == .word && abbreviations.isSentenceOpener(next.hash)
        case .other: return (next.kind == .word && abbreviations.isSentenceOpener(next.hash)) || next.kind == .quote
        }
    }
}
