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
        "click to expand", "media playback is unsupported on your device",
    ]

    static let prefixes: [String] = [
        "read more:", "read more about", "related:", "related article:", "related story:", "see also:",
        "also read:", "also see:", "more:", "sign up for", "subscribe to", "click here to", "follow us on",
        "recommended:", "(advertisement)", "advertisement:", "read next:", "up next:", "watch:", "listen:",
        "get the latest", "join our", "this story is available exclusively",
    ]

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
