/// The element names the extractor distinguishes, interned to one byte so that tree building and scoring
/// compare integers instead of strings. Every other name is `.other` (compared by `HTMLNameKey`).
public enum HTMLTag: UInt8, Sendable, CaseIterable {
    case other = 0
    case html, head, body, title, meta, link, base, script, style, noscript, template, textarea, xmp, iframe
    case noembed, noframes, plaintext
    case p, div, span, a, br, hr, img, picture, source, figure, figcaption, caption
    case h1, h2, h3, h4, h5, h6, hgroup
    case ul, ol, li, dl, dt, dd, menu
    case blockquote, pre, code, table, thead, tbody, tfoot, tr, td, th, colgroup, col
    case article, section, main, header, footer, nav, aside, address, details, summary, dialog
    case form, fieldset, legend, button, input, select, option, optgroup, label
    case svg, math, canvas, video, audio, object, embed, param, track, area, map, wbr
    case time, b, i, em, strong, small, sub, sup, u, s, q, cite, abbr, mark, font, center, ins, del, dfn, kbd, samp, `var`
    case applet, marquee, frameset, frame

    /// Elements that never have children (HTML §13.1.2 void elements).
    public var isVoid: Bool { Self.voidSet.contains(self) }
    /// Elements whose content is raw text up to the matching end tag (HTML §13.2.5.2–13.2.5.3, scripting on).
    public var isRawText: Bool { Self.rawTextSet.contains(self) }
    /// Elements that start a new line of text when rendered: paragraph boundaries for the extractor.
    public var isBlock: Bool { Self.blockSet.contains(self) }
    /// Start tags that close an open `<p>` (HTML §13.2.6.4.7 "in body", the list that closes a p element in button scope).
    public var closesParagraph: Bool { Self.closesPSet.contains(self) }
    public var isHeading: Bool { self == .h1 || self == .h2 || self == .h3 || self == .h4 || self == .h5 || self == .h6 }

    private static func set(_ tags: [HTMLTag]) -> HTMLTagSet { HTMLTagSet(tags) }

    private static let voidSet = set([.area, .base, .br, .col, .embed, .hr, .img, .input, .link, .meta, .param,
                                      .source, .track, .wbr, .frame])
    private static let rawTextSet = set([.script, .style, .noscript, .textarea, .title, .xmp, .iframe, .noembed,
                                         .noframes, .plaintext])
    private static let blockSet = set([.p, .div, .br, .hr, .figure, .figcaption, .caption, .h1, .h2, .h3, .h4, .h5,
                                       .h6, .hgroup, .ul, .ol, .li, .dl, .dt, .dd, .menu, .blockquote, .pre, .table,
                                       .thead, .tbody, .tfoot, .tr, .td, .th, .article, .section, .main, .header,
                                       .footer, .nav, .aside, .address, .details, .summary, .dialog, .form,
                                       .fieldset, .legend, .center, .body, .html, .title, .option, .select,
                                       .textarea, .iframe, .video, .audio, .canvas, .object, .frameset, .frame])
    private static let closesPSet = set([.address, .article, .aside, .blockquote, .center, .details, .dialog, .div,
                                         .dl, .fieldset, .figcaption, .figure, .footer, .form, .h1, .h2, .h3, .h4,
                                         .h5, .h6, .header, .hgroup, .hr, .main, .menu, .nav, .ol, .p, .pre,
                                         .section, .table, .ul, .li, .dd, .dt, .plaintext, .summary])

    /// Looks a lowercase-folded name up; `.other` for anything not listed.
    @inline(__always)
    static func lookup(_ key: HTMLNameKey) -> HTMLTag { tagTable.lookup(key) }

    /// The lowercase name as bytes (for raw-text end-tag matching), indexed by raw value.
    static let nameBytes: [[UInt8]] = {
        var names = [[UInt8]](repeating: [], count: 256)
        for tag in allCases { names[Int(tag.rawValue)] = Array(tag.name.utf8) }
        return names
    }()

    var name: String {
        switch self {
        case .other: return "other"
        case .var: return "var"
        default: return "\(self)"
        }
    }
}

/// A tag or attribute name folded to ASCII lowercase and packed into an integer: up to 15 bytes plus the
/// length, so names are compared without allocating (longer names hash their tail into the second word).
public struct HTMLNameKey: Hashable, Sendable {
    public var low: UInt64
    public var high: UInt64

    @inline(__always)
    init(_ p: UnsafePointer<UInt8>, count: Int) {
        var lo: UInt64 = 0
        var hi: UInt64 = UInt64(truncatingIfNeeded: count) << 56
        var i = 0
        while i < count {
            var b = p[i]
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            if i < 8 {
                lo |= UInt64(b) << (8 * UInt64(i))
            } else if i < 15 {
                hi |= UInt64(b) << (8 * UInt64(i - 8))
            } else {
                hi = (hi &* 0x100000001B3) ^ UInt64(b)
            }
            i += 1
        }
        low = lo
        high = hi
    }

    init(_ name: String) {
        var bytes = Array(name.utf8)
        self = bytes.withUnsafeMutableBufferPointer { HTMLNameKey(UnsafePointer($0.baseAddress!), count: $0.count) }
    }
}

/// A small open-addressing table from `HTMLNameKey` to a value, built once: one multiply and usually one
/// comparison per lookup, which a general dictionary (hashing with SipHash) cannot match on this hot path.
struct HTMLNameTable<Value: Sendable>: Sendable {
    private var keys: [HTMLNameKey]
    private var values: [Value]
    private var used: [Bool]
    private let mask: Int
    private let missing: Value

    init(_ entries: [(String, Value)], missing: Value) {
        var size = 64
        while size < entries.count * 4 { size *= 2 }
        mask = size - 1
        keys = Array(repeating: HTMLNameKey(low: 0, high: 0), count: size)
        values = Array(repeating: missing, count: size)
        used = Array(repeating: false, count: size)
        self.missing = missing
        for (name, value) in entries {
            let key = HTMLNameKey(name)
            var slot = Self.slot(key, mask)
            while used[slot] && keys[slot] != key { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
            used[slot] = true
        }
    }

    @inline(__always)
    private static func slot(_ key: HTMLNameKey, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: ((key.low ^ (key.high &* 31)) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    @inline(__always)
    func lookup(_ key: HTMLNameKey) -> Value {
        var slot = Self.slot(key, mask)
        while used[slot] {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        return missing
    }
}

extension HTMLNameKey {
    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }
}

private let tagTable = HTMLNameTable<HTMLTag>(
    HTMLTag.allCases.filter { $0 != .other }.map { ($0.name, $0) }, missing: .other)
