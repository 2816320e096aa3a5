/// Lexicon of one- or multi-word phrases ("said", "according to", "Most Read Stories") matched on token
/// hashes, longest match first — the gazetteer/lexicon lookup every stage shares (spaCy PhraseMatcher-like).
public struct PhraseTable<Value: Sendable>: Sendable {
    private var phrases = WordTable<Value>(minimumCapacity: 64)
    /// Longest phrase length (in tokens) starting with a given first-word hash.
    private var firstWords = WordTable<Int>(minimumCapacity: 64)
    public private(set) var maxLength = 0

    public init() {}

    /// Adds a phrase written as text; it is tokenized as paragraphs are, so "U.S." or "Clinton’s" match.
    public mutating func insert(_ phrase: String, _ value: Value, tokenizer: Tokenizer = Tokenizer()) {
        let scalars = Array(phrase.unicodeScalars)
        let hashes = tokenizer.tokenize(scalars).map(\.hash)
        insert(hashes: hashes, value)
    }

    public mutating func insert(hashes: [UInt64], _ value: Value) {
        guard let first = hashes.first else { return }
        var h = first
        for k in hashes.dropFirst() { h = WordHash.phrase(h, k) }
        phrases.insert(Self.key(h, hashes.count), value)
        firstWords.insert(first, max(firstWords[first] ?? 0, hashes.count))
        maxLength = max(maxLength, hashes.count)
    }

    /// Longest phrase starting at token `i` (not running past `limit`): its length in tokens and value.
    @inline(__always)
    public func match(_ tokens: [Token], at i: Int, limit: Int? = nil) -> (length: Int, value: Value)? {
        guard i < tokens.count, let longest = firstWords[tokens[i].hash] else { return nil }
        let end = min(limit ?? tokens.count, tokens.count, i + longest)
        var h = tokens[i].hash
        var best: (Int, Value)?
        var k = i
        while true {
            if let v = phrases[Self.key(h, k - i + 1)] { best = (k - i + 1, v) }
            k += 1
            if k >= end { break }
            h = WordHash.phrase(h, tokens[k].hash)
        }
        return best
    }

    /// Value of a single word.
    @inline(__always)
    public subscript(hash: UInt64) -> Value? { phrases[Self.key(hash, 1)] }

    @inline(__always)
    private static func key(_ h: UInt64, _ length: Int) -> UInt64 { length == 1 ? h : h ^ (UInt64(length) &* 0xD6E8_FEB8_6659_FD93) }
}
