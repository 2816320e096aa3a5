/// Tells page furniture from article text by general rules: a line that is a navigation phrase (or a short
/// line starting with a multi-word one), a menu of `|`-separated items, a copyright line, or — at the edges
/// of the text — a short line with no sentence punctuation.
public struct BoilerplateDetector: Sendable {
    public let lexicon: StructureLexicon

    public init(lexicon: StructureLexicon = .shared) { self.lexicon = lexicon }

    /// Navigation, menus, share/subscribe prompts, copyright lines: furniture wherever they are.
    public func isNavigation(_ p: TextParagraph) -> Bool {
        let words = p.wordCount
        guard words > 0 else { return !p.tokens.isEmpty && p.tokens.count <= 3 }  // "|", "»", "•"
        if isCopyright(p) { return true }
        if p.count(of: "|") >= 2 && words <= 25 { return true }
        // Skip leading bullets and symbols ("» Related stories").
        var k = 0
        while k < p.tokens.count, p.tokens[k].kind == .symbol || p.tokens[k].kind == .dash || p.tokens[k].kind == .quote { k += 1 }
        guard let m = lexicon.navigation.match(p.tokens, at: k) else { return false }
        let rest = p.tokens[(k + m.length)...]
        // The whole line is the phrase, give or take a colon, a count or an arrow: "Comments (12)", "Related:".
        let restIsDecoration = rest.allSatisfy { t in
            t.kind != .word || t.length <= 1
        } && rest.filter({ $0.kind == .number }).count <= 1
        if restIsDecoration { return true }
        // "Related: …", "Read more: …" as a label.
        if p.token(k + m.length, is: ":") && words <= 15 { return true }
        return m.value >= 2 && words <= 8
    }

    /// "© 2019 The Harbor Ledger", "Copyright 2019 …", "… All rights reserved."
    public func isCopyright(_ p: TextParagraph) -> Bool {
        guard let first = p.tokens.first, p.wordCount <= 30 else { return false }
        if p.scalars[Int(first.start)] == "©" { return true }
        if first.hash == Self.copyright { return true }
        if first.hash == WordHash.hash("(") && p.tokens.count > 2, p.tokens[1].hash == WordHash.hash("c"),
           p.token(2, is: ")") { return true }
        for i in 0..<max(0, p.tokens.count - 2) where p.tokens[i].hash == Self.all
            && p.tokens[i + 1].hash == Self.rights && p.tokens[i + 2].hash == Self.reserved { return true }
        return false
    }

    /// The publisher named by a copyright line ("© 2019 The Harbor Ledger. All rights reserved." →
    /// "The Harbor Ledger"), when it names one.
    public func publisher(fromCopyright p: TextParagraph) -> String? {
        var k = 0
        let n = p.tokens.count
        // Skip ©, "Copyright", "(c)", years and separators.
        while k < n {
            let t = p.tokens[k]
            if t.kind == .number || t.kind == .symbol || t.kind == .dash || t.hash == Self.copyright
                || t.hash == WordHash.hash("(") || t.hash == WordHash.hash(")") || t.hash == WordHash.hash("c")
                || t.hash == WordHash.hash(",") { k += 1; continue }
            break
        }
        var end = k
        while end < n {
            let t = p.tokens[end]
            if t.kind == .punctuation && t.hash != WordHash.hash("&") && !(t.flags.contains(.abbreviation)) { break }
            if t.hash == Self.all, end + 1 < n, p.tokens[end + 1].hash == Self.rights { break }
            end += 1
        }
        guard end > k, p.tokens[k].flags.contains(.capitalized) || p.tokens[k].flags.contains(.allCaps) else { return nil }
        return p.text(tokens: k, through: end - 1)
    }

    /// At the top or bottom of the text: a short line with no sentence punctuation ("Top World News",
    /// "Today's Top News"), or a wire-service credit line ("(Reporting by …; Editing by …)").
    public func isEdgeFurniture(_ p: TextParagraph, maxWords: Int) -> Bool {
        if isNavigation(p) { return true }
        if isCreditLine(p) { return true }
        // A line ending in a colon introduces what follows ("Caddell continued:").
        if let last = p.tokens.last, p.token(p.tokens.count - 1, is: ":") || last.kind == .quote { return false }
        return p.wordCount <= maxWords && !p.endsLikeSentence && !p.tokens.contains { $0.kind == .quote }
    }

    /// "(Reporting by Kiyoshi Takenaka; Editing by Ed Davies)" and "Additional reporting by …".
    public func isCreditLine(_ p: TextParagraph) -> Bool {
        var k = 0
        if p.token(0, is: "(") { k = 1 }
        if k < p.tokens.count, p.tokens[k].hash == Self.additional { k += 1 }
        guard k + 1 < p.tokens.count else { return false }
        let h = p.tokens[k].hash
        return (h == Self.reporting || h == Self.writing || h == Self.editing || h == Self.compiled)
            && p.tokens[k + 1].hash == Self.by && p.wordCount <= 40
    }

    static let copyright = WordHash.hash("copyright")
    static let all = WordHash.hash("all")
    static let rights = WordHash.hash("rights")
    static let reserved = WordHash.hash("reserved")
    static let reporting = WordHash.hash("reporting")
    static let writing = WordHash.hash("writing")
    static let editing = WordHash.hash("editing")
    static let compiled = WordHash.hash("compiled")
    static let additional = WordHash.hash("additional")
    static let by = WordHash.hash("by")
}
