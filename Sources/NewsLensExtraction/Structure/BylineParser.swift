/// Reads a byline — "By Maria Keller", "By A and B", "By X, Reuters", "BY MARIA KELLER | Staff Writer",
/// "By X in Tokyo" — into author names and a credited agency.
public struct BylineParser: Sendable {
    public let lexicon: StructureLexicon

    public init(lexicon: StructureLexicon = .shared) { self.lexicon = lexicon }

    public struct Found: Sendable, Equatable {
        public var authors: [String]
        public var source: String?
    }

    public func parse(_ p: TextParagraph) -> Found? {
        let t = p.tokens
        guard t.count >= 2, t[0].hash == Self.by, t[0].flags.contains(.capitalized), p.wordCount <= 25 else { return nil }
        var authors = [String]()
        var source: String?
        var k = 1
        while k < t.count {
            // One segment up to a separator.
            var end = k
            while end < t.count, !isSeparator(p, end) { end += 1 }
            if end > k {
                if let agency = lexicon.agency(p, k, end) {
                    source = source ?? agency
                } else if let name = name(p, k, end) {
                    authors.append(name)
                } else if let agency = trailingAgency(p, k, end) {
                    source = source ?? agency  // "Reuters staff", "Associated Press writer"
                }
            }
            // After a "|" the rest is dates and roles, not names.
            if end < t.count, p.token(end, is: "|") { break }
            k = end + 1
        }
        guard !authors.isEmpty || source != nil else { return nil }
        return Found(authors: authors, source: source)
    }

    func isSeparator(_ p: TextParagraph, _ k: Int) -> Bool {
        let t = p.tokens[k]
        if t.kind == .punctuation || t.kind == .dash { return !t.flags.contains(.abbreviation) }
        return t.hash == Self.and || p.token(k, is: "&") || p.token(k, is: "|")
    }

    /// A person's name: 1–5 capitalised words, initials, and name particles; stops at "in" ("By X in Tokyo").
    func name(_ p: TextParagraph, _ from: Int, _ to: Int) -> String? {
        var end = from
        var capitalised = 0
        while end < to {
            let t = p.tokens[end]
            if t.hash == Self.in { break }
            guard t.kind == .word else { return nil }
            if t.flags.contains(.capitalized) { capitalised += 1 }
            else if !Self.particles.contains(t.hash) { return nil }
            end += 1
        }
        guard capitalised >= 1, end - from <= 5, end > from else { return nil }
        for k in from..<end where Self.roles.contains(p.tokens[k].hash) { return nil }
        var words = [String]()
        for k in from..<end {
            let t = p.tokens[k]
            let w = p.text(of: t)
            words.append(t.flags.contains(.allCaps) && t.length > 2 ? titleCased(w) : w)
        }
        return words.joined(separator: " ")
    }

    func trailingAgency(_ p: TextParagraph, _ from: Int, _ to: Int) -> String? {
        for a in from..<to {
            for b in stride(from: to, to: a, by: -1) { if let x = lexicon.agency(p, a, b) { return x } }
        }
        return nil
    }

    func titleCased(_ w: String) -> String {
        var out = ""
        var first = true
        for ch in w {
            out += first ? String(ch) : ch.lowercased()
            first = !(ch.isLetter)
        }
        return out
    }

    static let by = WordHash.hash("by")
    static let and = WordHash.hash("and")
    static let `in` = WordHash.hash("in")
    static let particles = WordSet(["de", "da", "del", "della", "di", "van", "von", "der", "den", "bin", "al",
                                             "la", "le", "du", "dos", "das", "ter", "ten", "y"])
    static let roles = WordSet(["staff", "writer", "writers", "reporter", "reporters", "correspondent",
                                         "correspondents", "editor", "editors", "contributor", "columnist", "special",
                                         "news", "desk", "team", "bureau", "updated", "published", "posted"])
}
