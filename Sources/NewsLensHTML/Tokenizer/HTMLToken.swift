/// One token of an HTML document: a start tag, an end tag or a run of text. Ranges point into the byte
/// buffer that was tokenized (raw bytes; character references are decoded only when the text is read).
public struct HTMLToken: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        case startTag, endTag, text
    }

    public var kind: Kind
    public var tag: HTMLTag
    /// Start tag written `<x/>` (honoured only for foreign elements such as `<svg/>`, as browsers do).
    public var selfClosing: Bool = false
    /// Text contains `&` and needs character-reference decoding; false inside `<script>`/`<style>`.
    public var hasReference: Bool = false
    /// Text: the text. Tags: the whole tag from `<` to `>`.
    public var start: Int32
    public var end: Int32
    /// The folded name of a tag (to match `.other` elements with their end tags).
    public var name: HTMLNameKey = HTMLNameKey(low: 0, high: 0)
    /// The tag's kept attributes: `attributes[attributeStart ..< attributeStart + attributeCount]`.
    public var attributeStart: Int32 = 0
    public var attributeCount: Int32 = 0
}

/// An attribute the extractor reads (`class`, `id`, `content`, ...), with its raw value range.
public struct HTMLAttribute: Sendable, Hashable {
    public var name: HTMLAttributeName
    public var hasReference: Bool
    public var valueStart: Int32
    public var valueEnd: Int32
}

/// The tokens of one document with the attributes they refer to.
public struct HTMLTokenStream: Sendable {
    public var tokens: [HTMLToken] = []
    public var attributes: [HTMLAttribute] = []
}
