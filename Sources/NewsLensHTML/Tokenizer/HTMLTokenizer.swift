#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tolerant HTML tokenizer over bytes (after the WHATWG tokenizer, HTML §13.2.5, simplified to what text
/// extraction needs): tags with the attributes we read, text runs, comments, doctypes and bogus markup
/// skipped, raw-text elements (`<script>`, `<style>`, `<noscript>`, `<textarea>`, `<title>`, ...) read up
/// to their end tag. A pure function of its input: any byte sequence gives a token stream, never a crash.
public enum HTMLTokenizer {
    /// Inputs are cut at this size so that every offset fits an `Int32`.
    public static let maximumInputSize = Int(Int32.max) - 16

    public static func tokenize(_ bytes: [UInt8]) -> HTMLTokenStream {
        bytes.withUnsafeBufferPointer { tokenize($0) }
    }

    public static func tokenize(_ buffer: UnsafeBufferPointer<UInt8>) -> HTMLTokenStream {
        var stream = HTMLTokenStream()
        guard let base = buffer.baseAddress, buffer.count > 0 else { return stream }
        var scanner = Scanner(base: base, count: min(buffer.count, maximumInputSize))
        stream.tokens.reserveCapacity(scanner.count / 48 + 16)
        stream.attributes.reserveCapacity(scanner.count / 64 + 16)
        scanner.run(into: &stream)
        return stream
    }
}

@inline(__always) private func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
}

@inline(__always) private func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

private struct Scanner {
    let base: UnsafePointer<UInt8>
    let count: Int

    /// Index of the next `byte` at or after `from`, or `count`.
    @inline(__always) func find(_ byte: UInt8, from: Int) -> Int {
        guard from < count, let hit = memchr(base + from, Int32(byte), count - from) else { return count }
        return UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
    }

    func hasReference(_ start: Int, _ end: Int) -> Bool {
        end > start && memchr(base + start, 0x26, end - start) != nil
    }

    mutating func run(into stream: inout HTMLTokenStream) {
        var i = 0
        var textStart = 0
        func flushText(_ end: Int, _ stream: inout HTMLTokenStream) {
            guard end > textStart else { return }
            stream.tokens.append(HTMLToken(kind: .text, tag: .other, hasReference: hasReference(textStart, end),
                                           start: Int32(textStart), end: Int32(end)))
        }
        while true {
            let lt = find(UInt8(ascii: "<"), from: i)
            if lt + 1 >= count { break }
            let next = base[lt + 1]
            if isAlpha(next) {
                let mark = stream.attributes.count
                guard let (token, after) = startTag(at: lt, attributes: &stream.attributes) else {
                    // EOF inside a tag: the partial tag is dropped (HTML §13.2.5.33 "eof-in-tag").
                    stream.attributes.removeSubrange(mark...)
                    flushText(lt, &stream)
                    textStart = count
                    break
                }
                flushText(lt, &stream)
                stream.tokens.append(token)
                i = after
                textStart = after
                if token.tag.isRawText {
                    let end = token.tag == .plaintext ? count : rawTextEnd(token.tag, from: after)
                    if end > after {
                        let decoded = token.tag == .title || token.tag == .textarea
                        stream.tokens.append(HTMLToken(kind: .text, tag: .other,
                                                       hasReference: decoded && hasReference(after, end),
                                                       start: Int32(after), end: Int32(end)))
                    }
                    i = end
                    textStart = end
                }
            } else if next == UInt8(ascii: "/") {
                flushText(lt, &stream)
                if lt + 2 < count && isAlpha(base[lt + 2]) {
                    var scratch: [HTMLAttribute] = []
                    guard case (var token, let after)? = startTag(at: lt + 1, attributes: &scratch) else {
                        textStart = count
                        break
                    }
                    token.kind = .endTag
                    token.start = Int32(lt)
                    token.attributeCount = 0
                    token.selfClosing = false
                    stream.tokens.append(token)
                    i = after
                } else {
                    // "</>" is dropped; "</3" and the like are bogus comments up to ">".
                    i = min(find(UInt8(ascii: ">"), from: lt + 2) + 1, count)
                }
                textStart = i
            } else if next == UInt8(ascii: "!") {
                flushText(lt, &stream)
                i = skipMarkupDeclaration(at: lt)
                textStart = i
            } else if next == UInt8(ascii: "?") {
                flushText(lt, &stream)
                i = min(find(UInt8(ascii: ">"), from: lt + 2) + 1, count)
                textStart = i
            } else {
                i = lt + 1 // a "<" that starts no tag is text
            }
        }
        flushText(count, &stream)
    }

