/// The article-structure stage: turns the blocks of a plain-text submission (or the paragraphs of an
/// `ArticleInput`) into an `ArticleDocument` — headline, publication stamps, byline, dateline and source,
/// body paragraphs, captions with credits, and the page furniture that was removed.
public struct ArticleStructurer: Sendable {
    public let boilerplate: BoilerplateDetector
    public let captions: CaptionDetector
    public let datelines: DatelineParser
    public let bylines: BylineParser
    public let stamps = DateStampParser()

    public init(lexicon: StructureLexicon = .shared) {
        boilerplate = BoilerplateDetector(lexicon: lexicon)
        captions = CaptionDetector(lexicon: lexicon)
        datelines = DatelineParser(lexicon: lexicon)
        bylines = BylineParser(lexicon: lexicon)
    }

    /// Structure of a plain-text article.
    public func structure(_ text: TextDocument) -> ArticleDocument {
        var doc = ArticleDocument(normalized: text.normalized)
        let blocks = text.blocks.map(\.paragraph)
        var role = [Role](repeating: .body, count: blocks.count)
        var i = 0
        // Leading navigation, then the headline.
        while i < blocks.count, boilerplate.isNavigation(blocks[i]) { role[i] = .furniture; i += 1 }
        if i < blocks.count, blocks.count > 1, isHeadline(blocks[i]) { role[i] = .headline; i += 1 }
        // Header zone: stamps, bylines, captions and furniture until the first body paragraph.
        while i < blocks.count {
            let b = blocks[i]
            if !stamps.parse(b).isEmpty { role[i] = .stamp }
            else if bylines.parse(b) != nil { role[i] = .byline }
            else if captions.detect(b) != nil { role[i] = .caption }
            else if boilerplate.isEdgeFurniture(b, maxWords: 6) { role[i] = .furniture }
            else { break }
            i += 1
        }
        let bodyStart = i
        // Trailing furniture, credits, captions and stamps, from the end backwards.
        var j = blocks.count - 1
        while j >= bodyStart {
            let b = blocks[j]
            if captions.detect(b) != nil { role[j] = .caption }
            else if boilerplate.isEdgeFurniture(b, maxWords: 12) { role[j] = .furniture }
            else if !stamps.parse(b).isEmpty && b.wordCount <= 12 { role[j] = .stamp }
            else { break }
            j -= 1
        }
        // Middle: navigation lines and captions anywhere.
        if bodyStart <= j {
            for k in bodyStart...j {
                if boilerplate.isNavigation(blocks[k]) { role[k] = .furniture }
                else if captions.detect(blocks[k]) != nil { role[k] = .caption }
            }
        }
        apply(role, blocks, to: &doc)
        return doc
    }

    /// Structure of pre-segmented input: metadata as given (dates normalised to ISO 8601 when they were not),
    /// paragraphs as given with the dateline cut off the first one.
    public func structure(_ input: ArticleInput) -> ArticleDocument {
        var doc = ArticleDocument()
        var a = Article()
        a.headline = input.headline
        a.author = input.authors.map { Author(name: $0) }
        (a.datePublished, a.datePublishedRaw) = normalizedDate(input.datePublished)
        (a.dateModified, a.dateModifiedRaw) = normalizedDate(input.dateModified)
        a.publisher = input.publisher
        a.url = input.url
        if let lang = input.inLanguage, !lang.isEmpty { a.inLanguage = lang }
        a.removedBoilerplate = input.removedBoilerplate
        doc.article = a
        doc.headline = input.headline.map { TextParagraph($0) }
        doc.paragraphs = input.paragraphs.map { TextParagraph($0) }.filter { !$0.isEmpty }
        doc.captions = input.captions.map { TextParagraph($0.text) }
        doc.article.captions = input.captions
        takeHeaderLines(&doc)
        cutDateline(&doc)
        return doc
    }

