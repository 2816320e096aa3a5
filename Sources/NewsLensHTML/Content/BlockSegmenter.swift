/// Cuts the visible text of a page into `TextBlock`s at block-level elements and at `<br><br>`, in one
/// forward walk over the flat tree (subtree ends are kept on a small stack, so closing a block costs O(1)).
/// Excluded subtrees (scripts, hidden elements, form controls) are skipped whole.
struct BlockSegmenter {
    let doc: HTMLDocument
    let flags: [NodeFlags]

    private var out = TextBlocks()
    private var current = CollapsedText(capacity: 1024)
    private var credit = CollapsedText(capacity: 128)
    private var block = TextBlock(kind: .paragraph, owner: 0, textStart: 0, textEnd: 0)
    private var started = false
    private var breaks = 0

    init(doc: HTMLDocument, flags: [NodeFlags]) {
        self.doc = doc
        self.flags = flags
        out.arena.reserveCapacity(doc.bytes.count / 4)
    }

    static func segment(_ doc: HTMLDocument, flags: [NodeFlags]) -> TextBlocks {
        var s = BlockSegmenter(doc: doc, flags: flags)
        s.run()
        return s.out
    }

    private mutating func run() {
        var openBlocks: [(end: Int32, node: Int32)] = []
        let nodes = doc.nodes
        doc.bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            var i = 1
            let n = nodes.count
            while i < n {
                while let top = openBlocks.last, top.end <= Int32(i) {
                    openBlocks.removeLast()
                    finish()
                }
                let node = nodes[i]
                let f = flags[i]
                if f.contains(.excluded) {
                    i = node.isText ? i + 1 : Int(node.end)
                    continue
                }
                if node.isText {
                    appendText(base, node, f, owner: openBlocks.last?.node ?? 0)
                    i += 1
                    continue
                }
                switch node.tag {
                case .br:
                    breaks += 1
                    if breaks >= 2 { finish() } else { current.space() }
                case .img, .hr:
                    current.space()
                default:
                    if node.tag.isBlock {
                        finish()
                        if node.end > Int32(i + 1) { openBlocks.append((node.end, Int32(i))) }
                    } else if node.tag == .td || node.tag == .th || node.tag == .li {
                        finish()
                    }
                }
                i += 1
            }
        }
        finish()
    }

    private mutating func appendText(_ base: UnsafePointer<UInt8>, _ node: HTMLDocument.Node, _ f: NodeFlags,
                                     owner: Int32) {
        let before = current.bytes.count
        let wasEmpty = current.isEmpty
        current.append(base, Int(node.start), Int(node.stop), references: node.hasReference)
        let after = current.bytes.count
        guard after > before else { return }
        if wasEmpty {
            started = true
            block = TextBlock(kind: kind(of: owner), owner: owner, textStart: 0, textEnd: 0)
            if f.contains(.inHeading) { block.kind = .heading }
        }
        breaks = 0
        // Measure only what this node added.
        var chars: Int32 = 0, words: Int32 = 0, commas: Int16 = 0, ends: Int16 = 0
        var inWord = false
        let bytes = current.bytes
        var k = before
        while k < after {
            let b = bytes[k]
            if b == 0x20 {
                inWord = false
            } else {
                if b & 0xC0 != 0x80 { chars += 1 }
                if !inWord { words += 1; inWord = true }
                if b == UInt8(ascii: ",") { commas &+= 1 }
                else if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") {
                    if k + 1 == after || bytes[k + 1] == 0x20 { ends &+= 1 }
                }
            }
            k += 1
        }
        block.chars += chars
        block.words += words
        block.commas &+= commas
        if !f.contains(.inLink) { block.sentenceEnds &+= ends } // headlines in links are not prose
        if f.contains(.inLink) { block.linkChars += chars }
        if f.contains(.boilerplate) { block.boilerplateChars += chars }
        if f.contains(.caption) { block.captionChars += chars }
        if f.contains(.byline) { block.bylineChars += chars }
        if f.contains(.furnitureTag) { block.furnitureChars += chars }
        if f.contains(.inHeader) { block.headerChars += chars }
        if f.contains(.articleBody) { block.namedBodyChars += chars }
        if f.contains(.credit) {
            credit.space()
            credit.append(base, Int(node.start), Int(node.stop), references: node.hasReference)
        }
    }

    private func kind(of owner: Int32) -> TextBlock.Kind {
        switch doc.nodes[Int(owner)].tag {
        case .h1, .h2, .h3, .h4, .h5, .h6: return .heading
        case .li, .dd, .dt: return .listItem
        case .pre: return .preformatted
        case .td, .th: return .cell
        case .figcaption, .caption: return .caption
        default: return .paragraph
        }
    }

    private mutating func finish() {
        breaks = 0
        guard started, !current.isEmpty else {
            current.removeAll()
            credit.removeAll()
            started = false
            return
        }
        block.textStart = Int32(out.arena.count)
        out.arena.append(contentsOf: current.bytes)
        block.textEnd = Int32(out.arena.count)
        if !credit.isEmpty {
            block.creditStart = Int32(out.arena.count)
            out.arena.append(contentsOf: credit.bytes)
            block.creditEnd = Int32(out.arena.count)
        }
        out.blocks.append(block)
        current.removeAll()
        credit.removeAll()
        started = false
    }
}
