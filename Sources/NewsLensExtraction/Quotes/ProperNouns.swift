/// The capitalised words a document uses inside sentences (not sentence-initial, not right after an opening
/// mark or colon): evidence that a capitalised word is a name and not a sentence-initial "Typically".
public struct ProperNouns: Sendable {
    private var table = WordTable<Bool>(minimumCapacity: 256)

    public init(_ paragraphs: [TextParagraph]) {
        for p in paragraphs {
            let t = p.tokens
            for k in t.indices where t[k].kind == .word && t[k].flags.contains(.capitalized) && !t[k].flags.contains(.sentenceStart) {
                if k > 0, t[k - 1].kind == .quote || p.token(k - 1, is: ":") || t[k - 1].kind == .dash { continue }
                table.insert(t[k].hash, true)
            }
        }
    }

    public func contains(_ hash: UInt64) -> Bool { table.contains(hash) }
}
