/// The data the structure stage reads: page-furniture vocabulary and news agencies (Resources/).
public struct StructureLexicon: Sendable {
    /// Navigation phrases; value is the phrase's word count.
    public var navigation = PhraseTable<Int>()
    /// Agency names as written → canonical name.
    public var agencies = PhraseTable<String>()

    public static let shared = StructureLexicon(navigation: ResourceFile.entries("navigation.txt"),
                                                agencies: ResourceFile.entries("agencies.txt"))

    public init(navigation: [[Substring]], agencies: [[Substring]]) {
        let tokenizer = Tokenizer()
        for fields in navigation {
            let phrase = String(fields[0])
            let words = tokenizer.tokenize(Array(phrase.unicodeScalars)).count
            self.navigation.insert(phrase, words, tokenizer: tokenizer)
        }
        for fields in agencies where fields.count > 1 {
            self.agencies.insert(String(fields[0]), String(fields[1]), tokenizer: tokenizer)
        }
    }

    /// The agency whose name covers tokens `from ..< to` exactly, if any.
    public func agency(_ p: TextParagraph, _ from: Int, _ to: Int) -> String? {
        guard from < to, let m = agencies.match(p.tokens, at: from, limit: to), m.length == to - from else { return nil }
        return m.value
    }
}
