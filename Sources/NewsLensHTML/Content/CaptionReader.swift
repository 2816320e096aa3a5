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
        let bytes = Array(text.utf8)
        let lower = ASCIIBytes.lowercased(bytes)
        var cut = -1
        for lead in leadBytes {
            if let at = lastIndex(of: lead, in: lower), at > 0, at > cut { cut = at }
        }
        if cut > 0 {
            var caption = String(decoding: bytes[..<cut], as: UTF8.self)
            // "(Photo: ...)" and "[Photo: ...]": the lead matched after the bracket, which is the credit's too.
            while let l = caption.last, l == " " || l == "(" || l == "[" || l == "|" { caption.removeLast() }
            let credit = trimCredit(String(decoding: bytes[cut...], as: UTF8.self))
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
        while let f = t.first, f == "(" || f == "[" || f == " " || f == "|" { t = t.dropFirst() }
        while let l = t.last, l == ")" || l == "]" || l == " " || l == "." { t = t.dropLast() }
        for lead in ["Photo credit:", "Image credit:", "Photograph:", "Photo:", "Photos:", "Image:", "Picture:",
                     "Credit:", "Illustration:", "Source:", "Photo by", "Photo:"] where t.hasPrefix(lead) {
            t = t.dropFirst(lead.count)
            while t.first == " " { t = t.dropFirst() }
        }
        return String(t)
    }

    private static let leadBytes: [[UInt8]] = creditLeads.map { Array($0.utf8) }

    private static func lastIndex(of needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard hay.count >= needle.count, let first = needle.first else { return nil }
        var i = hay.count - needle.count
        while i >= 0 {
            if hay[i] == first && hay[i ..< i + needle.count].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }
}
