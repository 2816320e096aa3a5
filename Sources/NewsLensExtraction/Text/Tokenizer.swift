/// Splits a paragraph's scalars into `Token`s in one pass: words keep inner apostrophes, hyphens and dots
/// ("don't", "six-party", "U.S.", "N.Korea"), the possessive `’s` is its own token, an abbreviation keeps
/// its period ("Mr.", "Ore."), quotation marks are classified as opening/closing by glyph and context.
public struct Tokenizer: Sendable {
    public let abbreviations: Abbreviations

    public init(abbreviations: Abbreviations = .shared) { self.abbreviations = abbreviations }

    public func tokenize(_ s: [Unicode.Scalar]) -> [Token] {
        var tokens = [Token]()
        tokens.reserveCapacity(s.count / 5 + 4)
        let n = s.count
        var i = 0
        while i < n {
            let c = ScalarClass.of(s[i])
            if c.isWhitespace || c == .other || c == .format { i += 1; continue }
            let spaceBefore = i == 0 || ScalarClass.of(s[i - 1]).isWhitespace
            var token: Token
            if c.isAlphanumeric {
                token = word(s, i, c)
            } else if c.isQuote {
                token = quote(s, i, c)
            } else {
                token = punctuation(s, i, c)
            }
            let e = Int(token.end)
            if spaceBefore { token.flags.insert(.spaceBefore) }
            if e >= n || ScalarClass.of(s[e]).isWhitespace { token.flags.insert(.spaceAfter) }
            tokens.append(token)
            i = e
        }
        return tokens
    }

    // MARK: words and numbers

    private func word(_ s: [Unicode.Scalar], _ start: Int, _ first: ScalarClass) -> Token {
        let n = s.count
        var j = start + 1
        var flags: TokenFlags = []
        var innerDot = false
        var segmentLength = 1, longestSegment = 1
        var letters = first.isLetter ? 1 : 0
        var lowers = first == .lower ? 1 : 0
        var digits = first == .digit ? 1 : 0
        while j < n {
            let c = ScalarClass.of(s[j])
            if c == .format, j + 1 < n, ScalarClass.of(s[j + 1]).isAlphanumeric { j += 1; continue }  // "in\u{AD}formation"
            if c.isAlphanumeric {
                if c.isLetter { letters += 1 } else { digits += 1 }
                if c == .lower { lowers += 1 }
                segmentLength += 1
                longestSegment = max(longestSegment, segmentLength)
                j += 1
                continue
            }
            guard j + 1 < n else { break }
            let next = ScalarClass.of(s[j + 1])
            guard connects(s, j, c, next, first) else { break }
            if c == .hyphen { flags.insert(.hyphenated) }
            if c == .period { innerDot = true; segmentLength = 0 }
            j += 2
            segmentLength += 1
            longestSegment = max(longestSegment, segmentLength)
            if next.isLetter { letters += 1 } else { digits += 1 }
            if next == .lower { lowers += 1 }
        }
        var end = j
        let hash = WordHash.hash(s, start, end)
        if first == .upper { flags.insert(.capitalized) }
        if letters >= 2 && lowers == 0 { flags.insert(.allCaps) }
        if digits > 0 { flags.insert(.hasDigit) }
        // A trailing period that belongs to the word: initials, dotted initialisms, listed abbreviations.
        if end < n, s[end] == "." {
            var keep = false
            if letters == 1 && digits == 0 && first == .upper && end - start == 1 {
                keep = true
                flags.insert(.initial)
            } else if innerDot && longestSegment <= 2 && digits == 0 {
                keep = true  // "U.S.", "a.m.", "N.Y."
            } else if let kind = abbreviations.kind(hash: hash, capitalized: first == .upper) {
                keep = kind != .numeric || nextNonSpaceIsDigit(s, end + 1)
            }
            if keep { end += 1; flags.insert(.abbreviation) }
        }
        // "43-year-old", "9th", "G7" read as words; "2006", "3.5", "15:37" as numbers.
        let kind: TokenKind = first == .digit && letters == 0 ? .number : .word
        return Token(start: Int32(start), end: Int32(end), hash: hash, kind: kind, flags: flags)
    }

