/// Reads an article's metadata from a page, most reliable source first: JSON-LD, then Open Graph and
/// `article:*` meta tags, `<meta name="author">` and kin, `<time datetime>`, `<link rel="canonical">`,
/// and last the `<title>` without its site suffix or the first `<h1>`.
struct PageMetadataReader {
    let doc: HTMLDocument

    struct Metadata: Sendable {
        var headline: String?
        var authors: [String] = []
        var datePublished: String?
        var dateModified: String?
        var publisher: String?
        var canonicalURL: String?
        var language: String?
        var articleBody: String?
    }

    private func first(_ metas: [String: String], _ keys: [String]) -> String? {
        for k in keys { if let v = metas[k] { return v } }
        return nil
    }

    func read() -> Metadata {
        var ld: JSONLDArticle?
        var metas: [String: String] = [:]
        var title: String?
        var firstH1: String?
        var firstTime: String?
        var canonical: String?
        var relAuthors: [String] = []
        var lang: String?

        for i in 1 ..< doc.nodes.count {
            let node = doc.nodes[i]
            if node.isText { continue }
            switch node.tag {
            case .html:
                if lang == nil { lang = doc.attribute(i, .lang) }
            case .meta:
                let key = (doc.attribute(i, .property) ?? doc.attribute(i, .name) ?? doc.attribute(i, .itemprop))?
                    .lowercased()
                if let key, let content = doc.attribute(i, .content), !content.isEmpty, metas[key] == nil {
                    metas[key] = content
                }
            case .link:
                if doc.attribute(i, .rel, equals: "canonical"), canonical == nil { canonical = doc.attribute(i, .href) }
            case .title:
                if title == nil { title = doc.text(of: i) }
            case .h1:
                if firstH1 == nil { let t = doc.text(of: i); if !t.isEmpty { firstH1 = t } }
            case .time:
                if firstTime == nil { firstTime = doc.attribute(i, .datetime).flatMap { $0.isEmpty ? nil : $0 } }
            case .a:
                if doc.attribute(i, .rel, equals: "author"), relAuthors.count < 5 {
                    let t = doc.text(of: i)
                    if !t.isEmpty && t.count < 60 && !relAuthors.contains(t) { relAuthors.append(t) }
                }
            case .script:
                if ld == nil, doc.attribute(i, .type, equals: "application/ld+json") {
                    ld = JSONLDArticle.read(LenientJSON.parseAll(doc.rawText(of: i)))
                }
            default:
                break
            }
        }

        var m = Metadata()
        let siteName = metas["og:site_name"] ?? metas["application-name"]
        let cleanTitle = title.map { TitleCleaner.clean($0, siteName: siteName, h1: firstH1) }
        m.headline = ld?.headline ?? first(metas, ["og:title", "twitter:title"]) ?? cleanTitle ?? firstH1
        if let h = m.headline, let h1 = firstH1, h != h1, TitleCleaner.normalized(h).hasPrefix(TitleCleaner.normalized(h1)) {
            m.headline = h1 // og:title often carries the site suffix that the h1 lacks
        }
        if m.headline?.isEmpty == true { m.headline = nil }
        m.datePublished = ld?.datePublished ?? first(metas, ["article:published_time", "datepublished", "pubdate",
            "publish-date", "date", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date"]) ?? firstTime
        m.dateModified = ld?.dateModified
            ?? first(metas, ["article:modified_time", "og:updated_time", "datemodified", "dcterms.modified"])
        if let a = ld?.authors, !a.isEmpty {
            m.authors = a
        } else if let a = first(metas, ["author", "article:author", "byl", "sailthru.author", "parsely-author",
                                        "dc.creator"]), !AuthorNames.split(a).isEmpty {
            m.authors = AuthorNames.split(a)
        } else {
            m.authors = relAuthors.flatMap { AuthorNames.split($0) }
        }
        let articlePublisher = metas["article:publisher"].flatMap { $0.hasPrefix("http") ? nil : $0 }
        m.publisher = ld?.publisher ?? siteName ?? metas["publisher"] ?? articlePublisher
        m.canonicalURL = canonical.flatMap { $0.hasPrefix("http") ? $0 : nil } ?? metas["og:url"] ?? ld?.url
        m.language = ld?.language ?? lang ?? metas["og:locale"]
        m.articleBody = ld?.articleBody
        return m
    }
}

/// Removes the site name from a `<title>`: "Headline | The Site" → "Headline".
enum TitleCleaner {
    static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " / "]

    static func clean(_ title: String, siteName: String?, h1: String?) -> String {
        let t = title.trimmingSpaces
        if let h1, !h1.isEmpty, normalized(t).hasPrefix(normalized(h1)) { return h1 }
        for sep in separators {
            let parts = t.split(separator: Substring(sep), omittingEmptySubsequences: true).map { String($0) }
            guard parts.count >= 2 else { continue }
            if let siteName {
                let kept = parts.filter { normalized($0) != normalized(siteName) }
                if kept.count < parts.count && !kept.isEmpty { return kept.joined(separator: sep) }
            }
            // The site name is the short end part; the headline is the rest.
            let last = parts[parts.count - 1]
            if last.split(separator: " ").count <= 4 && last.count < parts[0].count {
                return parts.dropLast().joined(separator: sep)
            }
            let first = parts[0]
            if first.split(separator: " ").count <= 3 && first.count < last.count {
                return parts.dropFirst().joined(separator: sep)
            }
        }
        return t
    }

    /// The text reduced to ASCII-lowercased letters and digits (other scripts kept byte for byte), for
    /// comparing titles, headings and site names regardless of punctuation and spacing.
    static func normalized(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for b in s.utf8 {
            if b >= 0x80 { out.append(b) }
            else if b >= 0x41 && b <= 0x5A { out.append(b | 0x20) }
            else if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) { out.append(b) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
