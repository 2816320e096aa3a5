/// Stops the run when a harness invariant fails. The trap is a crash to libFuzzer, which saves the input
/// under the artifact folder; the message says which invariant broke.
@inline(never)
public func require(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
    file: StaticString = #fileID, line: UInt = #line
) {
    if !condition() { fatalError("invariant failed: \(message())", file: file, line: line) }
}

/// Deterministic choices drawn from the input itself (split points, limits), so a saved crash input
/// replays exactly the same calls.
public struct InputChoices {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var next = 0

    public init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// A value in `1 ... upper` taken from the input's bytes in turn (cycling), 1 for empty input.
    public mutating func step(upTo upper: Int) -> Int {
        guard !bytes.isEmpty, upper > 1 else { return 1 }
        let b = Int(bytes[next % bytes.count])
        next += 1
        return b % upper + 1
    }
}
