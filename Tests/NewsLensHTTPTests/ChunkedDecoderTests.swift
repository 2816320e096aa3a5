import Testing
@testable import NewsLensHTTP

@Suite struct ChunkedDecoderTests {
    /// Decodes `wire` delivered in two pieces split at `split`; returns body, leftover count and progress.
    static func decode(_ wire: [UInt8], split: Int, limit: Int = 1 << 20) -> ([UInt8], Int, ChunkedDecoder.Progress) {
        var decoder = ChunkedDecoder(maxBodyBytes: limit, maxTrailerBytes: 64)
        var body: [UInt8] = []
        var used = 0
        for piece in [wire[0..<split], wire[split...]] {
            var offset = piece.startIndex
            while offset < piece.endIndex {
                let (consumed, progress) = Array(piece[offset...]).withUnsafeBytes { decoder.decode($0, into: &body) }
                offset += consumed
                used += consumed
                switch progress {
                case .needMore: if consumed == 0 { offset = piece.endIndex }
                case .done, .failed: return (body, wire.count - used, progress)
                }
            }
        }
        return (body, wire.count - used, .needMore)
    }

    static let valid: [(String, String)] = [
        ("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", "hello world"),
        ("5;ext=\"1\"\r\nhello\r\n0\r\n\r\n", "hello"),
        ("5 ;a=b\r\nhello\r\n0\r\n\r\n", "hello"),
        ("A\r\n0123456789\r\n0\r\nX-Trailer: t\r\nY: z\r\n\r\n", "0123456789"),
        ("0\r\n\r\n", ""),
        ("000000003\r\nabc\r\n0\r\n\r\n", "abc"),
    ]

    @Test func decodesValidBodiesAtEverySplit() {
        for (wire, expected) in Self.valid {
            let bytes = Array((wire + "GET").utf8)  // trailing bytes of the next request stay unconsumed
            for split in 0...bytes.count {
                let (body, leftover, progress) = Self.decode(bytes, split: split)
                #expect(progress == .done, "\(wire.debugDescription) split \(split)")
                #expect(body == Array(expected.utf8))
                #expect(leftover == 3)
            }
        }
    }

    static let invalid: [(String, HTTPParseError)] = [
        ("zz\r\nhello\r\n0\r\n\r\n", .invalidChunkSize),
        ("\r\nhello\r\n0\r\n\r\n", .invalidChunkSize),
        ("fffffffffffffffffffff\r\nhello\r\n0\r\n\r\n", .invalidChunkSize),
        ("5\nhello\r\n0\r\n\r\n", .invalidChunkFraming),
        ("5\r\nhello\n0\r\n\r\n", .invalidChunkFraming),
        ("5\r\nhelloX\r\n0\r\n\r\n", .invalidChunkFraming),
        ("5\r\nhello\r\n0\r\n\n", .invalidChunkFraming),
        ("5\r\nhello\r\n0\r\nX: y\n\r\n", .invalidChunkFraming),
        ("5\rhello\r\n0\r\n\r\n", .invalidChunkFraming),
        ("-5\r\nhello\r\n0\r\n\r\n", .invalidChunkSize),
        ("0\r\nX: " + String(repeating: "t", count: 100) + "\r\n\r\n", .trailerSectionTooLarge(limit: 64)),
    ]

    @Test func rejectsBrokenFramingAtEverySplit() {
        for (wire, expected) in Self.invalid {
            let bytes = Array(wire.utf8)
            for split in 0...bytes.count {
                let (_, _, progress) = Self.decode(bytes, split: split)
                #expect(progress == .failed(expected), "\(wire.debugDescription) split \(split)")
                #expect(progress.failureStatus == expected.status)
            }
        }
    }

    @Test func enforcesBodyLimitAcrossChunks() {
        let wire = Array("8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n".utf8)
        let (_, _, progress) = Self.decode(wire, split: 0, limit: 12)
        #expect(progress == .failed(.bodyTooLarge(limit: 12)))
        #expect(Self.decode(wire, split: 0, limit: 16).2 == .done)
    }
}

extension ChunkedDecoder.Progress {
    var failureStatus: HTTPStatus? {
        if case .failed(let error) = self { return error.status }
        return nil
    }
}
