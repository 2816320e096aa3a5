import Testing
@testable import NewsLensJSON

@Suite struct JSONRoundTripTests {
    static let documents: [JSONValue] = [
        [:], [], "", 0, -1, 1.5, 2.0, -0.0, 1e300, .double(.leastNonzeroMagnitude), 1e-7, .double(9.3e18),
        .int(Int.max), .int(Int.min), true, false, nil,
        "quote \" backslash \\ newline \n tab \t nul \u{0} bell \u{7} é “curly” 😀",
        ["headline": "Japan, US seek talks", "paragraphs": ["a", "b"], "wordCount": 612,
         "nested": ["x": [1, 2.5, [nil, true]], "y": [:]], "z": []],
    ]

    @Test(arguments: documents)
    func writerOutputParsesBackToTheSameValue(_ value: JSONValue) throws {
        let bytes = value.jsonBytes()
        #expect(try JSONParser().parse(bytes) == value, "\(String(decoding: bytes, as: UTF8.self))")
    }

    @Test func parsedDocumentsWriteBackByteForByte() throws {
        let compact = [
            #"{"b":1,"a":[true,false,null],"c":{"d":"e\n\"f\""},"g":-2.5e-8,"h":1.0}"#,
            #"[[],{},"\u0001",12345678901234567890.0]"#,
        ]
        for text in compact {
            let value = try JSONParser().parse(text)
            let again = try JSONParser().parse(value.jsonBytes())
            #expect(again == value)
        }
        #expect(String(decoding: try JSONParser().parse(compact[0]).jsonBytes(), as: UTF8.self)
                == #"{"b":1,"a":[true,false,null],"c":{"d":"e\n\"f\""},"g":-2.5e-08,"h":1.0}"#)
    }

    @Test func keyOrderIsPreserved() throws {
        let text = #"{"z":1,"a":2,"m":3}"#
        let value = try JSONParser().parse(text)
        #expect(String(decoding: value.jsonBytes(), as: UTF8.self) == text)
    }

    @Test func deepDocumentRoundTrips() throws {
        var value: JSONValue = "leaf"
        for k in 0..<500 { value = k.isMultiple(of: 2) ? [value] : ["k": value] }
        #expect(try JSONParser().parse(value.jsonBytes()) == value)
    }
}
