/// What an element's `class`/`id`/`role`/`itemprop` say about it, matched as substrings (as readability
/// does: `rightSidebarWidget` hints "sidebar"), with a two-byte prefilter so the scan stays linear and
/// cheap. Hints are evidence for scoring, never site-specific rules.
public struct ClassHints: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Furniture: comments, share bars, related/most-read lists, ads, newsletters, cookie notices, menus.
    public static let boilerplate = ClassHints(rawValue: 1 << 0)
    /// Generic content words: article, content, story, post, entry, text, body, main.
    public static let content = ClassHints(rawValue: 1 << 1)
    /// Names that mean the article body itself: article-body, story-body, entry-content, articleBody.
    public static let articleBody = ClassHints(rawValue: 1 << 2)
    /// Photo captions (`wp-caption-text`, `image-caption`).
    public static let caption = ClassHints(rawValue: 1 << 3)
    /// Photo credits (`credit`, `copyright`, `photographer`).
    public static let credit = ClassHints(rawValue: 1 << 4)
    /// Bylines, datelines, timestamps and other article meta lines.
    public static let byline = ClassHints(rawValue: 1 << 5)
    /// Hidden by name (`visually-hidden`, `sr-only`, `screen-reader`).
    public static let hidden = ClassHints(rawValue: 1 << 6)

    static let patterns: [(String, ClassHints)] = [
        // boilerplate
        ("comment", .boilerplate), ("disqus", .boilerplate), ("share", .boilerplate), ("sharing", .boilerplate),
        ("social", .boilerplate), ("related", .boilerplate), ("recommend", .boilerplate),
        ("sidebar", .boilerplate), ("side-bar", .boilerplate), ("widget", .boilerplate), ("promo", .boilerplate),
        ("sponsor", .boilerplate), ("advert", .boilerplate), ("-ad-", .boilerplate), ("_ad_", .boilerplate),
        ("ad-slot", .boilerplate), ("adslot", .boilerplate), ("ad-container", .boilerplate),
        ("ad-wrapper", .boilerplate), ("adwrapper", .boilerplate), ("adunit", .boilerplate),
        ("ad-unit", .boilerplate), ("dfp", .boilerplate), ("gpt-ad", .boilerplate),
        ("newsletter", .boilerplate), ("subscribe", .boilerplate), ("subscription", .boilerplate),
        ("signup", .boilerplate), ("sign-up", .boilerplate), ("cookie", .boilerplate), ("consent", .boilerplate),
        ("gdpr", .boilerplate), ("popup", .boilerplate), ("modal", .boilerplate), ("breadcrumb", .boilerplate),
        ("pagination", .boilerplate), ("pager", .boilerplate), ("footer", .boilerplate), ("masthead", .boilerplate),
        ("navbar", .boilerplate), ("navigation", .boilerplate), ("menu", .boilerplate), ("toolbar", .boilerplate),
        ("tags", .boilerplate), ("taglist", .boilerplate), ("tag-list", .boilerplate), ("keywords", .boilerplate),
        ("author-bio", .boilerplate), ("authorbio", .boilerplate), ("about-author", .boilerplate),
        ("author-info", .boilerplate), ("most-read", .boilerplate), ("mostread", .boilerplate),
        ("most-popular", .boilerplate), ("mostpopular", .boilerplate), ("popular", .boilerplate),
        ("trending", .boilerplate), ("outbrain", .boilerplate), ("taboola", .boilerplate),
        ("zergnet", .boilerplate), ("read-more", .boilerplate), ("readmore", .boilerplate),
        ("more-stories", .boilerplate), ("morestories", .boilerplate), ("more-from", .boilerplate),
        ("also-read", .boilerplate), ("next-article", .boilerplate), ("carousel", .boilerplate),
        ("slideshow", .boilerplate), ("login", .boilerplate), ("skip-link", .boilerplate),
        ("banner", .boilerplate), ("disclaimer", .boilerplate), ("rating", .boilerplate),
        ("onward", .boilerplate), ("teaser", .boilerplate), ("newsfeed", .boilerplate),
        ("complementary", .boilerplate), ("contentinfo", .boilerplate), ("inline-links", .boilerplate),
        ("donate", .boilerplate), ("feedback", .boilerplate),
        // content
        ("article", .content), ("content", .content), ("story", .content), ("post", .content),
        ("entry", .content), ("text", .content), ("body", .content), ("main", .content), ("blog", .content),
        ("prose", .content),
        // article body
        ("articlebody", .articleBody), ("article-body", .articleBody), ("article__body", .articleBody),
        ("article_body", .articleBody), ("story-body", .articleBody), ("storybody", .articleBody),
        ("story__body", .articleBody), ("post-body", .articleBody), ("postbody", .articleBody),
        ("entry-content", .articleBody), ("post-content", .articleBody), ("article-content", .articleBody),
        ("articlecontent", .articleBody), ("article-text", .articleBody), ("articletext", .articleBody),
        ("story-content", .articleBody), ("story-text", .articleBody), ("body-text", .articleBody),
        ("bodytext", .articleBody), ("content-body", .articleBody), ("rich-text", .articleBody),
        ("richtext", .articleBody), ("article__content", .articleBody), ("post__content", .articleBody),
        ("entry__content", .articleBody), ("article-copy", .articleBody), ("body-copy", .articleBody),
        // captions, credits, bylines
        ("caption", .caption), ("credit", .credit), ("copyright", .credit), ("photographer", .credit),
        ("byline", .byline), ("author", .byline), ("dateline", .byline), ("timestamp", .byline),
        ("published", .byline), ("pubdate", .byline), ("posted-on", .byline), ("article-meta", .byline),
        ("post-meta", .byline), ("entry-meta", .byline), ("meta-data", .byline), ("metadata", .byline),
        // hidden
        ("sr-only", .hidden), ("screen-reader", .hidden), ("screenreader", .hidden),
        ("visually-hidden", .hidden), ("rollover", .hidden), ("tooltip", .hidden), ("popover", .hidden),
        ("hovercard", .hidden), ("visuallyhidden", .hidden), ("offscreen", .hidden),
    ]

    private static let matcher = SubstringMatcher(patterns.map { (Array($0.0.utf8), $0.1.rawValue) })

    /// The hints of an attribute value (raw bytes, matched case-insensitively), token by token. Tokens
    /// that name the post's taxonomy (WordPress's `category-promotions`, `tag-comments`) are skipped: they
    /// say what the story is about, not what the element is.
    public static func of(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> ClassHints {
        var flags: UInt16 = 0
        var i = start
        while i < end {
            while i < end && base[i] <= 0x20 { i += 1 }
            let tokenStart = i
            while i < end && base[i] > 0x20 { i += 1 }
            if i > tokenStart && !isTaxonomy(base, tokenStart, i) {
                flags |= matcher.match(base, tokenStart, i)
            }
        }
        return ClassHints(rawValue: flags)
    }

    private static func contains(_ base: UnsafePointer<UInt8>, _ s: Int, _ e: Int, _ p: StaticString) -> Bool {
        let n = p.utf8CodeUnitCount
        guard e - s >= n else { return false }
        var i = s
        while i + n <= e {
            var k = 0
            while k < n && base[i + k] | 0x20 == p.utf8Start[k] | 0x20 { k += 1 }
            if k == n { return true }
            i += 1
        }
        return false
    }

    private static func isTaxonomy(_ base: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        func starts(_ p: StaticString) -> Bool {
            let n = p.utf8CodeUnitCount
            guard e - s > n else { return false }
            for k in 0 ..< n where base[s + k] | 0x20 != p.utf8Start[k] | 0x20 { return false }
            return true
        }
        // Layout descriptors: an element "with-sidebar" or "has-comments" holds the article, it is not furniture.
        return starts("category-") || starts("tag-") || starts("tags-") || starts("topic-") || starts("section-")
            || starts("has-") || starts("no-") || starts("with-") || contains(base, s, e, "-with-")
            || contains(base, s, e, "-has-")
    }

    public static func of(_ s: String) -> ClassHints {
        var bytes = Array(s.utf8)
        return bytes.withUnsafeMutableBufferPointer { of(UnsafePointer($0.baseAddress!), 0, $0.count) }
    }
}

