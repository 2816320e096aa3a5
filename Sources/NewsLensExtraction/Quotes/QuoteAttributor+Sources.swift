/// The `source` sieve names the speaker of record rather than the nearest subject: a quote attributed in a
/// sentence that also says where it was read or heard ("\"…,\" Walker said, according to an Associated Press
/// account.", "Trump said: \"…,\" the Times reported.") goes to that source, as news attribution conventions
/// (and PARC-style annotation) have it.
extension QuoteAttributor {
    /// The attribution outranking attribution `a`: another explicit attribution of `a`'s sentence whose cue
    /// names a source ("according to", "reported"). `list` is the paragraph's attributions sorted by cue.
    func source(for a: Int, _ list: [Int], _ all: [Attribution], _ p: TextParagraph) -> Int? {
        let first = all[a]
        guard !first.implicit, !lexicon.isSource(p.tokens[first.cueStart]) else { return nil }
        for b in Self.window(list, around: first.cueStart, all) where b != a {
            let other = all[b]
            guard other.sentence == first.sentence, !other.implicit, lexicon.isSource(p.tokens[other.cueStart]) else {
                continue
            }
            return b
        }
        return nil
    }
}
