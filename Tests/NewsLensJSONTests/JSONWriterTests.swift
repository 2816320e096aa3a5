import Testing
@testable import NewsLensJSON

@Suite struct JSONWriterTests {
    @Test func writesNestedContainersWithCommas() {
        var w = JSONWriter()
        w.beginObject()
        w.field("a", 1)
        w.key("b"); w.beginArray(); w.int(-42); w.string("x"); w.null(); w.bool(true); w.endArray()
        w.field("c", nil as String?)
        w.endObject()
        #expect(String(decoding: w.bytes, as: UTF8.self) == #"{"a":1,"b":[-42,"x",null,true],"c":null}"#)
    }

    @Test func escapesControlCharactersQuotesAndBackslashes() {
        var w = JSONWriter()
        w.string("a\"b\\c\nd\u{01}é“")
        #expect(String(decoding: w.bytes, as: UTF8.self) == "\"a\\\"b\\\\c\\nd\\u0001é“\"")
    }

    @Test func writesIntegersAtTheExtremes() {
        var w = JSONWriter()
        w.beginArray(); w.int(0); w.int(Int.max); w.int(Int.min + 1); w.double(.nan); w.double(2.5); w.endArray()
        #expect(String(decoding: w.bytes, as: UTF8.self) == "[0,\(Int.max),\(Int.min + 1),null,2.5]")
    }
}
