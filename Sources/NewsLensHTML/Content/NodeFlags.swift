/// Per-node facts inherited down the tree, computed in one forward pass: whether the node is never
/// content (scripts, forms controls, hidden), inside a link, and which class hints apply to it or an ancestor.
struct NodeFlags: OptionSet, Sendable {
    let rawValue: UInt16

    /// Never read as text: script, style, template, hidden, form controls, embedded objects.
    static let excluded = NodeFlags(rawValue: 1 << 0)
    static let inLink = NodeFlags(rawValue: 1 << 1)
    /// Inside an element hinted as furniture (comments, share bar, related, ads...).
    static let boilerplate = NodeFlags(rawValue: 1 << 2)
    /// Inside `<figure>`, `<figcaption>` or a caption-hinted element.
    static let caption = NodeFlags(rawValue: 1 << 3)
    static let credit = NodeFlags(rawValue: 1 << 4)
    static let byline = NodeFlags(rawValue: 1 << 5)
    /// Inside nav, aside or footer.
    static let furnitureTag = NodeFlags(rawValue: 1 << 6)
    /// Inside an element hinted as the article body (itemprop=articleBody, article-body, entry-content).
    static let articleBody = NodeFlags(rawValue: 1 << 7)
    static let inHeading = NodeFlags(rawValue: 1 << 8)
    static let inHeader = NodeFlags(rawValue: 1 << 9)

    static let alwaysExcluded: HTMLTagSet = [.script, .style, .noscript, .template, .svg, .math, .iframe, .object,
                                             .embed, .canvas, .select, .option, .button, .input, .textarea, .head,
                                             .title, .dialog, .video, .audio, .map, .noembed, .noframes, .frameset,
                                             .applet, .marquee, .meta, .link, .base]

    /// Flags and own class hints of every node of `doc`.
    static func compute(_ doc: HTMLDocument) -> (flags: [NodeFlags], hints: [ClassHints]) {
        let n = doc.nodes.count
        var flags = [NodeFlags](repeating: [], count: n)
        var hints = [ClassHints](repeating: [], count: n)
        doc.bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            for i in 1 ..< n {
                let node = doc.nodes[i]
                var f = flags[Int(node.parent)]
                if node.isText { flags[i] = f; continue }
                let tag = node.tag
                if alwaysExcluded.contains(tag) { f.insert(.excluded) }
                switch tag {
                case .a: f.insert(.inLink)
                case .figure, .figcaption: f.insert(.caption)
                case .nav, .aside, .footer: f.insert(.furnitureTag)
                case .header: f.insert(.inHeader)
                case .h1, .h2, .h3, .h4, .h5, .h6: f.insert(.inHeading)
                case .time, .address: f.insert(.byline)
                default: break
                }
                var h: ClassHints = []
                // Page-wide classes on <html>/<body> ("f_caption_muted_videos_on") say nothing about the text.
                var a = tag == .body || tag == .html ? Int(node.stop) : Int(node.start)
                while a < Int(node.stop) {
                    let attr = doc.attributes[a]
                    let s = Int(attr.valueStart), e = Int(attr.valueEnd)
                    switch attr.name {
                    case .class, .id:
                        h.formUnion(ClassHints.of(base, s, e))
                    case .role:
                        let r = ClassHints.of(base, s, e)
                        h.formUnion(r)
                        if matches(base, s, e, "navigation") || matches(base, s, e, "complementary")
                            || matches(base, s, e, "contentinfo") || matches(base, s, e, "dialog")
                            || matches(base, s, e, "alert") || matches(base, s, e, "banner") {
                            h.insert(.boilerplate)
                        }
                    case .itemprop:
                        if matches(base, s, e, "articlebody") { h.insert(.articleBody) }
                        if matches(base, s, e, "author") || matches(base, s, e, "datepublished") { h.insert(.byline) }
                        if matches(base, s, e, "caption") { h.insert(.caption) }
                    case .hidden:
                        f.insert(.excluded)
                    case .ariaHidden:
                        if matches(base, s, e, "true") { f.insert(.excluded) }
                    case .style:
                        if styleHides(base, s, e) { f.insert(.excluded) }
                    default:
                        break
                    }
                    a += 1
                }
                if !h.isEmpty {
                    hints[i] = h
                    if h.contains(.hidden) { f.insert(.excluded) }
                    if h.contains(.articleBody) { f.insert(.articleBody) }
                    if h.contains(.boilerplate) && !h.contains(.articleBody) && tag != .body && tag != .html {
                        f.insert(.boilerplate)
                    }
                    if h.contains(.caption) { f.insert(.caption) }
                    if h.contains(.credit) { f.insert(.credit) }
                    if h.contains(.byline) && !h.contains(.articleBody) { f.insert(.byline) }
                }
                flags[i] = f
            }
        }
        return (flags, hints)
    }

    /// Whether `base[s..<e]` equals `word` ignoring ASCII case and surrounding space (`word` lowercase).
    static func matches(_ base: UnsafePointer<UInt8>, _ s: Int, _ e: Int, _ word: StaticString) -> Bool {
        var s = s, e = e
        while s < e && base[s] <= 0x20 { s += 1 }
        while e > s && base[e - 1] <= 0x20 { e -= 1 }
        guard e - s == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0 ..< (e - s) {
            var b = base[s + k]
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            if b != w[k] { return false }
        }
        return true
    }

    /// `display:none` or `visibility:hidden` in a style attribute (spaces and case ignored).
    static func styleHides(_ base: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var compact: [UInt8] = []
        compact.reserveCapacity(e - s)
        for k in s ..< e where base[k] > 0x20 {
            var b = base[k]
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            compact.append(b)
        }
        return contains(compact, "display:none") || contains(compact, "visibility:hidden")
    }

    private static func contains(_ hay: [UInt8], _ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard hay.count >= n else { return false }
        let p = needle.utf8Start
        outer: for i in 0 ... hay.count - n {
            for k in 0 ..< n where hay[i + k] != p[k] { continue outer }
            return true
        }
        return false
    }
}
