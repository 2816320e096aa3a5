import NewsLensExtraction

/// The entry point of NewsLensHTML: from the bytes of a news page to an `ArticleInput` (metadata, body
/// paragraphs, captions, removed furniture) that the engine analyses like plain text.
///
/// Pipeline: charset → tokens → tree → node flags and class hints → text blocks → content root →
/// body assembly, with metadata read from JSON-LD, meta tags and the document in parallel.
public enum HTMLArticleExtractor {
    /// Extracts the article of a page given as bytes in any charset it declares (UTF-8 by default).
    /// `transportCharset` is the `charset` of an HTTP Content-Type, when there was one.
    public static func extract(html: [UInt8], url: String? = nil, transportCharset: String? = nil) -> ArticleInput {
        extract(document: HTMLDocument(bytes: html, transportCharset: transportCharset), url: url)
    }

    public static func extract(html: String, url: String? = nil) -> ArticleInput {
        extract(document: HTMLDocument(utf8: Array(html.utf8)), url: url)
    }

    public static func extract(document doc: HTMLDocument, url: String? = nil) -> ArticleInput {
        let (flags, hints) = NodeFlags.compute(doc)
        let blocks = BlockSegmenter.segment(doc, flags: flags)
        let meta = PageMetadataReader(doc: doc).read()

        var input = ArticleInput()
        input.headline = meta.headline
        input.authors = meta.authors
        input.datePublished = meta.datePublished
        input.dateModified = meta.dateModified
        input.publisher = meta.publisher
        input.url = meta.canonicalURL ?? url
        input.inLanguage = meta.language

        let finder = ContentRootFinder(doc: doc, flags: flags, hints: hints, blocks: blocks)
        var body = body(finder, strict: true, doc, flags, blocks, meta.headline)
        if body.chars < 250 {
            // Hints can mislead (a body wrapper named "post-comments-enabled"): try again trusting only text.
            let loose = self.body(finder, strict: false, doc, flags, blocks, meta.headline)
            if loose.chars > body.chars { body = loose }
        }
        input.paragraphs = body.paragraphs
        input.captions = body.captions
        input.removedBoilerplate = body.removed
        return input
    }

    private static func body(_ finder: ContentRootFinder, strict: Bool, _ doc: HTMLDocument,
                             _ flags: [NodeFlags], _ blocks: TextBlocks, _ headline: String?) -> BodyAssembler.Body {
        let result = finder.find(strict: strict)
        guard result.score > 0 else { return BodyAssembler.Body() }
        return BodyAssembler(doc: doc, flags: flags, blocks: blocks, root: result.root, strict: strict,
                             headline: headline, contextBad: finder.contextBad(strict: false)).assemble()
    }
}
