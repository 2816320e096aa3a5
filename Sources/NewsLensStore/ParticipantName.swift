import NewsLensExtraction

/// The identity of a participant across articles: its type and its normalised canonical name.
struct ParticipantKey: Hashable, Sendable {
    var type: ParticipantType
    var name: String
}

/// Name normalisation and the alias rules used to merge participants across articles.
///
/// A participant claims the shorter names it is known by: its aliases in the article ("Aso", "UN") and,
/// for a person with a multi-word name, the surname ("aso" for "Taro Aso"). A claimed name whose every
/// claim comes from one single participant across the store is merged into it; claimed by two ("Taro Aso"
/// and "Ichiro Aso") it stays apart. Claims always point to strictly shorter names, so merges form trees.
enum ParticipantName {
    /// Lowercased, dots dropped ("U.S." → "us"), hyphens and underscores as spaces, curly apostrophes
    /// straightened, leading honorifics of persons dropped ("Mr. Aso" → "aso"), spaces collapsed.
    static func normalize(_ name: String, type: ParticipantType) -> String {
        var out = ""
        out.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for s in name.lowercased().unicodeScalars {
            switch s {
            case ".": continue
            case " ", "\t", "\n", "\r", "-", "_", "\u{A0}", "\u{2010}", "\u{2011}", "\u{2013}":
                pendingSpace = !out.isEmpty
            default:
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.unicodeScalars.append(s == "\u{2019}" || s == "\u{2018}" ? "'" : s)
            }
        }
        guard type == .person else { return out }
        var tokens = out.split(separator: " ")
        while tokens.count > 1, honorifics.contains(String(tokens[0])) { tokens.removeFirst() }
        return tokens.joined(separator: " ")
    }

    static let honorifics: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "madam"]
    static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "v", "phd", "md"]

    /// Words of a normalised name.
    static func tokenCount(_ normalized: String) -> Int {
        normalized.isEmpty ? 0 : normalized.utf8.reduce(1) { $0 + ($1 == 0x20 ? 1 : 0) }
    }

    /// Whether `a` may be merged into `b`: fewer words, or as many words and fewer bytes.
    static func isShorter(_ a: String, than b: String) -> Bool {
        let ta = tokenCount(a), tb = tokenCount(b)
        return ta < tb || (ta == tb && a.utf8.count < b.utf8.count)
    }

    /// The surname of a person's normalised multi-word name, skipping generational suffixes.
    static func surname(_ normalized: String) -> String? {
        var tokens = normalized.split(separator: " ")
        while tokens.count > 1, let last = tokens.last, suffixes.contains(String(last)) { tokens.removeLast() }
        guard tokens.count >= 2, let last = tokens.last, last.count >= 2 else { return nil }
        return String(last)
    }

    /// The keys `participant` claims: its aliases shorter than its name, and its surname.
    static func claims(of key: ParticipantKey, aliases: [String]) -> [ParticipantKey] {
        var out: [ParticipantKey] = []
        for alias in aliases {
            let a = normalize(alias, type: key.type)
            if !a.isEmpty, a != key.name, isShorter(a, than: key.name) {
                let k = ParticipantKey(type: key.type, name: a)
                if !out.contains(k) { out.append(k) }
            }
        }
        if key.type == .person, let s = surname(key.name), s != key.name {
            let k = ParticipantKey(type: .person, name: s)
            if !out.contains(k) { out.append(k) }
        }
        return out
    }

    /// A URL-safe slug of a display name ("Taro Aso" → "taro-aso"), used when the engine gave no id.
    static func slug(_ name: String) -> String {
        var out = ""
        var dash = false
        for s in name.lowercased().unicodeScalars {
            if s.properties.isAlphabetic || ("0"..."9").contains(s) {
                if dash && !out.isEmpty { out.append("-") }
                dash = false
                out.unicodeScalars.append(s)
            } else if s != "." && s != "'" && s != "\u{2019}" {
                dash = true
            }
        }
        return out.isEmpty ? "unnamed" : out
    }
}
