/// Finds the name candidates of one text unit: chunks per sentence (`NameChunker`), each read by
/// `ChunkParser`, then the sentence's context rules (`ContextRules`: speech verbs, appositions, acronyms in
/// brackets, capitals standing for governments, agency credits).
struct NameScanner: Sendable {
    let chunker: NameChunker
    let parser: ChunkParser
    let context: ContextRules

    init(resources: EntityResources) {
        chunker = NameChunker(resources: resources)
        parser = ChunkParser(resources: resources)
        context = ContextRules(resources: resources)
    }

    func scan(_ u: EntityUnit, unit: Int, into out: inout [NameCandidate]) {
        for sentence in u.text.sentences {
            let first = out.count
            for chunk in chunker.chunks(u, sentence) {
                parser.parse(u, unit: unit, chunk.lowerBound, chunk.upperBound,
                             affiliation: possessor(u, before: chunk.lowerBound, in: out, from: first), into: &out)
            }
            context.apply(u, sentence: sentence, to: &out, from: first)
        }
    }

    /// The country or organization named right before "'s" in front of `start` ("New Zealand's Prime
    /// Minister John Key" → New Zealand), as an affiliation.
    private func possessor(_ u: EntityUnit, before start: Int, in out: [NameCandidate], from first: Int) -> EntityRef? {
        guard start >= 2, u.tokens[start - 1].flags.contains(.possessive), out.count > first else { return nil }
        // the possessor is among the last few candidates (a chunk and the names nested in it)
        for i in stride(from: out.count - 1, through: max(first, out.count - 8), by: -1)
            where out[i].tokenEnd == start - 1 && !out[i].nested {
            switch out[i].type {
            case .country, .organization:
                return out[i].known >= 0 ? .known(out[i].known) : .candidate(i)
            case .place, .unknown:
                return .candidate(i)
            case .person:
                return nil
            }
        }
        return nil
    }
}
