/// Byte-level readers of the request fields that select a representation: Accept-Encoding (RFC 9110
/// §12.5.3) and If-None-Match (RFC 9110 §13.1.2).
enum ContentNegotiation {
    /// Whether one Accept-Encoding field value allows gzip: true/false when it says so (explicitly or via
    /// "*"), nil when it does not mention it. "gzip;q=0" refuses it.
    static func gzipAccepted(_ value: UnsafeRawBufferPointer) -> Bool? {
        var gzip: Bool?
        var wildcard: Bool?
        for element in value.split(separator: UInt8(ascii: ",")) {
            let parts = element.split(separator: UInt8(ascii: ";"), maxSplits: 1)
            guard let coding = parts.first.map(trim) else { continue }
            let weightPositive = parts.count > 1 ? qualityIsPositive(trim(parts[1])) : true
            if equalsLowercase(coding, "gzip") || equalsLowercase(coding, "x-gzip") {
                gzip = weightPositive
            } else if coding.count == 1 && coding.first == UInt8(ascii: "*") {
                wildcard = weightPositive
            }
        }
        return gzip ?? wildcard
    }

    /// "q=0", "q=0.0", "Q=0.000" are zero; anything else with a non-zero digit is positive.
    private static func qualityIsPositive(_ parameter: Slice<UnsafeRawBufferPointer>) -> Bool {
        guard parameter.count >= 2, ByteClass.lower(parameter.first!) == UInt8(ascii: "q"),
              parameter[parameter.startIndex + 1] == UInt8(ascii: "=")
        else { return true }
        return parameter.dropFirst(2).contains { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }
    }

    /// Weak comparison (RFC 9110 §8.8.3.2) of each entity-tag in an If-None-Match value with `etag`.
    static func noneMatchHits(_ value: UnsafeRawBufferPointer, etag: [UInt8]) -> Bool {
        let ours = opaque(etag[...])
        for element in value.split(separator: UInt8(ascii: ",")) {
            let tag = trim(element)
            if tag.count == 1 && tag.first == UInt8(ascii: "*") { return true }
            if opaque(Array(tag)[...]).elementsEqual(ours) { return true }
        }
        return false
    }

    /// The entity-tag without a "W/" prefix.
    private static func opaque(_ tag: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        if tag.count >= 2, tag.first == UInt8(ascii: "W"), tag[tag.startIndex + 1] == UInt8(ascii: "/") {
            return tag.dropFirst(2)
        }
        return tag
    }

    private static func trim(_ s: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
        var lo = s.startIndex, hi = s.endIndex
        while lo < hi, s[lo] == ByteClass.space || s[lo] == ByteClass.tab { lo += 1 }
        while hi > lo, s[hi - 1] == ByteClass.space || s[hi - 1] == ByteClass.tab { hi -= 1 }
        return s[lo..<hi]
    }

    private static func equalsLowercase(_ s: Slice<UnsafeRawBufferPointer>, _ literal: StaticString) -> Bool {
        ByteClass.equalsLowercase(UnsafeRawBufferPointer(rebasing: s), literal)
    }

    /// Media types worth compressing: text, JSON, JavaScript, XML, SVG.
    static func isCompressible(contentType: String) -> Bool {
        let type = contentType.utf8
        func hasPrefix(_ p: String) -> Bool { type.starts(with: p.utf8) }
        if hasPrefix("text/") { return true }
        if hasPrefix("application/") {
            return contentType.contains("json") || contentType.contains("javascript") || contentType.contains("xml")
                || contentType.contains("wasm")
        }
        return hasPrefix("image/svg+xml")
    }
}
