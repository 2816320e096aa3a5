/// Short lines that pages put between or after paragraphs and that are never article text: ad labels,
/// share prompts, "Read more:" teasers, sign-up calls. Matched on the lowercased line; the caller keeps
/// the original line as a label in `removedBoilerplate`.
enum BoilerplatePhrases {
    static let exact: Set<String> = [
        "advertisement", "advertising", "ad", "ads", "sponsored", "sponsored content", "paid content",
        "share", "share this", "share this article", "share this story", "share on facebook", "share on twitter",
        "tweet", "email", "e-mail", "print", "comments", "comment", "read more", "continue reading",
        "related", "related articles", "related stories", "related content", "related coverage", "recommended",
        "most read", "most popular", "trending", "trending now", "more stories", "more from", "top stories",
        "story continues below advertisement", "article continues below advertisement",
        "article continues below", "story continues below", "continue reading below", "content continues below",
        "scroll to continue with content", "skip advertisement", "advertisement - scroll to continue",
        "close", "menu", "loading", "loading…", "subscribe", "sign up", "log in", "login", "follow us",
        "image", "photo", "video", "watch", "listen", "play", "enlarge this image", "toggle caption",
        "hide caption", "show caption", "expand", "view gallery", "getty images", "reuters", "ap",
        "back to top", "next", "previous", "copy link", "link copied", "whatsapp", "facebook", "twitter",
        "linkedin", "pinterest", "reddit", "flipboard", "save", "bookmark", "gift this article",
        "listen to this article", "story highlights", "highlights", "we recommend", "you may also like",
        "you might also like", "more on this story", "more on this topic", "don't miss", "see also",
        "recommended stories", "popular stories", "editor's picks", "editors' picks", "what to read next",
        "click to expand", "media playback is unsupported on your device", "advert", "sponsored links",
        "you may also be interested in", "you may be interested in", "related posts", "related news",
        "more in this category", "leave a comment", "add comment", "post a comment", "tags",
    ]

    static let prefixes: [String] = [
        "read more:", "read more about", "related:", "related article:", "related story:", "see also:",
        "also read:", "also see:", "more:", "sign up for", "subscribe to", "click here to", "follow us on",
        "recommended:", "(advertisement)", "advertisement:", "read next:", "up next:", "watch:", "listen:",
        "get the latest", "join our", "this story is available exclusively",
    ]

    /// A line that is only a date or a time ("October 12, 2017", "2019-04-10 10:30 AM ET", "Updated 3 hours ago").
    static func isDateLine(_ text: String) -> Bool {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
        guard !words.isEmpty, words.count <= 10 else { return false }
        var sawNumber = false
        for w in words {
            if w.allSatisfy(\.isNumber) { sawNumber = true; continue }
            if dateWords.contains(String(w)) { continue }
            return false
        }
        return sawNumber
    }

    static let dateWords: Set<String> = [
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
        "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
        "mon", "monday", "tue", "tuesday", "wed", "wednesday", "thu", "thursday", "fri", "friday", "sat",
        "saturday", "sun", "sunday", "am", "pm", "a", "p", "m", "et", "est", "edt", "gmt", "utc", "bst", "cet",
        "pt", "pst", "pdt", "updated", "published", "posted", "on", "at", "last", "modified", "st", "nd", "rd",
        "th", "hours", "hour", "minutes", "ago", "days", "h", "min",
    ]

    /// Whether a line carries a numeric date (2019-11-20, 05/10/2018, 20.11.2019): on a short line without a
    /// sentence that is a byline or timestamp ("Marcus De Guzman 2019-11-20 17:27:46").
    static func hasNumericDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        let b = Array(bytes)
        func digits(_ i: Int, _ n: Int) -> Bool {
            guard i >= 0, i + n <= b.count else { return false }
            for k in i ..< i + n where b[k] < 0x30 || b[k] > 0x39 { return false }
            return true
        }
        var i = 0
        while i + 8 <= b.count {
            if digits(i, 4) && (b[i + 4] == UInt8(ascii: "-")) && digits(i + 5, 2) && i + 7 < b.count
                && b[i + 7] == UInt8(ascii: "-") && digits(i + 8, 2) {
                return true
            }
            for first in [1, 2] where digits(i, first) {
                let s1 = i + first
                guard s1 < b.count, b[s1] == UInt8(ascii: "/") || b[s1] == UInt8(ascii: ".") else { continue }
                for second in [1, 2] where digits(s1 + 1, second) {
                    let s2 = s1 + 1 + second
                    if s2 < b.count && b[s2] == b[s1] && (digits(s2 + 1, 4) || digits(s2 + 1, 2)) { return true }
                }
            }
            i += 1
        }
        return false
    }

    /// A newsletter or subscription plug: short, asks to sign up or subscribe, mentions what you get.
    /// `lower` is the line with ASCII letters lowercased.
    static func isSubscriptionPlug(_ lower: [UInt8], chars: Int) -> Bool {
        guard chars < 300 else { return false }
        let asks = ASCIIBytes.contains(lower, "sign up") || ASCIIBytes.contains(lower, "subscribe")
            || ASCIIBytes.contains(lower, "signup")
        guard asks else { return false }
        return ASCIIBytes.contains(lower, "newsletter") || ASCIIBytes.contains(lower, "inbox")
            || ASCIIBytes.contains(lower, "delivered")
    }

    /// WordPress-style shortcodes that a page failed to render: "[button link=...]Send[/button]".
    static func isShortcode(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.first == UInt8(ascii: "[") && bytes.last == UInt8(ascii: "]")
            && ASCIIBytes.contains(Array(bytes), "[/")
    }

    private static let exactBytes: Set<[UInt8]> = Set(exact.map { Array($0.utf8) })
    private static let prefixBytes: [[UInt8]] = prefixes.map { Array($0.utf8) }
    private static let trailing: Set<UInt8> = [0x20, UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "|"),
                                               UInt8(ascii: ">")]

    /// Whether a whole block is furniture. Only short lines are tested: a paragraph of running text that
    /// happens to start with "Watch:" is kept when it is long. `lower` is the line, ASCII-lowercased.
    static func isBoilerplate(_ lower: [UInt8], chars: Int) -> Bool {
        guard chars <= 120 else { return false }
        var end = lower.count
        while end > 0 {
            let b = lower[end - 1]
            if trailing.contains(b) { end -= 1; continue }
            // "»", "›", "→" (UTF-8 C2 BB, E2 80 BA, E2 86 92)
            if end >= 2 && lower[end - 2] == 0xC2 && b == 0xBB { end -= 2; continue }
            if end >= 3 && lower[end - 3] == 0xE2 && (lower[end - 2] == 0x80 && b == 0xBA || lower[end - 2] == 0x86 && b == 0x92) {
                end -= 3
                continue
            }
            break
        }
        let t = Array(lower[0 ..< end])
        if exactBytes.contains(t) { return true }
        guard chars <= 100 else { return false }
        for p in prefixBytes where t.count >= p.count && t[0 ..< p.count].elementsEqual(p) { return true }
        return false
    }
}

/// Byte-level helpers for ASCII case folding and searching, so hot paths avoid Unicode-aware String APIs.
enum ASCIIBytes {
    static func lowercased<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    static func contains(_ hay: [UInt8], _ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard hay.count >= n, n > 0 else { return n == 0 }
        let p = needle.utf8Start
        let first = p[0]
        var i = 0
        while i + n <= hay.count {
            if hay[i] == first {
                var k = 1
                while k < n && hay[i + k] == p[k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }
}
