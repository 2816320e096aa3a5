/// A human-readable trace of the extractor's decisions (one line per text block: its measures, its
/// weight, whether it lies under the chosen root), for `newslens extract-html --trace` when a page
/// comes out wrong.
public enum ExtractionTrace {
    public static func lines(html: [UInt8], strict: Bool = true) -> [String] {
        let doc = HTMLDocument(bytes: html)
        let (flags, hints) = NodeFlags.compute(doc)
        let blocks = BlockSegmenter.segment(doc, flags: flags)
        let finder = ContentRootFinder(doc: doc, flags: flags, hints: hints, blocks: blocks)
        let result = finder.find(strict: strict)
        let context = finder.contextBad(strict: strict)
        let rootEnd = Int32(doc.nodes[result.root].end)
        var out = ["root \(result.root) <\(doc.nodes[result.root].tag.name)> score \(Int(result.score)) pageGood \(Int(result.pageGood))"]
        for (k, b) in blocks.blocks.enumerated() {
            let inRoot = b.owner >= Int32(result.root) && b.owner < rootEnd
            let w = ContentRootFinder.weight(b, strict: strict)
            var marks = ""
            if b.boilerplateChars > 0 { marks += " bp\(b.boilerplateChars)" }
            if b.captionChars > 0 { marks += " cap\(b.captionChars)" }
            if b.bylineChars > 0 { marks += " by\(b.bylineChars)" }
            if b.furnitureChars > 0 { marks += " furn\(b.furnitureChars)" }
            if b.headerChars > 0 { marks += " hdr\(b.headerChars)" }
            if context[k] { marks += " CTX" }
            let text = String(blocks.text(b).prefix(90))
            out.append("\(inRoot ? "R" : " ") \(b.kind) o\(b.owner)<\(doc.nodes[Int(b.owner)].tag.name)> c\(b.chars) l\(b.linkChars) w\(Int(w))\(marks) | \(text)")
        }
        return out
    }
}
