/// Layout facts about a paragraph that the structure stage tests: word count, whether it ends like a
/// sentence, how title-cased it is. Computed from tokens, no Strings.
extension TextParagraph {
    /// Words and numbers (possessive `’s` not counted).
    public var wordCount: Int {
        var n = 0
        for t in tokens where (t.kind == .word && !t.flags.contains(.possessive)) || t.kind == .number { n += 1 }
        return n
    }

    /// Ends with `.`, `!`, `?` or `…` (possibly followed by closing quotes or brackets).
    public var endsLikeSentence: Bool {
        var k = tokens.count - 1
        while k >= 0, tokens[k].kind == .quote || isClosingBracket(k) { k -= 1 }
        guard k >= 0 else { return false }
        let t = tokens[k]
        if t.kind == .punctuation {
            let c = ScalarClass.of(scalars[Int(t.start)])
            return c.isSentenceFinal
        }
        // "… in the U.S." ends with an abbreviation's period.
        return t.flags.contains(.abbreviation) && !t.flags.contains(.initial)
    }

    /// Share of words (ignoring short function words) that are capitalised: high for "Title Case Headlines".
    public var titleCaseRatio: Double {
        var words = 0, caps = 0
        for t in tokens where t.kind == .word && !t.flags.contains(.possessive) {
            if t.length <= 3 && !t.flags.contains(.capitalized) && !t.flags.contains(.sentenceStart) { continue }
            words += 1
            if t.flags.contains(.capitalized) { caps += 1 }
        }
        return words == 0 ? 0 : Double(caps) / Double(words)
    }

    /// Number of tokens whose text is exactly `ascii` (single scalar).
    public func count(of ascii: Unicode.Scalar) -> Int {
        var n = 0
        for t in tokens where t.end - t.start == 1 && scalars[Int(t.start)] == ascii { n += 1 }
        return n
    }

    /// Token `k` is the single scalar `ascii`.
    @inline(__always)
    public func token(_ k: Int, is ascii: Unicode.Scalar) -> Bool {
        k >= 0 && k < tokens.count && tokens[k].end - tokens[k].start == 1 && scalars[Int(tokens[k].start)] == ascii
    }

    @inline(__always)
    func isClosingBracket(_ k: Int) -> Bool { token(k, is: ")") || token(k, is: "]") }

    /// Token `k` is a dash (`-`, `--`, `—`, `–`).
    @inline(__always)
    public func isDash(_ k: Int) -> Bool { k >= 0 && k < tokens.count && tokens[k].kind == .dash }
}
