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
        if strict && (b.share(b.boilerplateChars) > 0.5 || b.share(b.furnitureChars) > 0.5) {
            return -chars * 0.5
        }
        if b.chars < 25 {
            return -Double(b.linkChars)
        }
        var w = chars * (1 - 2.5 * ld)
        if w > 0 {
            // Sentences and commas are what running text has and menus, lists of names and teasers lack.
            if b.sentenceEnds == 0 && b.commas == 0 { w *= 0.4 }
            if b.kind == .listItem || b.kind == .cell { w *= 0.7 }
            if b.share(b.captionChars) > 0.5 || b.share(b.bylineChars) > 0.5 { w *= 0.2 }
        }
        return w
    }

    func find(strict: Bool) -> Result {
        let n = doc.nodes.count
        var sums = [Double](repeating: 0, count: n)
        var pageGood = 0.0
        for b in blocks.blocks {
            let w = Self.weight(b, strict: strict)
            if w == 0 { continue }
            if w > 0 { pageGood += w }
            var e = Int(b.owner)
            while e > 0 {
                sums[e] += w
                e = Int(doc.nodes[e].parent)
            }
        }
        var best = 0
        var bestScore = -Double.infinity
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
        return Result(root: best, score: bestScore, pageGood: pageGood)
    }
}
