import NewsLensExtraction

/// Splits a photo caption from its credit: a credit marked up as such (`<span class="credit">`), or one
/// written at the end as "Photo: Jane Doe/Reuters", "(AP Photo/John Smith)", "Credit: ...", "Getty Images".
enum CaptionReader {
    static let creditLeads = ["photo:", "photograph:", "photo by", "photos:", "image:", "picture:", "credit:",
                              "illustration:", "(photo:", "(credit:", "image credit:", "photo credit:",
                              "(ap photo", "ap photo", "(reuters", "(afp", "(getty", "(photo by", "source:"]

    static func caption(_ text: String, credit marked: String?) -> Caption {
        if let marked, !marked.isEmpty {
            var t = text
            if t.hasSuffix(marked) {
                t = String(t.dropLast(marked.count))
                while t.last == " " { t.removeLast() }
            }
            return Caption(text: t.isEmpty ? text : t, credit: trimCredit(marked))
        }
        let lower = text.lowercased()
        var bestCut: String.Index?
        for lead in creditLeads {
            guard let r = lastRange(of: lead, in: lower) else { continue }
            if r.lowerBound == lower.startIndex { continue }
            if bestCut == nil || r.lowerBound > bestCut! { bestCut = r.lowerBound }
        }
        if let cut = bestCut {
            let offset = lower.distance(from: lower.startIndex, to: cut)
            let idx = text.index(text.startIndex, offsetBy: offset)
            var caption = String(text[..<idx])
            while caption.last == " " { caption.removeLast() }
            let credit = trimCredit(String(text[idx...]))
            if !caption.isEmpty && !credit.isEmpty { return Caption(text: caption, credit: credit) }
        }
        for agency in [" Getty Images", " Reuters", " AFP", " AP", " EPA", " Shutterstock"] where text.hasSuffix(agency) {
            var caption = String(text.dropLast(agency.count))
            while caption.last == " " || caption.last == "|" { caption.removeLast() }
            if !caption.isEmpty { return Caption(text: caption, credit: String(agency.dropFirst())) }
        }
        return Caption(text: text, credit: nil)
    }

    static func trimCredit(_ s: String) -> String {
        var t = Substring(s)
        while let f = t.first, f == "(" || f == " " || f == "|" { t = t.dropFirst() }
        while let l = t.last, l == ")" || l == " " || l == "." { t = t.dropLast() }
        for lead in ["Photo credit:", "Image credit:", "Photograph:", "Photo:", "Photos:", "Image:", "Picture:",
                     "Credit:", "Illustration:", "Source:", "Photo by", "Photo:"] where t.hasPrefix(lead) {
            t = t.dropFirst(lead.count)
            while t.first == " " { t = t.dropFirst() }
        }
        return String(t)
    }

    private static func lastRange(of needle: String, in hay: String) -> Range<String.Index>? {
        var found: Range<String.Index>?
        var searchStart = hay.startIndex
        while searchStart < hay.endIndex {
            guard let r = firstRange(of: needle, in: hay[searchStart...]) else { break }
            found = r
            searchStart = hay.index(after: r.lowerBound)
        }
        return found
    }

    private static func firstRange(of needle: String, in hay: Substring) -> Range<String.Index>? {
        let n = needle.count
        guard n > 0 else { return nil }
        var i = hay.startIndex
        while i < hay.endIndex {
            if hay[i...].hasPrefix(needle) { return i ..< hay.index(i, offsetBy: n) }
            i = hay.index(after: i)
        }
        return nil
    }
}
