/// A run of text between two block boundaries (a rendered paragraph, heading, list item, cell or caption)
/// with the measures the content scorer uses: visible characters, characters inside links and inside
/// hinted furniture, and the innermost block element that holds it.
struct TextBlock: Sendable {
    enum Kind: UInt8, Sendable {
        case paragraph, heading, listItem, preformatted, cell, caption
    }

    var kind: Kind
    /// Innermost block-level element open where the block starts.
    var owner: Int32
    /// The collapsed text: `arena[textStart ..< textEnd]`.
    var textStart: Int32
    var textEnd: Int32
    /// Credit text found inside a caption (`<span class="credit">`): `arena[creditStart ..< creditEnd]`.
    var creditStart: Int32 = 0
    var creditEnd: Int32 = 0
    /// Visible characters (Unicode scalars other than white space).
    var chars: Int32 = 0
    var linkChars: Int32 = 0
    var boilerplateChars: Int32 = 0
    var captionChars: Int32 = 0
    var bylineChars: Int32 = 0
    var furnitureChars: Int32 = 0
    var headerChars: Int32 = 0
    /// Characters inside an element the page names as the article body.
    var namedBodyChars: Int32 = 0
    var commas: Int16 = 0
    /// Sentence ends (`.`, `!`, `?` followed by space or end).
    var sentenceEnds: Int16 = 0
    var words: Int32 = 0

    var linkDensity: Double { chars > 0 ? Double(linkChars) / Double(chars) : 0 }

    func share(_ part: Int32) -> Double { chars > 0 ? Double(part) / Double(chars) : 0 }

    /// Running text: long, few links, several sentences.
    var looksLikeProse: Bool { chars >= 150 && linkDensity < 0.15 && sentenceEnds >= 2 }

    /// Mostly inside elements hinted as furniture, unless it is prose inside the named article body (a
    /// "paywall" or "inline-promo" wrapper around real paragraphs).
    var isHintedFurniture: Bool {
        share(boilerplateChars) > 0.5 && !(share(namedBodyChars) > 0.5 && looksLikeProse)
    }
}

/// The blocks of a page in reading order and the arena holding their text.
struct TextBlocks: Sendable {
    var blocks: [TextBlock] = []
    var arena: [UInt8] = []

    func text(_ b: TextBlock) -> String {
        String(decoding: arena[Int(b.textStart) ..< Int(b.textEnd)], as: UTF8.self)
    }

    func credit(_ b: TextBlock) -> String? {
        b.creditEnd > b.creditStart
            ? String(decoding: arena[Int(b.creditStart) ..< Int(b.creditEnd)], as: UTF8.self) : nil
    }

    func bytes(_ b: TextBlock) -> ArraySlice<UInt8> { arena[Int(b.textStart) ..< Int(b.textEnd)] }
}