    /// `<!--...-->` comments (also `<!-->`, `<!--->` and unterminated ones to EOF), `<!DOCTYPE ...>` and
    /// other `<!...>` as bogus comments up to `>`. Returns the index after the construct.
    func skipMarkupDeclaration(at lt: Int) -> Int {
        if lt + 3 < count && base[lt + 2] == UInt8(ascii: "-") && base[lt + 3] == UInt8(ascii: "-") {
            var j = lt + 4
            if j < count && base[j] == UInt8(ascii: ">") { return j + 1 }
            if j + 1 < count && base[j] == UInt8(ascii: "-") && base[j + 1] == UInt8(ascii: ">") { return j + 2 }
            while true {
                let dash = find(UInt8(ascii: "-"), from: j)
                if dash + 2 >= count { return count }
                if base[dash + 1] == UInt8(ascii: "-") {
                    if base[dash + 2] == UInt8(ascii: ">") { return dash + 3 }
                    if base[dash + 2] == UInt8(ascii: "!") && dash + 3 < count && base[dash + 3] == UInt8(ascii: ">") {
                        return dash + 4
                    }
                }
                j = dash + 1
            }
        }
        return min(find(UInt8(ascii: ">"), from: lt + 2) + 1, count)
    }

    /// Parses `<name attr=value ...>` starting at `lt`; nil when the input ends inside the tag.
    func startTag(at lt: Int, attributes: inout [HTMLAttribute]) -> (HTMLToken, Int)? {
        var j = lt + 1
        let nameStart = j
        while j < count {
            let b = base[j]
            if isSpace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") { break }
            j += 1
        }
        let key = HTMLNameKey(base + nameStart, count: j - nameStart)
        var token = HTMLToken(kind: .startTag, tag: HTMLTag.lookup(key), start: Int32(lt), end: 0, name: key,
                              attributeStart: Int32(attributes.count))
        while true {
            while j < count && isSpace(base[j]) { j += 1 }
            guard j < count else { return nil }
            let b = base[j]
            if b == UInt8(ascii: ">") { j += 1; break }
            if b == UInt8(ascii: "/") {
                if j + 1 < count && base[j + 1] == UInt8(ascii: ">") { token.selfClosing = true; j += 2; break }
                j += 1
                continue
            }
            let attrStart = j
            j += 1 // a name may start with "=" (HTML §13.2.5.32)
            while j < count {
                let c = base[j]
                if isSpace(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: ">") || c == UInt8(ascii: "=") { break }
                j += 1
            }
            let attrEnd = j
            while j < count && isSpace(base[j]) { j += 1 }
            var valueStart = j
            var valueEnd = j
            if j < count && base[j] == UInt8(ascii: "=") {
                j += 1
                while j < count && isSpace(base[j]) { j += 1 }
                guard j < count else { return nil }
                let q = base[j]
                if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
                    let close = find(q, from: j + 1)
                    guard close < count else { return nil }
                    valueStart = j + 1
                    valueEnd = close
                    j = close + 1
                } else {
                    valueStart = j
                    while j < count && !isSpace(base[j]) && base[j] != UInt8(ascii: ">") { j += 1 }
                    valueEnd = j
                }
            }
            let name = HTMLAttributeName.lookup(HTMLNameKey(base + attrStart, count: attrEnd - attrStart))
            if name != .other {
                attributes.append(HTMLAttribute(name: name, hasReference: hasReference(valueStart, valueEnd),
                                                valueStart: Int32(valueStart), valueEnd: Int32(valueEnd)))
            }
        }
        token.end = Int32(j)
        token.attributeCount = Int32(attributes.count) - token.attributeStart
        return (token, j)
    }

    /// Where the raw text of `tag` ends: at `</tag` followed by a space, `/` or `>`, or at EOF.
    func rawTextEnd(_ tag: HTMLTag, from start: Int) -> Int {
        let name = HTMLTag.nameBytes[Int(tag.rawValue)]
        var j = start
        while true {
            let lt = find(UInt8(ascii: "<"), from: j)
            if lt >= count { return count }
            if lt + 2 + name.count <= count && base[lt + 1] == UInt8(ascii: "/") {
                var k = 0
                while k < name.count && (base[lt + 2 + k] | 0x20) == name[k] { k += 1 }
                if k == name.count {
                    let after = lt + 2 + k
                    if after >= count { return lt }
                    let c = base[after]
                    if isSpace(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: ">") { return lt }
                }
            }
            j = lt + 1
        }
    }
}
