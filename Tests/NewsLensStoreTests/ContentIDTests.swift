import Testing
@testable import NewsLensStore

@Suite struct ContentIDTests {
    @Test func sha256OfKnownVectors() {
        #expect(ContentID(normalizedText: "abc").hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ContentID(normalizedText: "").hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func shortFormAndHexRoundTrip() {
        let id = ContentID(normalizedText: "Japan and the United States")
        #expect(id.prefix().count == 16)
        #expect(id.hex.hasPrefix(id.prefix()))
        #expect(ContentID(hex: id.hex) == id)
        #expect(ContentID(hex: id.hex.uppercased()) == id)
        #expect(ContentID(hex: "xyz") == nil)
        #expect(ContentID(hex: String(repeating: "g", count: 64)) == nil)
        #expect(ContentID(normalizedText: "a") != ContentID(normalizedText: "b"))
    }

    @Test func crc32cKnownVector() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([]) == 0)
        let long = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let split = long.withUnsafeBytes { b in
            CRC32C.checksum(UnsafeRawBufferPointer(rebasing: b[13...]), continuing: CRC32C.checksum(UnsafeRawBufferPointer(rebasing: b[..<13])))
        }
        #expect(split == CRC32C.checksum(long))
    }

    @Test func timestampsFormatAsRFC3339() {
        #expect(Timestamp.rfc3339(millis: 0) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.rfc3339(millis: 1_556_788_500_123) == "2019-05-02T09:15:00.123Z")
        #expect(Timestamp.rfc3339(millis: 951_782_400_000) == "2000-02-29T00:00:00.000Z")
        #expect(Timestamp.rfc3339(millis: -1) == "1969-12-31T23:59:59.999Z")
    }
}
