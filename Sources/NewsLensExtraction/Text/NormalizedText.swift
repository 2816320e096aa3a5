/// The submitted text after normalisation (`TextNormalizer`), with, for every scalar, the range of source
/// scalars it came from, so spans found in the normalised text map back to the text the client sent.
public struct NormalizedText: Sendable {
    /// Normalised scalars: NFC, `\n` line ends, controls dropped; spaces and format characters as written.
    public var scalars: [Unicode.Scalar]
    /// `sourceStart[i] ..< sourceEnd[i]`: the source scalars that produced `scalars[i]`.
    public var sourceStart: [Int32]
    public var sourceEnd: [Int32]
    /// Number of scalars in the submitted text.
    public var sourceCount: Int

    public init(scalars: [Unicode.Scalar], sourceStart: [Int32], sourceEnd: [Int32], sourceCount: Int) {
        self.scalars = scalars
        self.sourceStart = sourceStart
        self.sourceEnd = sourceEnd
        self.sourceCount = sourceCount
    }

    public var count: Int { scalars.count }

    /// The normalised text as a String (what the store hashes for the content id).
    public var string: String {
        ScalarString.make(scalars, 0, scalars.count)
    }

    /// Source range of the normalised range `start ..< end` (empty ranges map to a point).
    public func sourceRange(_ start: Int, _ end: Int) -> Range<Int> {
        guard start < end, end <= scalars.count else {
            let p = start < scalars.count ? Int(sourceStart[start]) : sourceCount
            return p..<p
        }
        return Int(sourceStart[start])..<Int(sourceEnd[end - 1])
    }
}
