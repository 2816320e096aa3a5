import Testing
@testable import NewsLensHTML

/// Renders a tree as nested tags for compact assertions: "div(p(#Hi) p(#there))".
func shape(_ html: String, maximumDepth: Int = HTMLTreeBuilder.defaultMaximumDepth) -> String {
    let doc = HTMLDocument(utf8: Array(html.utf8), maximumDepth: maximumDepth)
    func render(_ i: Int) -> String {
        let n = doc.nodes[i]
        if n.isText { return "#" + String(decoding: doc.bytes[Int(n.start) ..< Int(n.stop)], as: UTF8.self) }
        var children: [String] = []
        var j = i + 1
        while j < Int(n.end) {
            children.append(render(j))
            j = Int(doc.nodes[j].end)
        }
        let name = i == 0 ? "doc" : n.tag.name
        return children.isEmpty ? name : "\(name)(\(children.joined(separator: " ")))"
    }
    return render(0)
}

@Suite struct HTMLTreeBuilderTests {
    @Test func nestsElementsAndText() {
        #expect(shape("<div><p>Hi</p><p>there</p></div>") == "doc(div(p(#Hi) p(#there)))")
    }

    @Test func paragraphIsClosedByBlockStartTags() {
        #expect(shape("<p>one<p>two<div>three</div>") == "doc(p(#one) p(#two) div(#three))")
    }

    @Test func listItemsAndCellsCloseImplicitly() {
        #expect(shape("<ul><li>a<li>b</ul>") == "doc(ul(li(#a) li(#b)))")
        #expect(shape("<table><tr><td>a<td>b<tr><td>c</table>") == "doc(table(tr(td(#a) td(#b)) tr(td(#c))))")
        #expect(shape("<dl><dt>t<dd>d<dt>u</dl>") == "doc(dl(dt(#t) dd(#d) dt(#u)))")
    }

    @Test func voidElementsHaveNoChildren() {
        #expect(shape("<p>a<br>b<img src=x>c</p>") == "doc(p(#a br #b img #c))")
    }

    @Test func strayEndTagsAreIgnored() {
        #expect(shape("<div>a</span></p>b</div>") == "doc(div(#a #b))")
    }

    @Test func misnestedEndTagClosesWhatItEncloses() {
        #expect(shape("<b><i>x</b>y</i>") == "doc(b(i(#x)) #y)")
    }

    @Test func endBrIsReadAsBr() {
        #expect(shape("a</br>b") == "doc(#a br #b)")
    }

    @Test func divEndTagDoesNotCrossATableCell() {
        #expect(shape("<div><table><tr><td>x</div>y</td></tr></table>z</div>") == "doc(div(table(tr(td(#x #y))) #z))")
    }

    @Test func unknownElementsMatchTheirOwnEndTags() {
        #expect(shape("<my-card><x-a>1</x-a>2</my-card>3") == "doc(other(other(#1) #2) #3)")
    }

    @Test func unclosedElementsAreClosedAtTheEnd() {
        #expect(shape("<div><p>open") == "doc(div(p(#open)))")
    }

    @Test func depthLimitFlattensDeepNesting() {
        let deep = String(repeating: "<div>", count: 100_000) + "x" + String(repeating: "</div>", count: 100_000)
        let doc = HTMLDocument(utf8: Array(deep.utf8), maximumDepth: 64)
        #expect(doc.nodes.map(\.depth).max()! <= 64)
        #expect(doc.nodes.count == 100_002)
        #expect(doc.text(of: 0) == "x")
    }

    @Test func selfClosingSlashOnlyCountsInForeignContent() {
        #expect(shape("<div/>a") == "doc(div(#a))")
        #expect(shape("<svg><path/></svg>a") == "doc(svg(other) #a)")
    }

    @Test func bodyClosesAnOpenHead() {
        #expect(shape("<html><head><title>t</title><body><p>x") == "doc(html(head(title(#t)) body(p(#x))))")
    }
}

