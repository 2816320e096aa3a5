/// An entity the resources know by name: a country (with ISO code) or a well-known organization. Mentions
/// that match one of its names or aliases resolve to it, so "US", "U.S." and "America" are one participant.
public struct KnownEntity: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        case country, organization, agency, government, party, company, media, sport, religion, group
        /// Software, devices, vehicles: named things, not participants.
        case product
    }

    public var name: String
    public var kind: Kind
    /// ISO 3166 alpha-2 code for countries, empty otherwise.
    public var code: String
    /// The name's words hashed as mentions are (`ParticipantBuilder.key`), set by `Gazetteer.addEntity`.
    public var nameKey: UInt64 = 0

    public init(name: String, kind: Kind, code: String) {
        self.name = name
        self.kind = kind
        self.code = code
    }
    public var participantType: ParticipantType { kind == .country ? .country : .organization }
}

/// What a gazetteer phrase is.
public struct GazetteerHit: Sendable, Hashable {
    public enum Kind: UInt8, Sendable, Comparable {
        // Declared in the order of precedence when one phrase has several readings (lowest wins).
        case organization, country, demonym, capital, region, city
        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    public var kind: Kind
    /// Index into `Gazetteer.entities` (countries, organizations; a demonym's or capital's country), or -1.
    public var entity: Int32
    /// The phrase was listed in capitals ("US", "UN", "WHO"): text must be in capitals too.
    public var allCaps: Bool
}

/// Multi-word gazetteer of countries (names, aliases, demonyms, capitals), regions, cities and known
/// organizations, matched longest-first on token hashes (the `PhraseTable` every stage shares).
public struct Gazetteer: Sendable {
    public private(set) var entities: [KnownEntity] = []
    private var phrases = PhraseTable<GazetteerHit>()
    private var countryByCode: [String: Int32] = [:]

    public init() {}

    /// Longest gazetteer phrase starting at token `i`, not past `limit`, honouring the capitals rule.
    @inline(__always)
    public func match(_ tokens: [Token], at i: Int, limit: Int) -> (length: Int, hit: GazetteerHit)? {
        guard let m = phrases.match(tokens, at: i, limit: limit) else { return nil }
        // a short word in capitals is an acronym ("USI"), not the town spelt alike ("Usi"); "TOKYO" is Tokyo
        if !m.value.allCaps, m.length == 1, tokens[i].flags.contains(.allCaps), tokens[i].length <= 4 { return nil }
        if m.value.allCaps {
            // "US" must not match "us" or "Us"
            for k in i..<(i + m.length) where tokens[k].kind == .word && !tokens[k].flags.contains(.allCaps) { return nil }
        }
        return (m.length, m.value)
    }

    public func country(code: String) -> Int32? { countryByCode[code] }

    public mutating func add(_ phrase: some StringProtocol, _ hit: GazetteerHit) {
        let text = String(phrase)
        guard !text.isEmpty else { return }
        var h = hit
        h.allCaps = Self.isAllCaps(text)
        let tokens = Self.plainWordHashes(text) ?? Tokenizer().tokenize(Array(text.unicodeScalars)).map(\.hash)
        guard !tokens.isEmpty else { return }
        if let old = phrases.match(hashes: tokens), !(h.kind < old.kind) {
            return  // the reading of higher precedence stays ("Georgia" the country over the US state)
        }
        phrases.insert(hashes: tokens, h)
    }

    @discardableResult
    public mutating func addEntity(_ e: KnownEntity) -> Int32 {
        var e = e
        let hashes = Tokenizer().tokenize(Array(e.name.unicodeScalars)).map(\.hash)
        if var h = hashes.first {
            for k in hashes.dropFirst() { h = WordHash.phrase(h, k) }
            e.nameKey = h
        }
        entities.append(e)
        let index = Int32(entities.count - 1)
        if e.kind == .country { countryByCode[e.code] = index }
        return index
    }

    static func isAllCaps(_ s: String) -> Bool {
        var letters = 0
        for u in s.unicodeScalars {
            if u.value < 0x80 {
                if u.value >= 97 && u.value <= 122 { return false }
                if u.value >= 65 && u.value <= 90 { letters += 1 }
            } else if u.properties.isAlphabetic {
                if u.properties.isLowercase { return false }
                letters += 1
            }
        }
        return letters >= 2
    }

    /// Token hashes of a phrase of plain words (letters and digits, inner hyphens, single spaces), computed
    /// without the tokenizer, which gives the same hashes for such text; nil for anything else ("St.",
    /// "Côte d'Ivoire", "Johnson & Johnson"), which goes through the tokenizer.
    static func plainWordHashes(_ s: String) -> [UInt64]? {
        var hashes: [UInt64] = []
        var h = WordHash.empty
        var inWord = false
        var previous: ScalarClass = .space
        for u in s.unicodeScalars {
            let c = ScalarClass.of(u)
            if c.isAlphanumeric {
                h = WordHash.add(h, WordHash.fold(u))
                inWord = true
            } else if c == .space {
                guard inWord, previous != .hyphen else { return nil }
                hashes.append(h)
                h = WordHash.empty
                inWord = false
            } else if c == .hyphen, inWord, previous.isAlphanumeric {
                h = WordHash.add(h, WordHash.fold(u))
            } else {
                return nil
            }
            previous = c
        }
        guard inWord, previous.isAlphanumeric else { return nil }
        hashes.append(h)
        return hashes
    }
}

extension PhraseTable {
    /// The value stored for exactly this phrase (no longest-match search).
    func match(hashes: [UInt64]) -> Value? {
        let tokens = hashes.enumerated().map {
            Token(start: Int32($0.offset), end: Int32($0.offset + 1), hash: $0.element, kind: .word, flags: [])
        }
        guard let m = match(tokens, at: 0), m.length == hashes.count else { return nil }
        return m.value
    }
}
