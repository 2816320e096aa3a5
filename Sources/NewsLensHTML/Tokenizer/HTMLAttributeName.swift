/// The attribute names the extractor reads; the tokenizer keeps only these, so a tag's attributes cost
/// nothing beyond a few integers each.
public enum HTMLAttributeName: UInt8, Sendable, CaseIterable {
    case other = 0
    case `class`, id, itemprop, itemtype, itemscope, property, name, content, rel, href, datetime, charset
    case httpEquiv, type, role, hidden, style, ariaHidden, lang, src, alt, title

    var htmlName: String {
        switch self {
        case .httpEquiv: return "http-equiv"
        case .ariaHidden: return "aria-hidden"
        case .class: return "class"
        default: return "\(self)"
        }
    }

    @inline(__always)
    static func lookup(_ key: HTMLNameKey) -> HTMLAttributeName { attributeTable.lookup(key) }
}

private let attributeTable = HTMLNameTable<HTMLAttributeName>(
    HTMLAttributeName.allCases.filter { $0 != .other }.map { ($0.htmlName, $0) }, missing: .other)
