/// The quotation stage: pairs quotation marks, finds attributions, resolves speakers, links quotes to
/// speakers by sieves, joins multi-paragraph quotes, adds reported speech, and writes `Quote` values
/// in document order (ids `q1`, `q2`, …).
public struct QuoteExtractor: Sendable {
    public let pairer = QuoteMarkPairer()
    public let finder: AttributionFinder
    public let resolver = SpeakerResolver()
    public let attributor: QuoteAttributor
    public let classifier: QuoteClassifier
    public let indirect: IndirectSpeechFinder

    public init(lexicon: CueLexicon = .shared) {
        finder = AttributionFinder(lexicon: lexicon)
        attributor = QuoteAttributor(lexicon: lexicon)
        classifier = QuoteClassifier(lexicon: lexicon)
        indirect = IndirectSpeechFinder(lexicon: lexicon)
    }

    public func extract(_ doc: ArticleDocument, entities layer: EntityLayer) -> [Quote] {
        let paragraphs = doc.paragraphs
        let allPieces = pairer.pair(paragraphs)
        var inside = paragraphs.map { [Bool](repeating: false, count: $0.tokens.count) }
        for q in allPieces {
            let a = max(0, q.open), b = q.close >= 0 ? q.close + 1 : q.tokenEnd
            for k in a..<b { inside[q.paragraph][k] = true }
        }
        // Per-document knowledge for the speaker finder: which capitalised words are names here.
        let proper = ProperNouns(paragraphs)
        var finder = self.finder
        finder.speakers.properNouns = proper
        var attributor = self.attributor
        attributor.speakers.properNouns = proper
        var attributions = [Attribution]()
        var byParagraph = [[Int]](repeating: [], count: paragraphs.count)
        for (i, p) in paragraphs.enumerated() {
            for a in finder.find(p, index: i, inside: inside[i]) {
                byParagraph[i].append(attributions.count)
                attributions.append(a)
            }
        }
        // Classify pieces; drop what is no quotation (titles, numbers) unless it belongs to a longer quote.
        var pieces = [QuotePiece]()
        var verdicts = [QuoteClassifier.Verdict]()
        for q in allPieces {
            let p = paragraphs[q.paragraph]
            let v = classifier.classify(q, p, hasAttribution: !byParagraph[q.paragraph].isEmpty)
            if v == .notAQuote && !q.continuesFromPrevious && !q.continuesToNext { continue }
            pieces.append(q)
            verdicts.append(v == .notAQuote ? .direct : v)
        }
        let decisions = attributor.attribute(pieces, attributions: &attributions, byParagraph: byParagraph,
                                             paragraphs: paragraphs, inside: inside)
        // Reported speech, then the speakers' names: only attributions that attribute something take part in
        // pronoun resolution ("Tokyo and Washington had agreed" inside a reported clause is no speaker).
        var reported = [(attribution: Int, found: IndirectSpeechFinder.Found)]()
        for (i, a) in attributions.enumerated() {
            if let f = indirect.find(a, paragraphs[a.paragraph], inside: inside[a.paragraph]) { reported.append((i, f)) }
        }
        // Implicit attributions were appended out of order: resolve in document order.
        let order = attributions.indices.sorted { attributions[$0].position < attributions[$1].position }
        var used = [Bool](repeating: false, count: attributions.count)
        for d in decisions { if let a = d.attribution { used[a] = true } }
        for r in reported { used[r.attribution] = true }
        let names = NameIndex(paragraphs, inside: inside)
        resolver.resolve(&attributions, order: order, used: used, doc: doc, layer: layer, names: names, mentions: MentionIndex(layer))

        var quotes = [(key: (Int, Int), quote: Quote)]()
        var n = 0
        while n < pieces.count {
            // A multi-paragraph quotation: pieces chained by continuesToNext / continuesFromPrevious.
            var last = n
            while last + 1 < pieces.count, pieces[last].continuesToNext, pieces[last + 1].continuesFromPrevious { last += 1 }
            let group = Array(n...last)
            let decided = group.first { decisions[$0].attribution != nil }
            if decided == nil, group.count == 1, verdicts[n] == .partial,
               classifier.isUnvoicedScareQuote(pieces[n], paragraphs[pieces[n].paragraph]) {
                n = last + 1
                continue
            }
            var quote = makeQuote(group.map { pieces[$0] }, kind: group.count > 1 ? .direct : (verdicts[n] == .partial ? .partial : .direct),
                                  paragraphs: paragraphs)
            if let d = decided, let ai = decisions[d].attribution {
                fill(&quote, with: attributions[ai], paragraphs: paragraphs)
                quote.rule = decisions[d].rule
            }
            quotes.append(((pieces[n].paragraph, pieces[n].start), quote))
            n = last + 1
        }
        for (i, f) in reported {
            let a = attributions[i]
            let p = paragraphs[a.paragraph]
            let start = Int(p.tokens[f.tokenStart].start), end = Int(p.tokens[f.tokenEnd - 1].end)
            var quote = Quote(id: "", kind: .indirect, text: p.text(start, end), span: p.span(start, end, paragraph: a.paragraph))
            fill(&quote, with: a, paragraphs: paragraphs)
            quote.rule = f.rule
            quotes.append(((a.paragraph, start), quote))
        }
        quotes.sort { $0.key < $1.key }
        return quotes.enumerated().map { i, q in
            var quote = q.quote
            quote.id = "q\(i + 1)"
            return quote
        }
    }

    func makeQuote(_ group: [QuotePiece], kind: QuoteKind, paragraphs: [TextParagraph]) -> Quote {
        let spans = group.map { paragraphs[$0.paragraph].span($0.start, $0.end, paragraph: $0.paragraph) }
        let text = group.map { paragraphs[$0.paragraph].text($0.start, $0.end) }.joined(separator: " ")
        return Quote(id: "", kind: kind, text: text, span: spans[0], spans: spans.count > 1 ? spans : nil)
    }

    func fill(_ quote: inout Quote, with a: Attribution, paragraphs: [TextParagraph]) {
        let p = paragraphs[a.paragraph]
        let s = a.speaker
        let sp = paragraphs[s.paragraph]
        let start = Int(sp.tokens[s.tokenStart].start), end = Int(sp.tokens[s.tokenEnd - 1].end)
        quote.cue = a.implicit ? nil : p.text(tokens: a.cueStart, through: a.cueEnd - 1)
        quote.speaker = Speaker(name: a.name, participant: a.participant,
                                mention: SpeakerMention(text: sp.text(start, end), span: sp.span(start, end, paragraph: s.paragraph)))
    }
}