/// Finds which of a fixed set of lowercase patterns occur in a text, ORing their flags: each position is
/// first tested against a 64 Ki-entry table of two-byte pattern prefixes, so most positions cost one load.
struct SubstringMatcher: Sendable {
    private let patterns: [([UInt8], UInt16)]
    /// Per two-byte prefix: 0 for none, else 1 + index into `buckets`.
    private let prefixTable: [UInt16]
    private let buckets: [[Int]]

    init(_ patterns: [([UInt8], UInt16)]) {
        self.patterns = patterns
        var table = [UInt16](repeating: 0, count: 65536)
        var buckets: [[Int]] = []
        for (i, p) in patterns.enumerated() where p.0.count >= 2 {
            let key = Int(p.0[0]) << 8 | Int(p.0[1])
            if table[key] == 0 {
                buckets.append([])
                table[key] = UInt16(buckets.count)
            }
            buckets[Int(table[key]) - 1].append(i)
        }
        prefixTable = table
        self.buckets = buckets
    }

    @inline(__always) private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    func match(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> UInt16 {
        var flags: UInt16 = 0
        var i = start
        while i + 1 < end {
            let key = Int(Self.lower(base[i])) << 8 | Int(Self.lower(base[i + 1]))
            let slot = prefixTable[key]
            if slot != 0 {
                for pi in buckets[Int(slot) - 1] {
                    let (p, f) = patterns[pi]
                    if flags & f == f || i + p.count > end { continue }
                    var k = 2
                    while k < p.count && Self.lower(base[i + k]) == p[k] { k += 1 }
                    if k == p.count { flags |= f }
                }
            }
            i += 1
        }
        return flags
    }
}
