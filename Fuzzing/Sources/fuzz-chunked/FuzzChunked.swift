import FuzzSupport
import NewsLensHTTP

// Chunked transfer decoder (RFC 9112 §7.1): the input is what follows a `Transfer-Encoding: chunked` head.
// Invariants: never consumes more than it is given, consumes all of it while it needs more, the body never
// exceeds the limit and matches `bodyBytes`, refusals carry 400/413/431, a finished decoder takes no more
// bytes, and the outcome is the same whether the bytes come at once or in pieces.

let maxBodyBytes = 4096
let maxTrailerBytes = 512
let chunkedStatuses: Set<Int> = [400, 413, 431]

struct Run: Equatable {
    var consumed = 0
    var progress: ChunkedDecoder.Progress = .needMore
    var body: [UInt8] = []
}

/// Feeds `input` in pieces whose lengths `nextPiece` chooses, as the connection does with socket reads.
func decode(_ input: UnsafeRawBufferPointer, nextPiece: () -> Int) -> Run {
    var decoder = ChunkedDecoder(maxBodyBytes: maxBodyBytes, maxTrailerBytes: maxTrailerBytes)
    var run = Run()
    while run.consumed < input.count {
        let end = min(input.count, run.consumed + nextPiece())
        let piece = UnsafeRawBufferPointer(rebasing: input[run.consumed..<end])
        let (used, progress) = decoder.decode(piece, into: &run.body)
        require(used >= 0 && used <= piece.count, "consumed \(used) of a \(piece.count)-byte piece")
        if progress == .needMore { require(used == piece.count, "needs more but left \(piece.count - used) bytes") }
        run.consumed += used
        run.progress = progress
        require(run.body.count <= decoder.bodyBytes, "body \(run.body.count) > announced \(decoder.bodyBytes)")
        require(run.body.count <= maxBodyBytes, "body of \(run.body.count) bytes over the \(maxBodyBytes) limit")
        switch progress {
        case .needMore:
            continue
        case .done:
            require(run.body.count == decoder.bodyBytes, "body \(run.body.count) ≠ bodyBytes \(decoder.bodyBytes)")
            let rest = UnsafeRawBufferPointer(rebasing: input[run.consumed...])
            var extra: [UInt8] = []
            let after = decoder.decode(rest, into: &extra)
            require(after.consumed == 0 && after.progress == .done && extra.isEmpty, "a finished decoder took more bytes")
            return run
        case .failed(let error):
            require(chunkedStatuses.contains(error.status.code), "\(error) earned status \(error.status.code)")
            return run
        }
    }
    return run
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: data, count: size)
    let once = decode(input) { Int.max / 2 }
    var choices = InputChoices(UnsafeBufferPointer(start: data, count: size))
    let pieces = decode(input) { choices.step(upTo: 16) }
    require(once == pieces, "one call and pieces disagree: \(once.progress) at \(once.consumed) vs \(pieces.progress) at \(pieces.consumed)")
    let bytewise = decode(input) { 1 }
    require(once == bytewise, "one call and single bytes disagree")
    return 0
}