    /// A page's article element often opens with its byline ("By Jane Roe") or a date line ("Updated: ...")
    /// before the dateline: as in plain text, they are metadata, not body. Only at the very start (the header
    /// zone); authors from the page's metadata win, the byline line is dropped either way.
    func takeHeaderLines(_ doc: inout ArticleDocument) {
        while doc.paragraphs.count > 1, let first = doc.paragraphs.first, first.wordCount <= 20 {
            let found = bylines.parse(first)
            let dates = stamps.parse(first)
            guard found != nil || !dates.isEmpty else { return }
            if let found {
                if doc.article.author.isEmpty { doc.article.author = found.authors.map { Author(name: $0) } }
                if doc.article.source == nil { doc.article.source = found.source }
            }
            for d in dates { record(d, in: &doc.article) }
            doc.paragraphs.removeFirst()
        }
    }

    // MARK: -

    enum Role { case headline, stamp, byline, caption, furniture, body }

    func apply(_ role: [Role], _ blocks: [TextParagraph], to doc: inout ArticleDocument) {
        for (k, b) in blocks.enumerated() {
            switch role[k] {
            case .headline:
                doc.headline = b
                doc.article.headline = b.string
            case .stamp:
                for s in stamps.parse(b) { record(s, in: &doc.article) }
            case .byline:
                if let found = bylines.parse(b) {
                    doc.article.author += found.authors.map { Author(name: $0) }
                    if doc.article.source == nil { doc.article.source = found.source }
                }
                for s in stamps.parse(b) { record(s, in: &doc.article) }
            case .caption:
                guard let c = captions.detect(b) else { continue }
                let text = c.start == 0 && c.end == b.count ? b : trimmedSub(b, c.start, c.end)
                doc.captions.append(text)
                doc.article.captions.append(Caption(text: text.string, credit: c.credit))
            case .furniture:
                doc.article.removedBoilerplate.append(b.string)
                if doc.article.publisher == nil, boilerplate.isCopyright(b) {
                    doc.article.publisher = boilerplate.publisher(fromCopyright: b)
                }
            case .body:
                doc.paragraphs.append(b)
            }
        }
        cutDateline(&doc)
        if doc.article.source == nil {
            for c in doc.article.captions {
                guard let credit = c.credit else { continue }
                let p = TextParagraph(credit)
                if let agency = captions.lexicon.agency(p, 0, p.tokens.count) { doc.article.source = agency; break }
            }
        }
    }

    func record(_ s: DateStampParser.Stamp, in a: inout Article) {
        let raw: String? = s.raw == s.iso ? nil : s.raw
        switch s.kind {
        case .published where a.datePublished == nil: a.datePublished = s.iso; a.datePublishedRaw = raw
        case .modified where a.dateModified == nil: a.dateModified = s.iso; a.dateModifiedRaw = raw
        default: break
        }
    }

    func cutDateline(_ doc: inout ArticleDocument) {
        guard let first = doc.paragraphs.first, let d = datelines.parse(first) else { return }
        doc.article.dateline = d.dateline
        if let s = d.source { doc.article.source = s }
        doc.paragraphs[0] = first.dropping(first: d.bodyStart)
    }

    func trimmedSub(_ p: TextParagraph, _ start: Int, _ end: Int) -> TextParagraph {
        var a = start, b = end
        while a < b, ScalarClass.of(p.scalars[a]).isWhitespace { a += 1 }
        while b > a, ScalarClass.of(p.scalars[b - 1]).isWhitespace { b -= 1 }
        return p.sub(a, b)
    }

    /// A first block that reads like a headline: short, one or two sentences, and title-cased or without
    /// a closing period.
    func isHeadline(_ p: TextParagraph) -> Bool {
        let words = p.wordCount
        guard words >= 1, words <= 30, p.sentences.count <= 3 else { return false }
        if bylines.parse(p) != nil || !stamps.parse(p).isEmpty { return false }
        if datelines.parse(p) != nil { return false }
        return !p.endsLikeSentence || p.titleCaseRatio >= 0.6 || words <= 12
    }

    func normalizedDate(_ value: String?) -> (String?, String?) {
        guard let value, !value.isEmpty else { return (nil, nil) }
        guard let iso = DateParser.parse(value) else { return (nil, value) }
        // Already ISO 8601 with more precision than we would write (seconds fractions, offsets): keep it.
        if value.count >= iso.count, value.hasPrefix(String(iso.prefix(10))), value.contains("-") { return (value, nil) }
        return (iso, value)
    }
}
