/// Reads a person's title at the front of a name chunk: modifiers and a head word ("Foreign Minister",
/// "Shadow Home Secretary") and a complement of portfolio words and known names ("of State for Political
/// Affairs", "to the United States", "for Arms Control and International Security"). What follows the
/// title is the name ("Undersecretary of State for Political Affairs | Nicholas Burns").
struct TitleParser: Sendable {
    let resources: EntityResources
    var gazetteer: Gazetteer { _read { yield resources.gazetteer } }

    struct Title: Sendable, Hashable {
        /// Token range of the title.
        var range: Range<Int>
        /// Gazetteer names inside the complement ("the United States" in "Ambassador to the United States").
        var inner: [(range: Range<Int>, hit: GazetteerHit)]

        static func == (a: Title, b: Title) -> Bool { a.range == b.range }
        func hash(into h: inout Hasher) { h.combine(range) }
    }

    /// The title starting at `start` and ending before `end`, or nil when there is none (no head word).
    func parse(_ u: EntityUnit, _ start: Int, _ end: Int) -> Title? {
        var k = start
        var head = false
        var last = start
        var inner: [(Range<Int>, GazetteerHit)] = []
        while k < end {
            if u.isCapitalized(k) && u.has(k, WordClass.titleWord)
                && !startsPersonName(u, k, end, afterHead: head, afterModifier: k > start) {
                if u.has(k, .titleHead) { head = true }
                k += 1
                last = k
                continue
            }
            // complement: "of" / "for" / "to" / "on" (+ "the"), then portfolio words or a known name
            guard head, u.isLower(k, .connector), u.tokens[k].hash != EntityWords.and || u.has(k - 1, .portfolio) else { break }
            var j = k + 1
            if j < end, u.tokens[j].hash == EntityWords.the { j += 1 }
            guard j < end, u.isCapitalized(j) else { break }
            if let m = u.known(j, limit: end), m.hit.kind == .country || m.hit.kind == .organization {
                inner.append((j..<(j + m.length), m.hit))
                k = j + m.length
                last = k
                continue
            }
            guard u.has(j, WordClass.titleWord), !startsPersonName(u, j, end, afterHead: true, afterModifier: true) else { break }
            k = j
        }
        guard head, last > start else { return nil }
        return Title(range: start..<last, inner: inner)
    }

    /// Whether token `k` opens the person's name rather than continuing the title: a given name followed
    /// by more capitalised words up to the end ("Robert Joseph"), or the last word when a head was seen
    /// and nothing else could be the name ("President Obama").
    private func startsPersonName(_ u: EntityUnit, _ k: Int, _ end: Int, afterHead: Bool, afterModifier: Bool) -> Bool {
        if afterHead && k == end - 1 { return !u.has(k, .titleHead) || u.has(k, .given) }
        guard u.has(k, .given), !u.has(k, .portfolio) else { return false }
        // "Crown Prince Mohammed": a head word after a modifier is the title even when it is a given name too
        if afterModifier && !afterHead && u.has(k, .titleHead) && u.has(k - 1, .titleModifier) && k + 1 < end { return false }
        // "Dean Kamen": a given name that is also a title head, then one more word, is a full name
        return k + 1 < end
    }
}
