import FuzzAnalysisChecks
import FuzzSupport
import NewsLensExtraction

// Plain-text article analysis (`ArticleAnalyzer.analyze(text:)`, what `POST /v1/analyze {"text": ...}` runs).
// The input's bytes are decoded as UTF-8 with replacement, as the API does after JSON decoding.
// Invariants: see `AnalysisInvariants` (spans inside paragraphs, source offsets inside the input, ASCII spans
// equal to the source); normalisation is idempotent (resubmitting the normalised text gives the same id).

let analyzer = ArticleAnalyzer()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let (analysis, normalized) = analyzer.analyzeDetailed(text: text)
    AnalysisInvariants.check(analysis, source: Array(text.unicodeScalars))
    require(ArticleAnalyzer.normalizedText(of: text).unicodeScalars.elementsEqual(normalized.unicodeScalars), "normalizedText(of:) disagrees with the analysis")
    require(ArticleAnalyzer.normalizedText(of: normalized).unicodeScalars.elementsEqual(normalized.unicodeScalars), "normalising twice changes the text")
    for paragraph in analysis.article.paragraphs {
        require(!paragraph.isEmpty, "empty paragraph")
    }
    return 0
}
