/// Recognises photo captions among the blocks and splits off their credit: a trailing `[Reuters]`,
/// `(AP Photo/Jane Doe)`, `REUTERS/Kim Kyung-Hoon`, `Photograph: Jane Doe/AP`, or a leading `Photo: …`;
/// position markers (`(C)`, `(L)`, `(L-R)`, `(2nd R)`) and a closing date count as evidence too.
public struct CaptionDetector: Sendable {
    public let lexicon: StructureLexicon

    public init(lexicon: StructureLexicon = .shared) { self.lexicon = lexicon }

    public struct Found: Sendable {
        /// Caption text without the credit (scalar range in the block).
        public var start: Int
        public var end: Int
        public var credit: String?
    }

    public func detect(_ p: TextParagraph) -> Found? {
        let n = p.tokens.count
        guard n >= 2, p.wordCount <= 90 else { return nil }
        let markers = positionMarkers(p)
        // 1. Leading label: "Photo: …", "Photograph: …".
        if Self.photoLabels.contains(p.tokens[0].hash), p.token(1, is: ":") {
            let rest = n > 2 ? Int(p.tokens[2].start) : p.count
            return Found(start: rest, end: p.count, credit: n > 2 ? trimmedText(p, 2, n) : nil)
        }
        // 2. Trailing bracketed credit: "[Reuters]", "(AP Photo/Jane Doe)", "(Photo: …)".
        if p.token(n - 1, is: "]") || p.token(n - 1, is: ")") {
            let close = p.scalars[Int(p.tokens[n - 1].start)] == "]" ? Unicode.Scalar("[") : Unicode.Scalar("(")
            var open = n - 2
            while open >= 0, !p.token(open, is: close) { open -= 1 }
            if open >= 1, open + 1 < n - 1 {
                let inner = (open + 1)..<(n - 1)
                let agency = lexicon.agency(p, inner.lowerBound, inner.upperBound)
                let photo = isPhotoCredit(p, inner)
                let square = close == "["
                if photo || (agency != nil && (square || markers > 0 || endsWithDate(p, before: open))) {
                    var credit = trimmedText(p, inner.lowerBound, inner.upperBound)
                    if Self.photoLabels.contains(p.tokens[inner.lowerBound].hash), p.token(inner.lowerBound + 1, is: ":") {
                        credit = trimmedText(p, inner.lowerBound + 2, inner.upperBound)
                    }
                    return Found(start: 0, end: Int(p.tokens[open].start), credit: agency ?? credit)
                }
            }
        }
        // 3. Trailing "REUTERS/Name", "AFP PHOTO / NAME", "Photograph: Name/Agency".
        for k in stride(from: n - 2, through: max(1, n - 14), by: -1) {
            let t = p.tokens[k]
            if t.flags.contains(.allCaps), lexicon.agency(p, k, k + 1) != nil, p.token(k + 1, is: "/")
                || (k + 2 < n && Self.photoLabels.contains(p.tokens[k + 1].hash) && p.token(k + 2, is: "/")) {
                return Found(start: 0, end: Int(t.start), credit: trimmedText(p, k, n))
            }
            if Self.photoLabels.contains(t.hash), p.token(k + 1, is: ":"), k + 2 < n {
                return Found(start: 0, end: Int(t.start), credit: trimmedText(p, k + 2, n))
            }
        }
        // 4. No credit: several position markers, or one with a closing date ("… in Tokyo, November 6, 2006.").
        if markers >= 2 || (markers == 1 && endsWithDate(p, before: n)) {
            return Found(start: 0, end: p.count, credit: nil)
        }
        return nil
    }

    /// "(C)", "(L)", "(R)", "(L-R)", "(left)", "(2nd R)", "(front row, C)" …
    func positionMarkers(_ p: TextParagraph) -> Int {
        var count = 0
        let n = p.tokens.count
        var k = 0
        while k < n {
            guard p.token(k, is: "(") else { k += 1; continue }
            var close = k + 1
            while close < n, close - k <= 6, !p.token(close, is: ")") { close += 1 }
            guard close < n, p.token(close, is: ")"), close > k + 1 else { k += 1; continue }
            var ok = true
            var sawPosition = false
            for j in (k + 1)..<close {
                let t = p.tokens[j]
                if Self.positions.contains(t.hash) { sawPosition = true; continue }
                if Self.positionFillers.contains(t.hash) || t.kind == .dash || t.kind == .punctuation || t.kind == .number { continue }
                ok = false
            }
            if ok && sawPosition { count += 1 }
            k = close + 1
        }
        return count
    }

    /// The text before token `before` ends with a date: "November 6, 2006." or "Nov 6."
    func endsWithDate(_ p: TextParagraph, before: Int) -> Bool {
        var k = before - 1
        while k >= 0, p.tokens[k].kind == .punctuation { k -= 1 }
        guard k >= 2, p.tokens[k].kind == .number, p.tokens[k].length == 4 else { return false }
        var m = k - 1
        if p.token(m, is: ",") { m -= 1 }
        guard m >= 1, p.tokens[m].kind == .number else { return false }
        return DateParser.month(Substring(p.text(of: p.tokens[m - 1]))) != nil
    }

    func isPhotoCredit(_ p: TextParagraph, _ r: Range<Int>) -> Bool {
        for k in r where Self.photoLabels.contains(p.tokens[k].hash) || Self.imageSources.contains(p.tokens[k].hash) {
            return true
        }
        // "(Jane Doe/Reuters)": a name and an agency separated by a slash.
        for k in r where p.token(k, is: "/") {
            if lexicon.agency(p, k + 1, r.upperBound) != nil || lexicon.agency(p, r.lowerBound, k) != nil { return true }
        }
        return false
    }

    func trimmedText(_ p: TextParagraph, _ from: Int, _ to: Int) -> String? {
        var a = from, b = to
        while a < b, p.tokens[a].kind == .punctuation { a += 1 }
        while b > a, p.tokens[b - 1].kind == .punctuation && !p.tokens[b - 1].flags.contains(.abbreviation) { b -= 1 }
        return a < b ? p.text(tokens: a, through: b - 1) : nil
    }

    static let photoLabels = WordSet(["photo", "photograph", "photos", "picture", "image", "credit",
                                               "photography", "pictured", "file"])
    static let imageSources = WordSet(["getty", "shutterstock", "istock", "istockphoto", "pool"])
    static let positions = WordSet(["c", "l", "r", "l-r", "r-l", "left", "right", "center", "centre", "top",
                                             "bottom", "front", "back", "rear", "middle", "foreground", "background",
                                             "clockwise"])
    static let positionFillers = WordSet(["2nd", "3rd", "4th", "5th", "second", "third", "fourth", "row",
                                                   "from", "to", "and", "top", "bottom"])
}
