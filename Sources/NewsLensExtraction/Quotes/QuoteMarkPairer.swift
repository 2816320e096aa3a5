/// Pairs quotation marks into `QuotePiece`s across the body: double marks (straight or curly) by default,
/// single marks only in articles that quote with single marks alone (British style); marks nested inside a
/// quote stay part of its text. Unbalanced marks never crash: an unclosed quote runs to its paragraph end
/// and continues into the next paragraph only when that one opens with a mark.
public struct QuoteMarkPairer: Sendable {
    public init() {}

    public func pair(_ paragraphs: [TextParagraph]) -> [QuotePiece] {
        let single = usesSingleMarks(paragraphs)
        var pieces = [QuotePiece]()
        var carry = false  // the previous paragraph ended inside a quote
        for (index, p) in paragraphs.enumerated() {
            let found = pair(p, index: index, single: single)
            var list = found.pieces
            if carry {
                if let first = list.first, first.open == 0 || (first.open == firstMarkIndex(p) && first.open <= 1) {
                    list[0].continuesFromPrevious = true
                } else if let last = pieces.indices.last, pieces[last].paragraph == index - 1 {
                    // The next paragraph does not reopen: the quote closed silently at the paragraph end.
                    pieces[last].continuesToNext = false
                    if !opensAtClauseStart(paragraphs[index - 1], pieces[last].open) { pieces.removeLast() }
                }
            }
            pieces += list
            carry = found.openAtEnd
        }
        if carry, let last = pieces.indices.last {
            pieces[last].continuesToNext = false
            let p = paragraphs[pieces[last].paragraph]
            if !opensAtClauseStart(p, pieces[last].open) { pieces.removeLast() }
        }
        return pieces
    }

    /// Single marks are quotation marks only where no double marks are used at all (nor two apostrophes
    /// standing in for them).
    func usesSingleMarks(_ paragraphs: [TextParagraph]) -> Bool {
        var singles = 0
        for p in paragraphs {
            for t in p.tokens where t.kind == .quote || t.kind == .symbol {
                if t.kind == .symbol {
                    if t.length == 2 && p.scalars[Int(t.start)] == "'" { return false }
                    continue
                }
                if !t.flags.contains(.single) { return false }
                if t.flags.contains(.opening) && !t.flags.contains(.apostrophe) { singles += 1 }
            }
        }
        return singles > 0
    }

    func firstMarkIndex(_ p: TextParagraph) -> Int {
        p.tokens.firstIndex { $0.kind == .quote } ?? -1
    }

    /// `(pieces, openAtEnd)` for one paragraph.
    func pair(_ p: TextParagraph, index: Int, single: Bool) -> (pieces: [QuotePiece], openAtEnd: Bool) {
        var pieces = [QuotePiece]()
        let t = p.tokens
        var open = -1
        var k = 0
        while k < t.count {
            let tok = t[k]
            guard tok.kind == .quote, tok.flags.contains(.single) == single else { k += 1; continue }
            // A single closing mark right after a letter is an apostrophe unless a quote is open.
            if single && tok.flags.contains(.apostrophe) && open < 0 { k += 1; continue }
            // Attribute values in embedded markup (`<tweet id="…">`) are not quotations.
            if open < 0, k > 0, p.token(k - 1, is: "="), !tok.flags.contains(.spaceBefore) {
                var j = k + 1
                while j < t.count, !(t[j].kind == .quote && t[j].hash == tok.hash) { j += 1 }
                k = j + 1
                continue
            }
            if open < 0 {
                if tok.flags.contains(.opening) { open = k }
            } else if tok.flags.contains(.closing) {
                if let piece = makePiece(p, index: index, open: open, close: k) { pieces.append(piece) }
                open = -1
            } else {
                open = k  // an opening mark while one is open: the earlier one was never closed
            }
            k += 1
        }
        if open >= 0, var piece = makePiece(p, index: index, open: open, close: -1) {
            piece.continuesToNext = true
            pieces.append(piece)
            return (pieces, true)
        }
        return (pieces, false)
    }

    func makePiece(_ p: TextParagraph, index: Int, open: Int, close: Int) -> QuotePiece? {
        let first = open + 1
        let last = close >= 0 ? close : p.tokens.count
        guard first < last else { return nil }
        let start = Int(p.tokens[first].start)
        let end = Int(p.tokens[last - 1].end)
        return QuotePiece(paragraph: index, open: open, close: close, tokenStart: first, tokenEnd: last,
                          start: start, end: end)
    }

    /// An unclosed mark counts as a quote only where a quote can start: the paragraph start, after a colon,
    /// comma, dash or sentence end.
    func opensAtClauseStart(_ p: TextParagraph, _ open: Int) -> Bool {
        guard open > 0 else { return true }
        let prev = p.tokens[open - 1]
        if prev.kind == .dash { return true }
        if prev.kind == .punctuation {
            let c = ScalarClass.of(p.scalars[Int(prev.start)])
            return c == .colon || c == .comma || c.isSentenceFinal
        }
        return false
    }
}
