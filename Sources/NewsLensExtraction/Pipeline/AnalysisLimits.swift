/// Bounds on what one analysis may be asked to do, checked in one linear pass over the bytes before the
/// engine runs. Every stage is linear (see `scaling-bench`), but a body of nothing but quotation marks
/// still means hundreds of thousands of quotes: seconds of work and hundreds of megabytes for an answer
/// nobody can use. Such input gets a clear refusal instead (the API's 422). Real articles are far inside:
/// a long feature has a few hundred quotation marks.
public struct AnalysisLimits: Sendable, Equatable {
    /// Double quotation marks (straight, curly, low-9, guillemets) and opening single curly marks. Closing
    /// single curly marks and straight single marks are left out: they are mostly apostrophes.
    public var maxQuoteMarks: Int

    public init(maxQuoteMarks: Int = 10_000) {
        self.maxQuoteMarks = maxQuoteMarks
    }

    public static let standard = AnalysisLimits()

    /// Why an input is refused, in words a client can act on.
    public struct Violation: Error, Sendable, Equatable, CustomStringConvertible {
        public let limit: Int
        public var description: String {
            "The article has more than \(limit) quotation marks; no news article has that many, and analysing "
                + "them would take too long. Send the article text without the extra marks, or split it."
        }
    }

    /// Checks plain text (what `ArticleAnalyzer.analyze(text:)` would get).
    public func check(text: String) -> Violation? {
        var count = 0
        return scan(text, &count)
    }

    /// Checks an extracted page (headline, paragraphs and captions together).
    public func check(_ input: ArticleInput) -> Violation? {
        var count = 0
        if let headline = input.headline, let violation = scan(headline, &count) { return violation }
        for paragraph in input.paragraphs {
            if let violation = scan(paragraph, &count) { return violation }
        }
        for caption in input.captions {
            if let violation = scan(caption.text, &count) { return violation }
        }
        return nil
    }

    /// Counts marks in the UTF-8 bytes: `"` (22), `«` `»` (C2 AB, C2 BB), and E2 80 followed by
    /// 98 (‘), 9B (‛), 9C (“), 9D (”), 9E („), 9F (‟), B9 (‹), BA (›).
    private func scan(_ text: String, _ count: inout Int) -> Violation? {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x22 {
                count += 1
            } else if previous == 0xC2 {
                if byte == 0xAB || byte == 0xBB { count += 1 }
            } else if previous == 0x80 && beforePrevious == 0xE2 {
                switch byte {
                case 0x98, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F, 0xB9, 0xBA: count += 1
                default: break
                }
            }
            if count > maxQuoteMarks { return Violation(limit: maxQuoteMarks) }
            beforePrevious = previous
            previous = byte
        }
        return nil
    }
}
