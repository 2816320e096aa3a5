import NewsLensExtraction

/// Turns the blocks under the chosen content root into the article body: paragraphs in reading order,
/// captions with credits apart, and labels of the furniture that was dropped inside the root (bylines,
/// share bars, "Read more" links, ad labels, nested nav/aside/footer, a header holding the headline).
struct BodyAssembler {
    let doc: HTMLDocument
    let flags: [NodeFlags]
    let blocks: TextBlocks
    let root: Int
    let strict: Bool
    /// Texts that are already metadata (the headline) and must not repeat as a paragraph.
    let headline: String?
    /// The headline reduced to lowercase letters and digits, for comparing with headings.
    let headlineKey: String?

    /// Per block: jusText's context rule found it between two link or furniture blocks (a teaser's blurb).
    let contextBad: [Bool]

    init(doc: HTMLDocument, flags: [NodeFlags], blocks: TextBlocks, root: Int, strict: Bool, headline: String?,
         contextBad: [Bool] = []) {
        self.contextBad = contextBad
        self.doc = doc
        self.flags = flags
        self.blocks = blocks
        self.root = root
        self.strict = strict
        self.headline = headline
        headlineKey = headline.map { TitleCleaner.normalized($0) }
    }

    struct Body {
        var paragraphs: [String] = []
        var captions: [Caption] = []
        var removed: [String] = []
        var chars = 0
    }

    private enum Decision { case keep, caption, drop, label }

    private func decide(_ b: TextBlock, _ text: String) -> Decision {
        let rootFlags = flags[root]
        if b.kind == .caption || b.share(b.captionChars) > 0.5 { return .caption }
        if strict && b.isHintedFurniture && !rootFlags.contains(.boilerplate) {
            return b.chars <= 60 ? .label : .drop
        }
        if b.share(b.furnitureChars) > 0.5 && !rootFlags.contains(.furnitureTag) { return .drop }
        if b.share(b.headerChars) > 0.5 && !rootFlags.contains(.inHeader) { return .drop }
        if b.share(b.bylineChars) > 0.5 && b.chars < 200 && !rootFlags.contains(.byline) { return .label }
        // Mostly links: related-story lines, tag lists. A list item that links its first sentence and goes
        // on in plain prose ("Google bought X [link]. The deal ...") stays.
        if b.linkDensity > 0.5 && !(b.chars - b.linkChars >= 50 && b.sentenceEnds >= 1) {
            return b.chars <= 60 ? .label : .drop
        }
        if b.chars < 300 {
            let bytes = blocks.bytes(b)
            let lower = ASCIIBytes.lowercased(bytes)
            if BoilerplatePhrases.isBoilerplate(lower, chars: Int(b.chars)) { return .label }
            if BoilerplatePhrases.isShortcode(bytes) { return .drop }
            if BoilerplatePhrases.isSubscriptionPlug(lower, chars: Int(b.chars)) { return .label }
            if b.chars < 60 && b.sentenceEnds == 0 && b.kind != .heading && BoilerplatePhrases.hasNumericDate(bytes) {
                return .label
            }
        }
        if b.kind == .heading {
            // The page title is metadata, not body: the h1, or a heading repeating the headline.
            if doc.nodes[Int(b.owner)].tag == .h1 { return .drop }
            if let headlineKey, headlineKey == TitleCleaner.normalized(text) { return .drop }
        }
        if let headline, b.chars < 300, text == headline { return .drop }
        return .keep
    }

    func assemble() -> Body {
        var body = Body()
        let end = Int32(doc.nodes[root].end)
        var kept: [(String, TextBlock)] = []
        var keptBad: [Bool] = []
        for (k, b) in blocks.blocks.enumerated() where b.owner >= Int32(root) && b.owner < end {
            let text = blocks.text(b)
            var decision = decide(b, text)
            // Before the first paragraph, a line holding only a date is the article's dateline furniture.
            if decision == .keep && kept.isEmpty && b.chars < 60 && BoilerplatePhrases.isDateLine(text) {
                decision = .label
            }
            switch decision {
            case .keep:
                if let last = kept.last, last.0 == text { continue }
                kept.append((text, b))
                keptBad.append(k < contextBad.count && contextBad[k])
            case .caption:
                if !body.captions.contains(where: { $0.text == text }) {
                    body.captions.append(CaptionReader.caption(text, credit: blocks.credit(b)))
                }
            case .label:
                if body.removed.count < 40 && !body.removed.contains(text) { body.removed.append(text) }
            case .drop:
                break
            }
        }
        // After the last paragraph of prose, blurbs between links are the next/previous-story teasers.
        if let lastProse = kept.indices.last(where: { kept[$0].1.looksLikeProse && !keptBad[$0] }) {
            var j = kept.count - 1
            while j > lastProse {
                if keptBad[j] { kept.remove(at: j) }
                j -= 1
            }
        }
        // A heading only belongs to the body when body text follows it.
        var i = 0
        while i < kept.count {
            if kept[i].1.kind == .heading {
                let next = i + 1 < kept.count ? kept[i + 1].1 : nil
                if next == nil || next!.kind == .heading {
                    kept.remove(at: i)
                    continue
                }
            }
            i += 1
        }
        for (text, b) in kept {
            body.paragraphs.append(text)
            body.chars += Int(b.chars)
        }
        return body
    }
}
