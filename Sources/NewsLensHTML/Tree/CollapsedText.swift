/// Builds display text from raw HTML text runs: character references decoded, every run of white space
/// (including no-break spaces) collapsed to one space, invisible format characters (soft hyphen,
/// zero-width space, BOM) dropped, leading and trailing space trimmed. Bytes, not Strings, until `string`.
struct CollapsedText {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    var isEmpty: Bool { bytes.isEmpty }

    /// The text as a String; invalid UTF-8 becomes U+FFFD here.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        pendingSpace = false
    }

    /// Marks a word boundary (a `<br>`, the edge of an inline-block) without emitting a space yet.
    @inline(__always) mutating func space() { pendingSpace = true }

    @inline(__always) private mutating func emit(_ b: UInt8) {
        if pendingSpace {
            if !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
        }
        bytes.append(b)
    }

    private mutating func emitScalar(_ s: UInt32) {
        switch s {
        case 0x09, 0x0A, 0x0C, 0x0D, 0x20, 0xA0, 0x2007, 0x202F, 0x2028, 0x2029, 0x3000, 0x2000...0x200A:
            pendingSpace = true
        case 0xAD, 0x200B, 0xFEFF, 0x200C, 0x200D, 0x2060:
            break
        default:
            if s < 0x80 { emit(UInt8(s)); return }
            if pendingSpace {
                if !bytes.isEmpty { bytes.append(0x20) }
                pendingSpace = false
            }
            HTMLCharacterReferences.appendUTF8(s, to: &bytes)
        }
    }

    /// Appends `base[start..<end]`, decoding references when `references` is set.
    mutating func append(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, references: Bool) {
        var i = start
        while i < end {
            let b = base[i]
            if b < 0x80 {
                if b <= 0x20 {
                    if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C { pendingSpace = true }
                    else if b != 0 { emit(b) }
                    i += 1
                } else if b == UInt8(ascii: "&") && references,
                          let (scalar, next) = HTMLCharacterReferences.read(base, at: i, end: end, inAttribute: false) {
                    emitScalar(scalar)
                    i = next
                } else {
                    emit(b)
                    i += 1
                }
            } else if b == 0xC2 && i + 1 < end && (base[i + 1] == 0xA0 || base[i + 1] == 0xAD) {
                if base[i + 1] == 0xA0 { pendingSpace = true }
                i += 2
            } else if b == 0xE2 && i + 2 < end && base[i + 1] == 0x80
                        && (base[i + 2] == 0x8B || base[i + 2] == 0x8C || base[i + 2] == 0x8D) {
                i += 3
            } else if b == 0xEF && i + 2 < end && base[i + 1] == 0xBB && base[i + 2] == 0xBF {
                i += 3
            } else {
                emit(b)
                i += 1
            }
        }
    }

    /// Appends a String (used for attribute text such as `alt`).
    mutating func append(_ s: String) {
        for u in s.unicodeScalars { emitScalar(u.value) }
    }
}
