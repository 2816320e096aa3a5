import FuzzAnalysisChecks
import FuzzSupport
import NewsLensExtraction
import NewsLensHTML

// HTML pages: tokenizer, tree builder, charset decoding, article extraction (`HTMLArticleExtractor`), and the
// engine's analysis of the extracted input — what `POST /v1/analyze {"html": ...}` runs.
// Invariants: token, attribute and node ranges lie inside the buffers they index; the tree is well nested
// (parent before child, subtrees inside their parent's); extracted text holds no NUL; the analysis of the
// extracted article passes `AnalysisInvariants` and carries no source offsets.

let analyzer = ArticleAnalyzer()
/// Transport charsets the API may pass from a Content-Type (the first input byte picks one).
let transportLabels: [String?] = [nil, nil, "utf-8", "windows-1252", "utf-16le", "iso-8859-1", "bogus-label"]

func checkTokens(_ stream: HTMLTokenStream, size: Int) {
    var previousEnd: Int32 = 0
    for token in stream.tokens {
        require(token.start >= previousEnd && token.start <= token.end && Int(token.end) <= size,
                "token \(token.kind) \(token.start)..<\(token.end) (previous ended at \(previousEnd), input \(size))")
        previousEnd = token.end
        require(token.attributeStart >= 0 && token.attributeCount >= 0
                && Int(token.attributeStart) + Int(token.attributeCount) <= stream.attributes.count,
                "token attributes \(token.attributeStart)+\(token.attributeCount) of \(stream.attributes.count)")
    }
    for attribute in stream.attributes {
        require(attribute.valueStart >= 0 && attribute.valueStart <= attribute.valueEnd && Int(attribute.valueEnd) <= size,
                "attribute value \(attribute.valueStart)..<\(attribute.valueEnd) outside the input")
    }
}

func checkTree(_ doc: HTMLDocument) {
    let nodes = doc.nodes
    require(!nodes.isEmpty && Int(nodes[0].end) == nodes.count, "node 0 does not span the document")
    var textBudget = 64
    for i in 1..<nodes.count {
        let n = nodes[i]
        let parent = Int(n.parent)
        require(parent >= 0 && parent < i, "node \(i) has parent \(parent)")
        require(Int(n.end) > i && n.end <= nodes[parent].end, "node \(i) ends at \(n.end), parent at \(nodes[parent].end)")
        require(Int(n.depth) == Int(nodes[parent].depth) + 1, "node \(i) at depth \(n.depth), parent at \(nodes[parent].depth)")
        if n.isText {
            require(Int(n.end) == i + 1, "text node \(i) has children")
            require(n.start >= 0 && n.start <= n.stop && Int(n.stop) <= doc.bytes.count, "text node \(i) range")
            if textBudget > 0 {
                textBudget -= 1
                require(!doc.text(of: i).unicodeScalars.contains("\0"), "NUL in the text of node \(i)")
            }
        } else {
            require(n.start >= 0 && n.start <= n.stop && Int(n.stop) <= doc.attributes.count, "element \(i) attributes")
        }
    }
    for attribute in doc.attributes {
        require(attribute.valueStart >= 0 && attribute.valueStart <= attribute.valueEnd
                && Int(attribute.valueEnd) <= doc.bytes.count, "attribute value outside the document")
    }
}

func checkText(_ text: String?, _ what: String) {
    guard let text else { return }
    require(!text.unicodeScalars.contains("\0"), "NUL in \(what)")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    checkTokens(HTMLTokenizer.tokenize(bytes), size: size)

    let label = size > 0 ? transportLabels[Int(bytes[0]) % transportLabels.count] : nil
    let doc = HTMLDocument(bytes: bytes, transportCharset: label)
    checkTree(doc)

    let input = HTMLArticleExtractor.extract(document: doc, url: "https://news.example/2024/05/story")
    for (i, paragraph) in input.paragraphs.enumerated() {
        require(!paragraph.isEmpty, "paragraph \(i) is empty")
        checkText(paragraph, "paragraph \(i)")
    }
    for (i, caption) in input.captions.enumerated() {
        checkText(caption.text, "caption \(i)")
        checkText(caption.credit, "credit of caption \(i)")
    }
    checkText(input.headline, "headline")
    for author in input.authors { checkText(author, "author") }
    for line in input.removedBoilerplate { checkText(line, "removed boilerplate") }

    let analysis = analyzer.analyze(input: input)
    AnalysisInvariants.check(analysis, source: nil)
    return 0
}
