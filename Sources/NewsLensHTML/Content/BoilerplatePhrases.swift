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

    /// A newsletter or subscription plug: short, asks to sign up or subscribe, mentions what you get.
    static func isSubscriptionPlug(_ lower: String, chars: Int) -> Bool {
        guard chars < 300 else { return false }
        let asks = lower.contains("sign up") || lower.contains("subscribe") || lower.contains("signup")
        let offer = lower.contains("newsletter") || lower.contains("inbox") || lower.contains("delivered")
        return asks && offer
    }

    /// WordPress-style shortcodes that a page failed to render: "[button link=...]Send[/button]".
    static func isShortcode(_ text: String) -> Bool {
        text.hasPrefix("[") && text.contains("[/") && text.hasSuffix("]")
    }

    /// Whether a whole block is furniture. Only short lines are tested: a paragraph of running text that
    /// happens to start with "Watch:" is kept when it is long.
    static func isBoilerplate(_ text: String, chars: Int) -> Bool {
        guard chars <= 120 else { return false }
        var t = text.lowercased()
        while let last = t.unicodeScalars.last, last == " " || last == "." || last == ":" || last == "»"
            || last == "›" || last == ">" || last == "|" || last == "→" {
            t.unicodeScalars.removeLast()
        }
        if exact.contains(t) { return true }
        guard chars <= 100 else { return false }
        for p in prefixes where t.hasPrefix(p) { return true }
        return false
    }
}
