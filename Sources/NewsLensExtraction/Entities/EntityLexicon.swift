/// What a single word may be for name recognition — given name, title word, organization or place word,
/// weekday — packed into one bit set so the recognizer pays one hash probe per token for all of it.
public struct WordClass: OptionSet, Sendable, Hashable {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// An ordinary lowercase English word (SCOWL): "reopening", "burns", "these".
    public static let common = WordClass(rawValue: 1 << 0)
    /// A capitalised word SCOWL knows as a name ("Japan", "Mecca", "Joseph").
    public static let proper = WordClass(rawValue: 1 << 1)
    public static let givenMale = WordClass(rawValue: 1 << 2)
    public static let givenFemale = WordClass(rawValue: 1 << 3)
    public static let surname = WordClass(rawValue: 1 << 4)
    public static let titleHead = WordClass(rawValue: 1 << 5)
    public static let titleModifier = WordClass(rawValue: 1 << 6)
    public static let portfolio = WordClass(rawValue: 1 << 7)
    public static let honorific = WordClass(rawValue: 1 << 8)
    public static let role = WordClass(rawValue: 1 << 9)
    public static let orgLast = WordClass(rawValue: 1 << 10)
    public static let orgFirst = WordClass(rawValue: 1 << 11)
    public static let placeLast = WordClass(rawValue: 1 << 12)
    public static let placeFirst = WordClass(rawValue: 1 << 13)
    public static let connector = WordClass(rawValue: 1 << 14)
    public static let particle = WordClass(rawValue: 1 << 15)
    public static let notName = WordClass(rawValue: 1 << 16)
    /// A verb that reports speech ("said", "told"): after a name it marks a speaker, i.e. a person or body.
    public static let speechVerb = WordClass(rawValue: 1 << 17)
    /// A preposition of place ("in", "at", "near"): a capital after it is the city, not the government.
    public static let locative = WordClass(rawValue: 1 << 18)
    /// Masculine / feminine words that settle a person's gender ("Mr", "King", "Mrs", "Queen").
    public static let male = WordClass(rawValue: 1 << 19)
    public static let female = WordClass(rawValue: 1 << 20)
    /// Determiners and pronouns that start a noun phrase, never a name ("The", "This", "Our").
    public static let determiner = WordClass(rawValue: 1 << 21)

    /// An organization word naming a public body of a place ("Police", "District", "University"): a city
    /// in front of it is a mention of that city too ("Irving Police Department").
    public static let civic = WordClass(rawValue: 1 << 22)

    /// The last word of an event, law or prize, not a participant ("Waitangi Day", "Clean Air Act").
    public static let eventLast = WordClass(rawValue: 1 << 23)
    /// The first word of one ("Operation Clambake", "Hurricane Katrina").
    public static let eventFirst = WordClass(rawValue: 1 << 24)
    /// A compass word that makes a region of a known place ("Southern Indiana", "Northern Ireland").
    public static let compass = WordClass(rawValue: 1 << 25)
    /// A word of sports reports ("goal", "striker", "scored"): countries there are national teams.
    public static let sport = WordClass(rawValue: 1 << 26)

    /// A noun for a person that is no title ("woman", "father", "resident"): an apposition with it makes a
    /// person, but it is not listed among the person's titles.
    public static let personNoun = WordClass(rawValue: 1 << 27)

    /// A capitalised adjective of religion or language ("Christian", "English"): never a name by itself.
    public static let adjective = WordClass(rawValue: 1 << 28)
    /// A noun that turns the name before it into its leader's ("the Monti government", "Trump administration").
    public static let leaderNoun = WordClass(rawValue: 1 << 29)
    /// A noun that introduces the title of a work ("the film Easy Rider", "her novel Angel Catbird").
    public static let workNoun = WordClass(rawValue: 1 << 30)

    /// A noun for a body, in appositions and before names ("Instituto Gonzaga, a catholic school";
    /// "the religious schools Santo Spirito and Immacolata").
    public static let orgNoun = WordClass(rawValue: 1 << 31)
    /// A noun for a place, likewise ("Bogliasco, a town near Genoa").
    public static let placeNoun = WordClass(rawValue: 1 << 32)
    /// A word after which the name before it is a person's: things named after people ("Chiang Kai Shek
    /// Memorial", "Nobel Prize").
    public static let eponym = WordClass(rawValue: 1 << 33)

