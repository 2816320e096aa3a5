/// Builds the node tree from tokens the way browsers recover from broken markup, simplified to what
/// reading text needs (HTML §13.2.6 "in body" rules): void elements, implied end tags (`<p>`, `<li>`,
/// `<dt>`/`<dd>`, table rows and cells, `<option>`, headings), end tags without a matching open element
/// ignored, misnested end tags closing what they enclose, `</br>` read as `<br>`, and a depth limit beyond
/// which new elements become empty leaves so that deeply nested input costs linear time.
public enum HTMLTreeBuilder {
    public static let defaultMaximumDepth = 512

    private struct Open {
        var node: Int32
        var tag: HTMLTag
        var name: HTMLNameKey
    }

    public static func build(_ stream: HTMLTokenStream, maximumDepth: Int = defaultMaximumDepth) -> [HTMLDocument.Node] {
        var b = Builder(maximumDepth: max(2, maximumDepth))
        b.nodes.reserveCapacity(stream.tokens.count + 1)
        for token in stream.tokens {
            switch token.kind {
            case .text: b.text(token)
            case .startTag: b.start(token)
            case .endTag: b.end(token)
            }
        }
        b.closeAll()
        return b.nodes
    }

    private struct Builder {
        var nodes: [HTMLDocument.Node] = []
        var stack: [Open] = []
        var openCount = [Int](repeating: 0, count: 256)
        var seenHTML = false, seenHead = false, seenBody = false
        let maximumDepth: Int

        init(maximumDepth: Int) {
            self.maximumDepth = maximumDepth
            nodes.append(HTMLDocument.Node(tag: .other, isText: false, hasReference: false, depth: 0, parent: -1,
                                           end: 0, start: 0, stop: 0))
            stack.append(Open(node: 0, tag: .other, name: HTMLNameKey(low: 0, high: 0)))
        }

        var top: Open { stack[stack.count - 1] }

        mutating func text(_ t: HTMLToken) {
            nodes.append(HTMLDocument.Node(tag: .other, isText: true, hasReference: t.hasReference,
                                           depth: UInt16(min(stack.count, Int(UInt16.max))),
                                           parent: top.node, end: Int32(nodes.count + 1), start: t.start, stop: t.end))
        }

        mutating func start(_ t: HTMLToken) {
            let tag = t.tag
            switch tag {
            case .html:
                if seenHTML { return }
                seenHTML = true
            case .head:
                if seenHead || seenBody { return }
                seenHead = true
            case .body:
                if seenBody { return }
                seenBody = true
                closeHead()
            case .title, .meta, .link, .base, .style, .script, .noscript, .template:
                break
            default:
                closeHead()
            }
            if tag.closesParagraph && openCount[Int(HTMLTag.p.rawValue)] > 0 { closeInScope(.p) }
            switch tag {
            case .li: closeListItem([.li], boundaries: [.ul, .ol, .menu])
            case .dt, .dd: closeListItem([.dt, .dd], boundaries: [.dl])
            case .h1, .h2, .h3, .h4, .h5, .h6: if top.tag.isHeading { pop(to: stack.count - 1) }
            case .option: if top.tag == .option { pop(to: stack.count - 1) }
            case .optgroup: while top.tag == .option || top.tag == .optgroup { pop(to: stack.count - 1) }
            case .tr: closeTablePart([.tr, .td, .th])
            case .td, .th: closeTablePart([.td, .th], stopAt: .tr)
            case .thead, .tbody, .tfoot: closeTablePart([.tr, .td, .th, .thead, .tbody, .tfoot])
            case .a: if openCount[Int(HTMLTag.a.rawValue)] > 0 { closeInScope(.a) }
            case .button: if openCount[Int(HTMLTag.button.rawValue)] > 0 { closeInScope(.button) }
            case .form: if openCount[Int(HTMLTag.form.rawValue)] > 0 { return } // no nested forms
            default: break
            }
            let index = Int32(nodes.count)
            let inForeign = openCount[Int(HTMLTag.svg.rawValue)] > 0 || openCount[Int(HTMLTag.math.rawValue)] > 0
            let leaf = tag.isVoid || (t.selfClosing && (inForeign || tag == .svg || tag == .math))
                || stack.count >= maximumDepth
            nodes.append(HTMLDocument.Node(tag: tag, isText: false, hasReference: false,
                                           depth: UInt16(min(stack.count, Int(UInt16.max))), parent: top.node,
                                           end: index + 1, start: t.attributeStart,
                                           stop: t.attributeStart + t.attributeCount))
            if !leaf {
                stack.append(Open(node: index, tag: tag, name: t.name))
                openCount[Int(tag.rawValue)] += 1
            }
        }