    @inline(__always)
    private func connects(_ s: [Unicode.Scalar], _ j: Int, _ c: ScalarClass, _ next: ScalarClass,
                          _ first: ScalarClass) -> Bool {
        let n = s.count
        switch c {
        case .hyphen: return next.isAlphanumeric
        case .straightSingle, .closeSingle:
            guard next.isLetter else { return false }
            let v = s[j + 1].value
            if v == 115 || v == 83, j + 2 >= n || !ScalarClass.of(s[j + 2]).isAlphanumeric { return false }
            return true
        case .period: return next.isAlphanumeric
        case .comma:
            guard first == .digit, next == .digit, j + 3 < n else { return false }
            for k in 1...3 where ScalarClass.of(s[j + k]) != .digit { return false }
            return j + 4 >= n || ScalarClass.of(s[j + 4]) != .digit
        case .colon:
            return first == .digit && next == .digit && ScalarClass.of(s[j - 1]) == .digit
        case .symbol:
            return s[j] == "&" && next == .upper && ScalarClass.of(s[j - 1]) == .upper
        default: return false
        }
    }

    private func nextNonSpaceIsDigit(_ s: [Unicode.Scalar], _ from: Int) -> Bool {
        var k = from
        while k < s.count, ScalarClass.of(s[k]).isWhitespace { k += 1 }
        return k < s.count && ScalarClass.of(s[k]) == .digit
    }

    // MARK: quotation marks

    private func quote(_ s: [Unicode.Scalar], _ i: Int, _ c: ScalarClass) -> Token {
        let n = s.count
        // Two straight apostrophes ('' or ``-style ASCII art) are no quotation mark: a symbol token.
        if c == .straightSingle, i + 1 < n, s[i + 1] == "'" {
            return Token(start: Int32(i), end: Int32(i + 2), hash: WordHash.hash(s, i, i + 2), kind: .symbol, flags: [])
        }
        // Possessive split off a word: "’s" / "'s".
        if (c == .closeSingle || c == .straightSingle), i > 0, ScalarClass.of(s[i - 1]).isAlphanumeric,
           i + 1 < n, s[i + 1] == "s" || s[i + 1] == "S",
           i + 2 >= n || !ScalarClass.of(s[i + 2]).isAlphanumeric {
            return Token(start: Int32(i), end: Int32(i + 2), hash: WordHash.hash(s, i, i + 2), kind: .word,
                         flags: [.possessive])
        }
        let before = i == 0 ? ScalarClass.space : ScalarClass.of(s[i - 1])
        let after = i + 1 >= n ? ScalarClass.space : ScalarClass.of(s[i + 1])
        let leftOpen = before.isWhitespace || before == .openBracket || before == .dash || before == .hyphen
            || before == .openDouble || before == .openSingle || before == .colon
            || ((before == .straightDouble || before == .straightSingle) && (i < 2 || ScalarClass.of(s[i - 2]).isWhitespace))
        let rightOpen = after.isWhitespace || after == .period || after == .comma || after == .semicolon
            || after == .colon || after == .question || after == .exclamation || after == .closeBracket
            || after == .dash || after == .closeDouble || after == .closeSingle || after == .ellipsis
            || after == .straightDouble || after == .straightSingle
        var flags: TokenFlags = []
        switch c {
        case .openDouble, .openSingle:
            flags.insert(.opening)
            if !leftOpen && rightOpen { flags.insert(.closing) }  // a mark used the wrong way round
        case .closeDouble, .closeSingle:
            flags.insert(.closing)
            if leftOpen && !rightOpen { flags.insert(.opening) }
        default:
            if leftOpen && !rightOpen { flags.insert(.opening) }
            else if !leftOpen && rightOpen { flags.insert(.closing) }
            else { flags.formUnion([.opening, .closing]) }
        }
        if c == .straightSingle || c == .openSingle || c == .closeSingle {
            flags.insert(.single)
            if before.isLetter && !leftOpen { flags.insert(.apostrophe) }
        }
        return Token(start: Int32(i), end: Int32(i + 1), hash: UInt64(s[i].value), kind: .quote, flags: flags)
    }

    // MARK: punctuation, dashes, symbols

    private func punctuation(_ s: [Unicode.Scalar], _ i: Int, _ c: ScalarClass) -> Token {
        let n = s.count
        var end = i + 1
        var kind: TokenKind
        switch c {
        case .dash:
            kind = .dash
        case .hyphen:
            while end < n, ScalarClass.of(s[end]) == .hyphen { end += 1 }
            kind = .dash
        case .period:
            while end < n, ScalarClass.of(s[end]) == .period { end += 1 }  // "..."
            kind = .punctuation
        case .question, .exclamation:
            while end < n, ScalarClass.of(s[end]) == .question || ScalarClass.of(s[end]) == .exclamation { end += 1 }
            kind = .punctuation
        case .comma, .colon, .semicolon, .ellipsis, .openBracket, .closeBracket:
            kind = .punctuation
        default:
            kind = .symbol
        }
        return Token(start: Int32(i), end: Int32(end), hash: WordHash.hash(s, i, end), kind: kind, flags: [])
    }
}
