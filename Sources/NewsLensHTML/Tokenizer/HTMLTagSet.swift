/// A set of tags as a 256-bit bitmap: membership is a shift and a mask, no hashing, no allocation.
public struct HTMLTagSet: Sendable, ExpressibleByArrayLiteral {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    public init(arrayLiteral elements: HTMLTag...) {
        for t in elements { insert(t) }
    }

    public init(_ tags: [HTMLTag]) {
        for t in tags { insert(t) }
    }

    public mutating func insert(_ t: HTMLTag) {
        let v = Int(t.rawValue)
        let bit = UInt64(1) << UInt64(v & 63)
        switch v >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    @inline(__always)
    public func contains(_ t: HTMLTag) -> Bool {
        let v = Int(t.rawValue)
        let word: UInt64
        switch v >> 6 {
        case 0: word = words.0
        case 1: word = words.1
        case 2: word = words.2
        default: word = words.3
        }
        return word & (UInt64(1) << UInt64(v & 63)) != 0
    }
}
