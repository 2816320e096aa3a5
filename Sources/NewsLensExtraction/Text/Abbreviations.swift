/// Words whose period does not end a sentence ("Mr.", "Ore.", "Jan."), from `Resources/abbreviations.txt`,
/// with the class that says when the period may still end one.
public struct Abbreviations: Sendable {
    public enum Kind: UInt8, Sendable {
        /// Titles and honorifics ("Mr.", "Sen."): never end a sentence inside a paragraph.
        case title
        /// Months ("Jan."): no end before a number; else like `other`.
        case month
        /// Abbreviations only before a number ("No. 5", "Nos.").
        case numeric
        /// Everything else ("Ore.", "Inc.", "etc."): ends a sentence only before a typical sentence opener.
        case other
    }

    struct Entry: Sendable {
        var kind: Kind
        /// Written capitalised in the list: only a capitalised token matches ("Ore." but not "ore.").
        var capitalized: Bool
    }

    private var table = WordTable<Entry>(minimumCapacity: 256)
    /// Capitalised words that typically open a sentence ("The", "He", "But"), after which an abbreviation of
    /// kind `other` is taken to end its sentence.
    private var openers = WordTable<Bool>(minimumCapacity: 128)

    public static let shared = Abbreviations(
        abbreviations: ResourceFile.entries("abbreviations.txt"),
        openers: ResourceFile.entries("sentence-openers.txt"))

    public init(abbreviations: [[Substring]], openers: [[Substring]]) {
        for fields in abbreviations {
            var word = fields[0]
            if word.hasSuffix(".") { word = word.dropLast() }
            let kind: Kind
            switch fields.count > 1 ? fields[1] : "" {
            case "title": kind = .title
            case "month": kind = .month
            case "numeric": kind = .numeric
            default: kind = .other
            }
            let cap = word.unicodeScalars.first.map { ScalarClass.of($0) == .upper } ?? false
            table.insert(WordHash.hash(word), Entry(kind: kind, capitalized: cap))
        }
        for fields in openers { self.openers.insert(WordHash.hash(fields[0]), true) }
    }

    /// The kind of the word hashed as `hash` when followed by a period, or nil when it is no abbreviation.
    @inline(__always)
    public func kind(hash: UInt64, capitalized: Bool) -> Kind? {
        guard let e = table[hash] else { return nil }
        if e.capitalized && !capitalized { return nil }
        return e.kind
    }

    @inline(__always)
    public func isSentenceOpener(_ hash: UInt64) -> Bool { openers.contains(hash) }
}
