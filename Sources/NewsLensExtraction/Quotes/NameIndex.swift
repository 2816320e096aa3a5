/// Fallback name knowledge for attribution when the entity stage gives none for a phrase: capitalised
/// runs of two or more words seen in the body ("Japanese Foreign Minister Taro Aso"), their likely person
/// name (the last two words: "Taro Aso"), and surname → full name ("Aso" → "Taro Aso").
public struct NameIndex: Sendable {
    public struct Run: Sendable {
        public var paragraph: Int
        public var tokenStart: Int
        public var tokenEnd: Int
        public var name: String
    }

    public private(set) var runs: [Run] = []
    private var bySurname = WordTable<String>(minimumCapacity: 64)

    public init(_ paragraphs: [TextParagraph], inside: [[Bool]]) {
        for (i, p) in paragraphs.enumerated() {
            let t = p.tokens
            var k = 0
            while k < t.count {
                guard t[k].kind == .word, t[k].flags.contains(.capitalized), !inside[i][k] else { k += 1; continue }
                var e = k + 1
                while e < t.count, !inside[i][e] {
                    if t[e].kind == .word, t[e].flags.contains(.capitalized), !t[e].flags.contains(.possessive) { e += 1; continue }
                    if t[e].kind == .word, CueLexicon.nameConnectors.contains(t[e].hash), t[e].hash != CueLexicon.and,
                       e + 1 < t.count, t[e + 1].flags.contains(.capitalized) { e += 2; continue }
                    break
                }
                if e - k >= 2, let name = Self.personName(p, k, e) {
                    runs.append(Run(paragraph: i, tokenStart: k, tokenEnd: e, name: name))
                    let last = t[e - 1]
                    if bySurname[last.hash] == nil { bySurname.insert(last.hash, name) }
                }
                k = e
            }
        }
    }

    /// The last run that starts before token `token` of paragraph `paragraph` (runs are in document order).
    public func lastRun(before paragraph: Int, _ token: Int) -> Run? {
        var lo = 0, hi = runs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if (runs[mid].paragraph, runs[mid].tokenStart) < (paragraph, token) { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? runs[lo - 1] : nil
    }

    /// The canonical name for the phrase `start ..< end` of `p`: a known full name for a surname, else the
    /// phrase's likely person name.
    public func canonical(_ p: TextParagraph, _ start: Int, _ end: Int) -> String {
        if end - start == 1, let full = bySurname[p.tokens[start].hash] { return full }
        return Self.personName(p, start, end) ?? p.text(tokens: start, through: end - 1)
    }

    /// "Japanese Foreign Minister Taro Aso" → "Taro Aso"; "Secretary of State John Kerry" → "John Kerry";
    /// two-word runs stay whole.
    static func personName(_ p: TextParagraph, _ start: Int, _ end: Int) -> String? {
        var s = start
        for k in start..<end where CueLexicon.nameConnectors.contains(p.tokens[k].hash) { s = k + 1 }
        while s < end, p.tokens[s].flags.contains(.possessive) { s += 1 }
        guard s < end else { return nil }
        if end - s > 2 { s = end - 2 }
        return p.text(tokens: s, through: end - 1)
    }
}
