/// Participant ids: a stable slug of the canonical name ("Taro Aso" → "taro-aso", "São Tomé" → "sao-tome"),
/// so the same entity gets the same id in every article and ids can be used in URLs.
public enum ParticipantID {
    public static func slug(_ name: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        var dash = false
        for s in name.unicodeScalars {
            for b in fold(s) {
                let alnum = (b >= 97 && b <= 122) || (b >= 48 && b <= 57)
                if alnum {
                    if dash && !out.isEmpty { out.append(45) }
                    out.append(b)
                    dash = false
                } else if b != 39 {  // "Today's" → "todays", not "today-s"
                    dash = true
                }
            }
        }
        return out.isEmpty ? "unnamed" : String(decoding: out, as: UTF8.self)
    }

    /// Lowercase ASCII for a scalar: letters with diacritics lose them, other scripts keep their
    /// lowercase UTF-8 bytes percent-free as hex so ids stay ASCII ("Токио" → "u41au43e...").
    private static func fold(_ s: Unicode.Scalar) -> [UInt8] {
        let v = s.value
        if v < 0x80 {
            let b = UInt8(v)
            return [(b >= 65 && b <= 90) ? b + 32 : b]
        }
        if let base = latin[v] { return Array(base.utf8) }
        if s.properties.isAlphabetic || s.properties.numericType != nil {
            let lower = s.properties.lowercaseMapping.unicodeScalars.first?.value ?? v
            return Array(("u" + String(lower, radix: 16)).utf8)
        }
        return [32]
    }

    /// Latin letters with diacritics and ligatures → their ASCII base.
    private static let latin: [UInt32: String] = {
        var m: [UInt32: String] = [:]
        let groups: [(String, String)] = [
            ("ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎ", "a"), ("ÇçĆćĈĉĊċČč", "c"), ("ĎďĐđ", "d"), ("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", "e"),
            ("ĜĝĞğĠġĢģ", "g"), ("ĤĥĦħ", "h"), ("ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", "i"), ("Ĵĵ", "j"), ("Ķķ", "k"),
            ("ĹĺĻļĽľĿŀŁł", "l"), ("ÑñŃńŅņŇň", "n"), ("ÒÓÔÕÖØòóôõöøŌōŎŏŐőǑǒ", "o"), ("ŔŕŖŗŘř", "r"),
            ("ŚśŜŝŞşŠšȘș", "s"), ("ŢţŤťŦŧȚț", "t"), ("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųǓǔ", "u"), ("Ŵŵ", "w"),
            ("ÝýÿŶŷŸ", "y"), ("ŹźŻżŽž", "z"), ("Ææ", "ae"), ("Œœ", "oe"), ("ß", "ss"), ("Þþ", "th"), ("Ðð", "d"),
            ("ʻʼ‘’", "'"),
        ]
        for (letters, base) in groups { for u in letters.unicodeScalars { m[u.value] = base } }
        return m
    }()
}
