/// A parsed page: its UTF-8 bytes and a flat tree of nodes in document order. A node's subtree is the
/// contiguous index range `i ..< nodes[i].end`, so walking, skipping and measuring subtrees needs no
/// child lists and no pointers. Node 0 is the document itself.
public struct HTMLDocument: Sendable {
    /// One element or text node.
    public struct Node: Sendable {
        public var tag: HTMLTag
        public var isText: Bool
        /// Text needing character-reference decoding.
        public var hasReference: Bool
        public var depth: UInt16
        public var parent: Int32
        /// Index after the last node of this subtree.
        public var end: Int32
        /// Text: the raw byte range. Element: the range of its attributes in `attributes`.
        public var start: Int32
        public var stop: Int32
    }

    public var bytes: [UInt8]
    public var nodes: [Node]
    public var attributes: [HTMLAttribute]

    /// Parses UTF-8 bytes (see `HTMLCharset` for other encodings).
    public init(utf8 bytes: [UInt8], maximumDepth: Int = HTMLTreeBuilder.defaultMaximumDepth) {
        let stream = HTMLTokenizer.tokenize(bytes)
        self.bytes = bytes
        self.attributes = stream.attributes
        self.nodes = HTMLTreeBuilder.build(stream, maximumDepth: maximumDepth)
    }

    /// Parses bytes in whatever charset they declare (BOM, `transportCharset` label, `<meta>`), UTF-8 by default.
    public init(bytes: [UInt8], transportCharset: String? = nil) {
        let charset = HTMLCharset.detect(bytes, transportLabel: transportCharset)
        self.init(utf8: charset.utf8Bytes(bytes))
    }

    // MARK: attributes

    /// The raw value range of the first attribute `name` of element `node`.
    @inline(__always)
    public func attributeRange(_ node: Int, _ name: HTMLAttributeName) -> Range<Int>? {
        let n = nodes[node]
        guard !n.isText else { return nil }
        var i = Int(n.start)
        let e = Int(n.stop)
        while i < e {
            let a = attributes[i]
            if a.name == name { return Int(a.valueStart) ..< Int(a.valueEnd) }
            i += 1
        }
        return nil
    }

    public func hasAttribute(_ node: Int, _ name: HTMLAttributeName) -> Bool { attributeRange(node, name) != nil }

    /// The decoded, white-space-collapsed value of an attribute.
    public func attribute(_ node: Int, _ name: HTMLAttributeName) -> String? {
        let n = nodes[node]
        guard !n.isText else { return nil }
        for i in Int(n.start) ..< Int(n.stop) where attributes[i].name == name {
            let a = attributes[i]
            var text = CollapsedText(capacity: Int(a.valueEnd - a.valueStart))
            bytes.withUnsafeBufferPointer {
                text.append($0.baseAddress!, Int(a.valueStart), Int(a.valueEnd), references: a.hasReference)
            }
            return text.string
        }
        return nil
    }

    /// Whether the attribute equals `value`, ASCII case-insensitively (`value` given in lowercase).
    public func attribute(_ node: Int, _ name: HTMLAttributeName, equals value: StaticString) -> Bool {
        guard let r = attributeRange(node, name) else { return false }
        return value.withUTF8Buffer { v in
            var lo = r.lowerBound
            var hi = r.upperBound
            while lo < hi && bytes[lo] <= 0x20 { lo += 1 }
            while hi > lo && bytes[hi - 1] <= 0x20 { hi -= 1 }
            guard hi - lo == v.count else { return false }
            for k in 0 ..< v.count where (bytes[lo + k] | (bytes[lo + k] >= 0x41 && bytes[lo + k] <= 0x5A ? 0x20 : 0)) != v[k] {
                return false
            }
            return true
        }
    }

    // MARK: text

    /// All text under `node` (scripts, styles and templates excluded), collapsed.
    public func text(of node: Int) -> String {
        var out = CollapsedText()
        appendText(of: node, to: &out)
        return out.string
    }

    func appendText(of node: Int, to out: inout CollapsedText) {
        bytes.withUnsafeBufferPointer { buf in
            let base = buf.baseAddress!
            var i = node
            let end = Int(nodes[node].end)
            while i < end {
                let n = nodes[i]
                if n.isText {
                    out.append(base, Int(n.start), Int(n.stop), references: n.hasReference)
                    i += 1
                } else if i != node && (n.tag == .script || n.tag == .style || n.tag == .template || n.tag == .noscript) {
                    i = Int(n.end)
                } else {
                    if n.tag.isBlock { out.space() }
                    i += 1
                }
            }
        }
    }

    /// The raw text of a text-only element such as `<script>` (no decoding, no collapsing).
    public func rawText(of node: Int) -> ArraySlice<UInt8> {
        let end = Int(nodes[node].end)
        var i = node + 1
        while i < end {
            if nodes[i].isText { return bytes[Int(nodes[i].start) ..< Int(nodes[i].stop)] }
            i += 1
        }
        return []
    }

    /// Indices of the elements with `tag`, in document order.
    public func elements(_ tag: HTMLTag) -> [Int] {
        var out: [Int] = []
        for i in nodes.indices where !nodes[i].isText && nodes[i].tag == tag { out.append(i) }
        return out
    }
}
