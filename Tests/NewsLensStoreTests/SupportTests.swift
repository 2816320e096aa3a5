import NewsLensExtraction
import NewsLensJSON
import Testing
@testable import NewsLensStore

@Suite struct SupportTests {
    @Test func sortedChunkedSetMatchesASortedArray() {
        var set = SortedChunkedSet<Int>(maxChunk: 4)
        var reference: [Int] = []
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let v = Int.random(in: 0..<500, using: &rng)
            if Bool.random(using: &rng) {
                #expect(set.insert(v) == !reference.contains(v))
                if !reference.contains(v) { reference.append(v); reference.sort() }
            } else {
                #expect(set.remove(v) == reference.contains(v))
                reference.removeAll { $0 == v }
            }
        }
        #expect(Array(set) == reference)
        #expect(set.count == reference.count)
        for probe in [-1, 0, 17, 250, 499, 600] {
            var up: [Int] = []
            set.forEach(ascendingAfter: probe) { up.append($0); return true }
            #expect(up == reference.filter { $0 > probe })
            var down: [Int] = []
            set.forEach(descendingBefore: probe) { down.append($0); return true }
            #expect(down == reference.filter { $0 < probe }.reversed())
        }
        var firstThree: [Int] = []
        set.forEach(descendingBefore: nil) { firstThree.append($0); return firstThree.count < 3 }
        #expect(firstThree == Array(reference.reversed().prefix(3)))
    }

    @Test func textMatcherFoldsCaseAndQuotesAndDecodesEscapes() {
        func match(_ q: String, _ text: String) -> Bool {
            var w = JSONWriter()
            w.string(text)
            let b = w.bytes
            return TextMatcher(q).matches(b, 1..<(b.count - 1))
        }
        #expect(match("solidarity", "close SOLIDARITY, he said"))
        #expect(match("Close Sol", "maintain close solidarity"))
        #expect(!match("solidarity!", "close solidarity"))
        #expect(match("don't", "I don’t know"))
        #expect(match("\"five\"", "the “five” parties"))
        #expect(match("ÉTÉ", "un été chaud"))
        #expect(match("line\ntwo", "line\nTwo"))
        #expect(!match("nation", "\nation"))
        #expect(match("😀 x", "a 😀 X"))
        #expect(TextMatcher("aso").matches("Taro ASO"))
        #expect(!TextMatcher("asox").matches("Taro Aso"))
    }

    /// The linear search agrees with a naive one on small alphabets, where prefixes repeat most.
    @Test func textMatcherAgreesWithNaiveSearch() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = String((0..<Int.random(in: 0..<30, using: &rng)).map { _ in "abA".randomElement(using: &rng)! })
            let query = String((0..<Int.random(in: 1..<6, using: &rng)).map { _ in "ab".randomElement(using: &rng)! })
            var w = JSONWriter()
            w.string(text)
            let expected = text.lowercased().contains(query)
            #expect(TextMatcher(query).matches(w.bytes, 1..<(w.bytes.count - 1)) == expected, "\(query) in \(text)")
            #expect(TextMatcher(query).matches(text) == expected)
        }
        let hostile = String(repeating: "a", count: 200_000)
        #expect(!TextMatcher(String(repeating: "a", count: 5000) + "b").matches(hostile))
    }

    @Test func cursorsRoundTripAndRejectTampering() throws {
        let c = Cursor.encode(.articles, 123_456_789)
        #expect(try Cursor.decodeNumber(c, .articles) == 123_456_789)
        #expect(throws: StoreError.invalidCursor) { try Cursor.decodeNumber(c, .quotes) }
        #expect(throws: StoreError.invalidCursor) { try Cursor.decodeNumber("not a cursor!", .articles) }
        #expect(throws: StoreError.invalidCursor) { try Cursor.decodeNumber("", .articles) }
        var tampered = Array(c.utf8)
        tampered[3] = tampered[3] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(throws: StoreError.invalidCursor) { try Cursor.decodeNumber(String(decoding: tampered, as: UTF8.self), .articles) }
        let key = ParticipantOrderKey(slug: "taro-aso", type: 0, name: "taro aso")
        #expect(try Cursor.decodeParticipant(Cursor.encode(key)) == key)
        for n in 0..<20 {
            let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 * 37 + n) }
            #expect(Cursor.unbase64url(Cursor.base64url(bytes)) == bytes)
        }
    }

    @Test func participantNamesNormaliseAndClaim() {
        #expect(ParticipantName.normalize("Mr. Taro  ASO", type: .person) == "taro aso")
        #expect(ParticipantName.normalize("U.S.", type: .country) == "us")
        #expect(ParticipantName.normalize("Jean-Claude Juncker", type: .person) == "jean claude juncker")
        #expect(ParticipantName.normalize("Mr", type: .person) == "mr")
        #expect(ParticipantName.surname("martin luther king jr") == "king")
        #expect(ParticipantName.surname("aso") == nil)
        let un = ParticipantName.claims(of: ParticipantKey(type: .organization, name: "united nations"), aliases: ["UN", "U.N.", "United Nations"])
        #expect(un == [ParticipantKey(type: .organization, name: "un")])
        #expect(ParticipantName.claims(of: ParticipantKey(type: .person, name: "aso"), aliases: ["Taro Aso"]).isEmpty)
        #expect(ParticipantName.slug("Taro Aso") == "taro-aso")
        #expect(ParticipantName.slug("O'Brien, Jr.") == "obrien-jr")
    }

    @Test func memberScannerFindsTopLevelMembersOnly() {
        let json = Array(#"{"a":{"text":"inner"},"b":[1,"x\"y",{"c":2}],"text":"outer \"q\"","n":null}"#.utf8)
        let all = 0..<json.count
        let r = JSONMemberScanner.stringContents(of: "text", in: json, object: all)!
        #expect(String(decoding: json[r], as: UTF8.self) == #"outer \"q\""#)
        #expect(JSONMemberScanner.stringContents(of: "n", in: json, object: all) == nil)
        #expect(JSONMemberScanner.valueRange(of: "missing", in: json, object: all) == nil)
        let b = JSONMemberScanner.valueRange(of: "b", in: json, object: all)!
        #expect(String(decoding: json[b], as: UTF8.self) == #"[1,"x\"y",{"c":2}]"#)
        #expect(JSONMemberScanner.valueRange(of: "a", in: Array("{\"a\":".utf8), object: 0..<5) == nil)
    }
}
