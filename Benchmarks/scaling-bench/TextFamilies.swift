/// Pathological plain-text articles: each family repeats one unit until the text reaches the asked size,
/// so doubling the size doubles the count of the thing that might make a scan quadratic.
enum TextFamilies {
    static let all: [Family] = [
        Family("text", "long-paragraph", "one paragraph of ordinary sentences, no line breaks",
               repeating("The minister said the plan would cut costs by next year. ")),
        Family("text", "one-sentence", "words with no sentence end at all",
               repeating("the plan would cut costs by next year and then some more ")),
        Family("text", "many-paragraphs", "short paragraphs separated by blank lines",
               repeating("Officials met on Tuesday in the capital.\n\n")),
        Family("text", "many-lines", "single-line paragraphs (hard-wrapped text)",
               repeating("Officials met on Tuesday in the capital\n")),
        Family("text", "quote-pairs", "many short balanced quotations",
               repeating("\"Yes\" and \"no\" ")),
        Family("text", "quote-run", "nothing but straight quote marks",
               repeating("\"")),
        Family("text", "curly-quote-run", "nothing but curly opening quotes",
               repeating("\u{201C}")),
        Family("text", "unbalanced-quotes", "an opening quote before every word, none closed",
               repeating("\"word ")),
        Family("text", "open-quote-prose", "one quotation opened at the start and never closed",
               prefixed("\u{201C}", "The minister said the plan would cut costs by next year. ")),
        Family("text", "capitalised-words", "capitalised words without punctuation (one endless name)",
               capitalised),
        Family("text", "capitalised-sentences", "capitalised names in ordinary sentences",
               names),
        Family("text", "cue-verbs", "quotations each followed by a cue and a speaker",
               repeating("\"It will work,\" said John Smith. ")),
        Family("text", "leading-cues", "a cue and speaker before every quotation",
               repeating("Smith said: \"It will work.\" ")),
        Family("text", "implicit-speakers", "quotations with a speaker but no known cue verb",
               repeating("\"It will work,\" Trump barked. ")),
        Family("text", "subject-quotes", "partial quotations inside sentences",
               repeating("Trump called him a \"liar\" again. ")),
        Family("text", "pronoun-speakers", "paragraphs alternating a named person and a pronoun quote",
               repeating("John Smith arrived.\n\n\"It works,\" he said.\n\n")),
        Family("text", "plural-speakers", "quotations by \"they\" with no group named",
               repeating("\"It works,\" they said. ")),
        Family("text", "mismatched-pronouns", "a woman named, then \"he\" quoted, in one paragraph",
               repeating("Mrs. Ann Smith said \"yes\". \"No,\" he said. ")),
        Family("text", "bare-cue-verbs", "cue verbs with nothing to attribute",
               repeating("said told added warned according to ")),
        Family("text", "reported-speech", "indirect speech: subject, cue, that-clause",
               repeating("Smith said that the plan would work. ")),
        Family("text", "long-token", "a single word of letters",
               repeating("a")),
        Family("text", "long-mixed-token", "a single token of letters, digits and punctuation",
               repeating("ab1.-_/x")),
        Family("text", "abbreviations", "abbreviations that may or may not end sentences",
               repeating("Mr. Dr. U.S. Inc. Jan. ")),
        Family("text", "blank-lines", "nothing but line breaks",
               repeating("\n")),
        Family("text", "dashes-and-colons", "furniture-like lines: dashes, colons, bullets",
               repeating("— Read more: • Share | \n")),
    ]

    /// The unit repeated until `size` bytes.
    static func repeating(_ unit: String) -> @Sendable (Int) -> [UInt8] {
        let bytes = Array(unit.utf8)
        return { size in
            var out: [UInt8] = []
            out.reserveCapacity(size + bytes.count)
            while out.count < size { out += bytes }
            return out
        }
    }

    static func prefixed(_ head: String, _ unit: String) -> @Sendable (Int) -> [UInt8] {
        let body = repeating(unit)
        return { size in Array(head.utf8) + body(size) }
    }

    /// Distinct capitalised pseudo-words ("Bakoti Relamu ..."), so no lexicon shortcut makes them cheap.
    static func capitalised(_ size: Int) -> [UInt8] {
        var out: [UInt8] = []
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let consonants = Array("bdfgklmnprstvz".utf8)
        let vowels = Array("aeiou".utf8)
        while out.count < size {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            var word: [UInt8] = []
            for i in 0..<(2 + Int(state >> 61) % 3) {
                let c = consonants[Int((state >> UInt64(8 * i)) % UInt64(consonants.count))]
                word.append(i == 0 ? c - 32 : c)
                word.append(vowels[Int((state >> UInt64(8 * i + 4)) % UInt64(vowels.count))])
            }
            out += word
            out.append(0x20)
        }
        return out
    }

    /// Sentences naming many different people and organisations.
    static func names(_ size: Int) -> [UInt8] {
        let first = ["John", "Maria", "Taro", "Ana", "Peter", "Li", "Fatima", "Olga"]
        let last = ["Smith", "Garcia", "Aso", "Silva", "Novak", "Chen", "Haddad", "Ivanova"]
        let orgs = ["the United Nations", "Acme Corp", "the Bank of Japan", "Reuters"]
        var out: [UInt8] = []
        var i = 0
        while out.count < size {
            let sentence = "\(first[i % 8]) \(last[(i / 8) % 8]) of \(orgs[i % 4]) met \(first[(i + 3) % 8]) "
                + "\(last[(i + 5) % 8]) in Geneva on Monday. "
            out += Array(sentence.utf8)
            i += 1
        }
        return out
    }
}