        mutating func end(_ t: HTMLToken) {
            let tag = t.tag
            switch tag {
            case .br:
                var br = t
                br.kind = .startTag
                br.attributeCount = 0
                start(br)
                return
            case .html, .body:
                return // kept open so that content after them still has a place
            case .head:
                closeHead()
                return
            case .p:
                if openCount[Int(HTMLTag.p.rawValue)] > 0 { closeInScope(.p) }
                return
            default:
                break
            }
            if tag != .other && openCount[Int(tag.rawValue)] == 0 { return }
            var i = stack.count - 1
            let boundary = !Self.scopeBoundary.contains(tag)
            while i > 0 {
                let o = stack[i]
                if o.tag == tag && (tag != .other || o.name == t.name) {
                    pop(to: i)
                    return
                }
                if boundary && Self.scopeBoundary.contains(o.tag) { return }
                i -= 1
            }
        }

        static let scopeBoundary: HTMLTagSet = [.table, .td, .th, .caption, .template, .html, .object, .applet,
                                                  .marquee, .body]

        mutating func closeHead() {
            guard openCount[Int(HTMLTag.head.rawValue)] > 0 else { return }
            if let i = stack.lastIndex(where: { $0.tag == .head }) { pop(to: i) }
        }

        /// Closes the innermost open `tag` unless a scope boundary comes first.
        mutating func closeInScope(_ tag: HTMLTag) {
            var i = stack.count - 1
            while i > 0 {
                let o = stack[i]
                if o.tag == tag { pop(to: i); return }
                if Self.scopeBoundary.contains(o.tag) || o.tag == .button { return }
                i -= 1
            }
        }

        mutating func closeListItem(_ items: HTMLTagSet, boundaries: HTMLTagSet) {
            var i = stack.count - 1
            while i > 0 {
                let o = stack[i]
                if items.contains(o.tag) { pop(to: i); return }
                if boundaries.contains(o.tag) || Self.scopeBoundary.contains(o.tag) || Self.sectioning.contains(o.tag) {
                    return
                }
                i -= 1
            }
        }

        static let sectioning: HTMLTagSet = [.article, .section, .nav, .aside, .header, .footer, .main,
                                               .blockquote, .figure, .form, .dl, .ul, .ol, .menu]

        mutating func closeTablePart(_ parts: HTMLTagSet, stopAt: HTMLTag? = nil) {
            var i = stack.count - 1
            var target = -1
            while i > 0 {
                let o = stack[i]
                if o.tag == .table || o.tag == .template || o.tag == stopAt { break }
                if parts.contains(o.tag) { target = i }
                i -= 1
            }
            if target > 0 { pop(to: target) }
        }

        /// Pops `stack[index...]`, closing each element's subtree at the current end of the node list.
        mutating func pop(to index: Int) {
            let end = Int32(nodes.count)
            while stack.count > index {
                let o = stack.removeLast()
                nodes[Int(o.node)].end = end
                openCount[Int(o.tag.rawValue)] -= 1
            }
        }

        mutating func closeAll() {
            pop(to: 1)
            nodes[0].end = Int32(nodes.count)
        }
    }
}
