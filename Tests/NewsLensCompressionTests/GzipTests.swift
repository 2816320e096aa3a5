import Testing
@testable import NewsLensCompression

@Suite struct GzipTests {
    @Test func roundTripsAndShrinksRepetitiveText() throws {
        let text = Array(String(repeating: "The minister said the talks would resume. ", count: 200).utf8)
        let packed = Gzip.compress(text)
        #expect(packed.count < text.count / 10)
        #expect(Array(packed.prefix(2)) == [0x1f, 0x8b])  // gzip magic (RFC 1952 §2.3.1)
        #expect(try Gzip.decompress(packed) == text)
    }

    @Test func roundTripsEmptyAndRandomInput() throws {
        #expect(try Gzip.decompress(Gzip.compress([])) == [])
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<70_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for level: Int32 in [0, 1, 9] {
            #expect(try Gzip.decompress(Gzip.compress(noise, level: level)) == noise)
        }
    }

    @Test func rejectsTruncatedAndOversizedOutput() {
        let packed = Gzip.compress(Array(repeating: 65, count: 100_000))
        #expect(throws: Gzip.Failure.self) { try Gzip.decompress(Array(packed.prefix(packed.count / 2))) }
        #expect(throws: Gzip.Failure.outputTooLarge(limit: 1000)) { try Gzip.decompress(packed, limit: 1000) }
        #expect(throws: Gzip.Failure.self) { try Gzip.decompress([1, 2, 3, 4, 5]) }
    }
}
