import FuzzSupport
import NewsLensExtraction

/// Checks on an `Analysis` that hold for every input, whatever the extraction rules decide: every span lies
/// inside the paragraph, caption or headline it names, source offsets lie inside the submitted text, a span over plain
/// printable ASCII in the source reads the same in the paragraph, and counts agree.
public struct AnalysisInvariants {
    let paragraphs: [[Unicode.Scalar]]
    let captions: [[Unicode.Scalar]]
    let headline: [Unicode.Scalar]?
    /// The submitted plain text; nil for pre-segmented (HTML) input, which has no source offsets.
    let source: [Unicode.Scalar]?

    public static func check(_ analysis: Analysis, source: [Unicode.Scalar]?) {
        let article = analysis.article
        let checker = AnalysisInvariants(
            paragraphs: article.paragraphs.map { Array($0.unicodeScalars) },
            captions: article.captions.map { Array($0.text.unicodeScalars) },
            headline: article.headline.map { Array($0.unicodeScalars) },
            source: source)
        require(article.wordCount >= 0, "negative word count")
        for quote in analysis.quotes {
            checker.check(quote.span, "quote \(quote.id)")
            for piece in quote.spans ?? [] { checker.check(piece, "piece of quote \(quote.id)") }
            if let mention = quote.speaker?.mention { checker.check(mention.span, "speaker of quote \(quote.id)") }
        }
        let ids = Set(analysis.participants.map(\.id))
        require(ids.count == analysis.participants.count, "duplicate participant ids")
        for quote in analysis.quotes {
            if let id = quote.speaker?.participant { require(ids.contains(id), "quote \(quote.id) names unknown participant \(id)") }
        }
        for participant in analysis.participants {
            require(participant.quoteCount >= 0 && participant.mentionCount >= 0, "negative counts for \(participant.id)")
            for mention in participant.mentions { checker.check(mention, "mention of \(participant.id)") }
        }
    }

    func check(_ span: Span, _ what: @autoclosure () -> String) {
        let text: [Unicode.Scalar]
        switch (span.paragraph, span.caption) {
        case (nil, nil) where span.headline:
            guard let headline else { fatalError("invariant failed: \(what()): a headline span without a headline") }
            text = headline
        case (let p?, nil) where !span.headline:
            require(p >= 0 && p < paragraphs.count, "\(what()): paragraph \(p) of \(paragraphs.count)")
            text = paragraphs[p]
        case (nil, let c?) where !span.headline:
            require(c >= 0 && c < captions.count, "\(what()): caption \(c) of \(captions.count)")
            text = captions[c]
        default:
            fatalError("invariant failed: \(what()): a span names exactly one of paragraph, caption and headline")
        }
        require(span.start >= 0 && span.start <= span.end && span.end <= text.count,
                "\(what()): span \(span.start)..<\(span.end) outside 0..<\(text.count)")
        switch (span.sourceStart, span.sourceEnd, source) {
        case (nil, nil, _):
            break
        case (let s?, let e?, let source?):
            require(s >= 0 && s <= e && e <= source.count,
                    "\(what()): source \(s)..<\(e) outside the input's \(source.count) scalars")
            // Normalisation keeps printable ASCII and spaces as written, so such a stretch of the source must
            // read the same in the paragraph (what a client highlighting the original relies on).
            let original = source[s..<e]
            if original.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
                require(original.elementsEqual(text[span.start..<span.end]),
                        "\(what()): paragraph text differs from the source at \(s)..<\(e)")
            }
        default:
            fatalError("invariant failed: \(what()): source offsets \(String(describing: span.sourceStart))..<\(String(describing: span.sourceEnd)) for input with\(source == nil ? "out" : "") source text")
        }
    }
}
