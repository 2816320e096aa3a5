import NewsLensExtraction
import NewsLensHTML
import NewsLensStore

/// Runs the engine on a submission and names its content: plain text goes to `ArticleAnalyzer` directly,
/// HTML through `HTMLArticleExtractor` first. The content id hashes what the analysis was computed from
/// (the normalised text, or the extracted article of a page), so the same article gets the same id
/// however often it is posted — and a duplicate can be recognised before it is analysed again.
struct SubmissionAnalyzer: Sendable {
    let analyzer: ArticleAnalyzer

    /// A submission ready to analyse, with its content id already known.
    struct Prepared: Sendable {
        let contentID: ContentID
        fileprivate let work: Work

        var isHTML: Bool {
            if case .extracted = work { return true }
            return false
        }
    }

    fileprivate enum Work: Sendable {
        case text(String, url: String?)
        case extracted(ArticleInput)
    }

    /// Normalises text or extracts the page, and hashes the result (cheap next to the analysis). A page in
    /// which no article is found gives an analysis with no paragraphs: that is the answer, not an error.
    func prepare(_ submission: ArticleSubmission) -> Prepared {
        switch submission {
        case .text(let text, let url):
            let normalized = ArticleAnalyzer.normalizedText(of: text)
            return Prepared(contentID: ContentID(normalizedText: normalized), work: .text(text, url: url))
        case .html(let bytes, let url, let charset):
            let input = HTMLArticleExtractor.extract(html: bytes, url: url, transportCharset: charset)
            return Prepared(contentID: ContentID(normalizedText: Self.identityText(of: input)), work: .extracted(input))
        }
    }

    /// Why the engine should not be run on this submission (more quotation marks than any article has),
    /// checked in one linear pass before the analysis.
    func limitViolation(_ prepared: Prepared, limits: AnalysisLimits = .standard) -> AnalysisLimits.Violation? {
        switch prepared.work {
        case .text(let text, _): return limits.check(text: text)
        case .extracted(let input): return limits.check(input)
        }
    }

    /// The analysis, its `id` set to the short content id.
    func analyze(_ prepared: Prepared) -> Analysis {
        var analysis: Analysis
        switch prepared.work {
        case .text(let text, let url):
            analysis = analyzer.analyze(text: text)
            if analysis.article.url == nil, let url { analysis.article.url = url }
        case .extracted(let input):
            analysis = analyzer.analyze(input: input)
        }
        analysis.id = prepared.contentID.prefix()
        return analysis
    }

    /// What identifies an extracted page: its address, headline, body and captions, in a form no plain
    /// text can take (the leading marker line), so a page and a text never share an id by accident.
    static func identityText(of input: ArticleInput) -> String {
        var text = "\u{1}newslens-html\n"
        text += (input.url ?? "") + "\n" + (input.headline ?? "") + "\n"
        text += input.paragraphs.joined(separator: "\n\n")
        for caption in input.captions { text += "\n\u{1}caption " + caption.text }
        return ArticleAnalyzer.normalizedText(of: text)
    }
}
