/// The article facts a page states in JSON-LD (`<script type="application/ld+json">`), from the first
/// object typed `NewsArticle`, `Article`, `ReportageNewsArticle`, `BlogPosting` or a kin, looked for at the
/// top level, in arrays and in `@graph`.
struct JSONLDArticle: Sendable {
    var headline: String?
    var datePublished: String?
    var dateModified: String?
    var authors: [String] = []
    var publisher: String?
    var url: String?
    var language: String?
    var articleBody: String?

    static let articleTypes: Set<String> = [
        "NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle",
        "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting", "Report",
        "ScholarlyArticle", "TechArticle", "SocialMediaPosting", "AskPublicQuestion", "SatiricalArticle",
    ]

    /// Reads the first article object among `values`; nil when there is none.
    static func read(_ values: [LenientJSON]) -> JSONLDArticle? {
        var queue = values
        var seen = 0
        while !queue.isEmpty && seen < 500 {
            let v = queue.removeFirst()
            seen += 1
            switch v {
            case let .array(items):
                queue.append(contentsOf: items)
            case .object:
                if isArticle(v) { return JSONLDArticle(v) }
                if let graph = v["@graph"] { queue.append(contentsOf: graph.elements) }
                if let main = v["mainEntity"] { queue.append(contentsOf: main.elements) }
            default:
                break
            }
        }
        return nil
    }

    static func isArticle(_ v: LenientJSON) -> Bool {
        guard let type = v["@type"] else { return false }
        return type.elements.contains { $0.string.map { articleTypes.contains($0) } ?? false }
    }

    init(_ v: LenientJSON) {
        headline = Self.text(v["headline"]) ?? Self.text(v["name"])
        datePublished = Self.text(v["datePublished"]) ?? Self.text(v["dateCreated"])
        dateModified = Self.text(v["dateModified"])
        if let a = v["author"] ?? v["creator"] {
            for item in a.elements {
                if let s = Self.text(item) ?? Self.text(item["name"]) {
                    for name in AuthorNames.split(s) where !authors.contains(name) { authors.append(name) }
                }
            }
        }
        if let p = v["publisher"] ?? v["sourceOrganization"] {
            publisher = p.elements.lazy.compactMap { Self.text($0) ?? Self.text($0["name"]) }.first
        }
        url = Self.text(v["url"]) ?? Self.text(v["mainEntityOfPage"]?["@id"]) ?? Self.text(v["mainEntityOfPage"])
        language = Self.text(v["inLanguage"])
        articleBody = Self.text(v["articleBody"])
    }

    /// A non-empty trimmed string value (character references decoded: JSON-LD often carries `&amp;`).
    static func text(_ v: LenientJSON?) -> String? {
        guard let s = v?.string else { return nil }
        var c = CollapsedText(capacity: s.utf8.count)
        var bytes = Array(s.utf8)
        bytes.withUnsafeMutableBufferPointer { c.append(UnsafePointer($0.baseAddress!), 0, $0.count, references: true) }
        return c.isEmpty ? nil : c.string
    }
}

/// Normalises author strings: "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"]; URLs and e-mail
/// addresses are not names.
enum AuthorNames {
    static func split(_ raw: String) -> [String] {
        var s = Substring(raw)
        for lead in ["By ", "by ", "BY ", "Written by ", "Author: ", "Posted by "] where s.hasPrefix(lead) {
            s = s.dropFirst(lead.count)
        }
        guard !s.hasPrefix("http"), !s.contains("@"), !s.contains("/") || s.contains(" ") else { return [] }
        var parts: [String] = []
        var rest = String(s)
        for sep in [" and ", " & ", ", ", ";", " | "] {
            rest = rest.split(separator: Substring(sep)).joined(separator: "\u{1}")
        }
        for p in rest.split(separator: "\u{1}") {
            let name = p.trimmingSpaces
            if !name.isEmpty && name.count <= 80 { parts.append(name) }
        }
        return parts
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var sub = self[...]
        while let f = sub.first, f == " " || f == "\n" || f == "\t" { sub = sub.dropFirst() }
        while let l = sub.last, l == " " || l == "\n" || l == "\t" || l == "," { sub = sub.dropLast() }
        return String(sub)
    }
}
