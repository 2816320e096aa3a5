/// Finds the runs of capitalised words in a sentence that may hold names ("Japanese Foreign Minister Taro
/// Aso", "University of North Carolina", "Food and Drug Administration"): capitalised words, joined over
/// lowercase name connectors ("of", "the", "de") when a capitalised word follows, over "and" only inside
/// a known phrase, a title's portfolio ("Arms Control and International Security") or an organization
/// whose last word says so ("State and Homeland Security Departments").
struct NameChunker: Sendable {
    let resources: EntityResources
    var gazetteer: Gazetteer { _read { yield resources.gazetteer } }

    /// Chunks of `sentence` in `unit`, as token ranges.
    func chunks(_ unit: EntityUnit, _ sentence: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = sentence.lowerBound
        let end = sentence.upperBound
        while i < end {
            guard startsChunk(unit, i, end) else { i += 1; continue }
            var j = i + 1
            if let m = unit.known(i, limit: end) { j = max(j, i + m.length) }
            while j < end {
                if let k = extends(unit, i, j, end) { j = k } else { break }
            }
            out.append(i..<j)
            i = j
        }
        return out
    }

    /// In a title-case headline every word has a capital: only unusual words and known phrases make names.
    @inline(__always)
    private func ordinaryInTitleCase(_ u: EntityUnit, _ i: Int, _ end: Int) -> Bool {
        u.titleCase && u.has(i, [.common, .connector, .determiner, .locative, .speechVerb]) && u.known(i, limit: end) == nil
    }

    @inline(__always)
    private func startsChunk(_ u: EntityUnit, _ i: Int, _ end: Int) -> Bool {
        guard u.isCapitalized(i), !ordinaryInTitleCase(u, i, end) else { return false }
        let t = u.tokens[i]
        // a lone capital letter ("(C)", "Group F" starts at "Group") opens a chunk only as an initial
        if t.length == 1 { return i + 1 < end && u.isCapitalized(i + 1) }
        return true
    }

    /// If the chunk can continue at token `j`, the index just after what it takes in; else nil.
    private func extends(_ u: EntityUnit, _ start: Int, _ j: Int, _ end: Int) -> Int? {
        let t = u.tokens[j]
        if u.isCapitalized(j) && !t.flags.contains(.possessive) {
            // a gazetteer phrase starting here may run over "and" ("Trinidad and Tobago")
            if let m = u.known(j, limit: end) { return j + m.length }
            if ordinaryInTitleCase(u, j, end) { return nil }
            if u.has(j, .notName) { return nil }  // "Christchurch | on May", "Questions | Wednesday"
            if u.has(j, .determiner) { return nil }  // "a post on X. | The nightclub"
            return j + 1
        }
        // "Movimento 5 Stelle": a number between capitalised words
        if t.kind == .number && u.isCapitalized(j + 1) && j + 1 < end && u.isCapitalized(j - 1) { return j + 1 }
        guard t.kind == .word || t.kind == .symbol, !t.flags.contains(.capitalized) else { return nil }
        let h = t.hash
        if h == EntityWords.and || h == EntityWords.ampersand {
            return joinsOverAnd(u, j, end) ? j + 1 : nil
        }
        guard u.has(j, .connector) || u.has(j, .particle), h != EntityWords.at else { return nil }
        // "for" / "on" / "to" join only inside titles and organizations ("Undersecretary for Arms Control",
        // "Council on American-Islamic Relations"), not "a call by Pyongyang | for Tokyo"
        if h == EntityWords.for || h == EntityWords.on || h == EntityWords.to {
            // right after the title or body word: "Ambassador to", not "President Barack Obama to Facebook"
            guard u.has(j - 1, [.titleHead, .portfolio, .orgFirst, .orgLast]) else { return nil }
        }
        if u.has(j - 1, .notName) { return nil }
        // "of the", "de la": at most two connectors, then a capitalised word
        var k = j + 1
        if k < end, u.isLower(k, [.connector, .particle]) { k += 1 }
        guard k < end, u.isCapitalized(k), !u.tokens[k].flags.contains(.possessive) else { return nil }
        return k
    }

    /// "and" / "&" inside a name: between portfolio words of a title, between capitalised words of a
    /// company ("Johnson & Johnson", "Mary & Leigh Block"), or before the rest of an organization whose last
    /// word is an organization word ("Food and Drug Administration").
    private func joinsOverAnd(_ u: EntityUnit, _ j: Int, _ end: Int) -> Bool {
        guard u.isCapitalized(j - 1), j + 1 < end, u.isCapitalized(j + 1) else { return false }
        if u.tokens[j].hash == EntityWords.ampersand { return true }
        if u.has(j - 1, .portfolio) && u.has(j + 1, [.portfolio, .titleModifier]) { return true }
        var k = j + 1
        while k < end && (u.isCapitalized(k) || u.isLower(k, .connector) && u.tokens[k].hash != EntityWords.and) {
            k += 1
        }
        return u.isCapitalized(k - 1) && u.has(k - 1, .orgLast) && k - 1 > j + 1
    }
}