    public static let given: WordClass = [.givenMale, .givenFemale]
    public static let titleWord: WordClass = [.titleHead, .titleModifier, .portfolio]
}

/// The word lexicon of the entity stage, from `Resources/entities/*` (see `Resources/README.md`): folded word
/// hash → `WordClass`, in two tables so the big one (ordinary words, given names, surnames: 100,000 words)
/// is probed only for capitalised tokens and the small one (titles, name and context words) for every word.
public struct EntityLexicon: Sendable {
    private var words = WordTable<WordClass>(minimumCapacity: 4_096)
    /// The name classes live in the low 5 bits, so this table stores a byte per word (cache-friendly).
    private var names = WordTable<UInt8>(minimumCapacity: 160_000)
    private static let nameClasses: WordClass = [.common, .proper, .givenMale, .givenFemale, .surname]

    public init() {}

    /// All classes of a word, whatever its case (tests and tools).
    @inline(__always)
    public subscript(hash: UInt64) -> WordClass {
        (words[hash] ?? []).union(WordClass(rawValue: UInt64(names[hash] ?? 0)))
    }

    /// Classes of a token: the name classes (ordinary word, given name, surname) only for capitalised words.
    @inline(__always)
    public func classes(of token: Token) -> WordClass {
        guard token.kind == .word else { return [] }
        let c = words[token.hash] ?? []
        if token.flags.contains(.capitalized) { return c.union(WordClass(rawValue: UInt64(names[token.hash] ?? 0))) }
        return c
    }

    public mutating func add(_ word: some StringProtocol, _ classes: WordClass) {
        var w = Substring(word)
        if w.count > 1, w.hasSuffix(".") { w = w.dropLast() }  // "Mr." hashes as "mr", as the tokenizer does
        add(hash: WordHash.hash(w), classes)
    }

    public mutating func add(hash h: UInt64, _ classes: WordClass) {
        let n = classes.intersection(Self.nameClasses), w = classes.subtracting(Self.nameClasses)
        if !n.isEmpty { names.insert(h, (names[h] ?? 0) | UInt8(n.rawValue)) }
        if !w.isEmpty { words.insert(h, (words[h] ?? []).union(w)) }
    }

    /// Loads the lexicon files; `read` returns a resource's entries (tab-separated fields per line).
    public static func load(_ read: (String) -> [[Substring]]) -> EntityLexicon {
        var lex = EntityLexicon()
        for f in read("entities/common-words.txt") { lex.add(f[0], .common) }
        for f in read("entities/proper-words.txt") { lex.add(f[0], .proper) }
        for file in ["entities/surnames.txt", "entities/surnames-world.txt"] {
            for f in read(file) { lex.add(f[0], .surname) }
        }
        // census names first; the world and hand-written lists only add names it lacks (a name listed twice
        // keeps the census gender)
        for file in ["entities/given-names.tsv", "entities/given-names-world.tsv", "entities/given-names-extra.tsv"] {
            for f in read(file) {
                let h = WordHash.hash(f[0])
                if file != "entities/given-names.tsv", !lex[h].isDisjoint(with: .given) { continue }
                switch f.count > 1 ? f[1] : "u" {
                case "m": lex.add(hash: h, .givenMale)
                case "f": lex.add(hash: h, .givenFemale)
                default: lex.add(hash: h, .given)
                }
            }
        }
        let roles: [Substring: WordClass] = [
            "head": .titleHead, "modifier": .titleModifier, "portfolio": .portfolio, "honorific": .honorific,
            "role": .role, "org-last": .orgLast, "org-first": .orgFirst, "place-last": .placeLast,
            "place-first": .placeFirst, "connector": .connector, "particle": .particle, "not-name": .notName,
            "speech": .speechVerb, "locative": .locative, "male": .male, "female": .female,
            "determiner": .determiner, "civic": .civic, "event-last": .eventLast, "event-first": .eventFirst,
            "compass": .compass, "sport": .sport, "person": .personNoun,
            "adjective": .adjective, "leader": .leaderNoun, "work": .workNoun, "org-noun": .orgNoun,
            "place-noun": .placeNoun, "eponym": .eponym,
        ]
        for file in ["entities/titles.tsv", "entities/name-words.tsv", "entities/context-words.tsv"] {
            for f in read(file) where f.count > 1 {
                var classes: WordClass = []
                for r in f[1].split(separator: ",") { classes.formUnion(roles[r] ?? []) }
                lex.add(f[0], classes)
            }
        }
        return lex
    }
}
