/// Finds the element that holds the article body: every block votes for all its ancestors with a weight
/// that rewards long, sentence-like, link-poor text and penalises link lists and hinted furniture
/// (readability's score propagation and jusText's block classes, merged into a maximum-subtree sum), and
/// the element with the highest total, scaled by what its own tag and class say, wins. Ties go to the
/// deeper element, so wrappers that add nothing lose to what they wrap.
struct ContentRootFinder {
    let doc: HTMLDocument
    let flags: [NodeFlags]
    let hints: [ClassHints]
    let blocks: TextBlocks

    struct Result {
        var root: Int
        var score: Double
        /// Sum of the positive votes on the whole page (for a confidence check).
        var pageGood: Double
    }

    /// Weight of one block as evidence of article text; `strict` counts hinted furniture as bad.
    static func weight(_ b: TextBlock, strict: Bool) -> Double {
        let chars = Double(b.chars)
        if b.kind == .heading || b.kind == .caption { return 0 }
        let ld = b.linkDensity
        if strict && (b.isHintedFurniture || b.share(b.furnitureChars) > 0.5) {
            return -chars * 0.5
        }
        if b.chars < 25 {
            return -Double(b.linkChars)
        }
        var w = chars * (1 - 2.5 * ld)
        // Long prose with many inline links (names linked to profile cards) is still prose.
        if b.chars >= 150 && b.sentenceEnds >= 2 { w = max(w, chars * 0.25) }
        if w > 0 {
            // Sentences and commas are what running text has and menus, lists of names and teasers lack.
            if b.sentenceEnds == 0 && b.commas == 0 { w *= 0.4 }
            if b.kind == .listItem || b.kind == .cell { w *= 0.7 }
            if b.share(b.captionChars) > 0.5 || b.share(b.bylineChars) > 0.5 { w *= 0.2 }
        }
        return w
    }

    /// A block that is clearly a link or furniture: the "bad" class of jusText.
    static func isBad(_ b: TextBlock, strict: Bool) -> Bool {
        if b.linkDensity > 0.5 && b.linkChars >= 5 { return true }
        return strict && b.isHintedFurniture
    }

    /// jusText's context rule: a short or medium block (a teaser's blurb, a caption-like line) between two
    /// bad blocks is itself bad. Headings and tiny blocks are looked through.
    func contextBad(strict: Bool) -> [Bool] {
        let bs = blocks.blocks
        var bad = [Bool](repeating: false, count: bs.count)
        var previous = [Bool?](repeating: nil, count: bs.count)
        var last: Bool?
        for (k, b) in bs.enumerated() {
            previous[k] = last
            let selfBad = Self.isBad(b, strict: strict)
            if !selfBad && (b.kind == .heading || b.chars < 15) { continue }
            last = selfBad
        }
        last = nil
        for k in stride(from: bs.count - 1, through: 0, by: -1) {
            let b = bs[k]
            let selfBad = Self.isBad(b, strict: strict)
            if !selfBad && (b.kind == .heading || b.chars < 15) { continue }
            if !selfBad && b.chars < 200 && previous[k] == true && last == true { bad[k] = true }
            last = selfBad
        }
        return bad
    }

    func find(strict: Bool) -> Result {
        let n = doc.nodes.count
        var sums = [Double](repeating: 0, count: n)
        var named = [Double](repeating: 0, count: n)
        var pageGood = 0.0
        let context = contextBad(strict: strict)
        for (k, b) in blocks.blocks.enumerated() {
            var w = Self.weight(b, strict: strict)
            if context[k] && w > 0 { w = -w * 0.5 }
            if w == 0 { continue }
            if w > 0 { pageGood += w }
            let inNamed = w > 0 && flags[Int(b.owner)].contains(.articleBody)
            var e = Int(b.owner)
            while e >= 0 {
                sums[e] += w
                if inNamed { named[e] += w }
                e = Int(doc.nodes[e].parent)
            }
        }
        // The document itself is the fallback root (a fragment or plain text without block elements).
        var best = 0
        var bestScore = sums[0] > 0 ? sums[0] : -Double.infinity
        for i in 1 ..< n {
            let s = sums[i]
            if s <= 0 { continue }
            let node = doc.nodes[i]
            if node.isText || flags[i].contains(.excluded) { continue }
            var factor = 1.0
            let h = hints[i]
            if h.contains(.articleBody) { factor *= 1.3 }
            else if h.contains(.content) { factor *= 1.05 }
            if node.tag == .article { factor *= 1.15 }
            if node.tag == .main { factor *= 1.05 }
            if strict && flags[i].contains(.boilerplate) { factor *= 0.5 }
            let score = s * factor
            if score >= bestScore {
                best = i
                bestScore = score
            }
        }
        // Elements the page itself names as the article body (itemprop=articleBody, "article-body") win when
        // they hold a fair share of the text the best candidate holds: explicit markup beats totals. A body
        // split into several named chunks (ads between them) is taken whole: the deepest element holding
        // 90% of the named text.
        let namedTotal = named[0]
        if namedTotal >= 200 && namedTotal >= 0.4 * sums[best] {
            var chosen = 0
            for i in 1 ..< n where named[i] >= 0.9 * namedTotal && !doc.nodes[i].isText { chosen = i }
            if chosen > 0 && chosen != best {
                return Result(root: chosen, score: named[chosen], pageGood: pageGood)
            }
        }
        return Result(root: best, score: bestScore, pageGood: pageGood)
    }
}
