import Testing
@testable import NewsLensJSON

@Suite struct JSONParserTests {
    static let valid: [(String, JSONValue)] = [
        ("0", 0), ("-0", 0), ("42", 42), ("-17", -17), ("1.5", 1.5), ("-0.25", -0.25), ("1e3", 1000.0),
        ("1E+2", 100.0), ("2.5e-3", 0.0025), ("true", true), ("false", false), ("null", nil),
        (#""""#, ""), (#""abc""#, "abc"), (" \t\r\n[] ", []), ("{}", [:]),
        (#"["a",1,true,null,{"b":[]}]"#, ["a", 1, true, nil, ["b": []]]),
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{08}\u{0C}\n\r\t"),
        (#""\u00e9\u20AC""#, "é€"), (#""\ud83d\ude00""#, "😀"), ("\"é😀\"", "é😀"),
        (#""\u0000""#, "\u{0}"), (#"{"a":1,"a":2}"#, ["a": 2]),
        ("\u{FEFF}{\"x\":1}", ["x": 1]),
        ("9223372036854775807", .int(Int.max)), ("-9223372036854775808", .int(Int.min)),
        ("9223372036854775808", .double(9223372036854775808.0)),
        ("123456789012345678901234567890", .double(1.2345678901234568e29)),
        ("1e308", .double(1e308)), ("1e-400", .double(0)), ("5e-324", .double(.leastNonzeroMagnitude)),
    ]

    @Test(arguments: valid)
    func parsesValidDocument(_ text: String, _ expected: JSONValue) throws {
        #expect(try JSONParser().parse(text) == expected)
    }

    /// (document, message prefix, offset, line, column)
    static let invalid: [(String, String, Int, Int, Int)] = [
        ("", "empty document", 0, 1, 1),
        ("   ", "expected a JSON value, found end of input", 3, 1, 4),
        ("[1,2,]", "trailing comma before ']'", 5, 1, 6),
        (#"{"a":1,}"#, "trailing comma before '}'", 7, 1, 8),
        ("{\n  \"a\": 1,\n  \"b\": 2 \"c\"}", "expected ',' or '}' after object member", 21, 3, 10),
        ("[1 2]", "expected ',' or ']' after array element", 3, 1, 4),
        ("[1", "unexpected end of input, expected ',' or ']'", 2, 1, 3),
        (#"{"a" 1}"#, "expected ':' after member name", 5, 1, 6),
        ("{a:1}", "expected a member name in double quotes", 1, 1, 2),
        ("01", "leading zeros are not allowed", 0, 1, 1),
        ("-01", "leading zeros are not allowed", 0, 1, 1),
        ("1.", "expected a digit after the decimal point", 2, 1, 3),
        (".5", "expected a JSON value, found '.'", 0, 1, 1),
        ("+1", "expected a JSON value, found '+'", 0, 1, 1),
        ("-", "expected a digit after '-'", 1, 1, 2),
        ("1e", "expected a digit in the exponent", 2, 1, 3),
        ("1e999", "number out of range", 0, 1, 1),
        ("NaN", "expected a JSON value, found 'N'", 0, 1, 1),
        ("tru", "invalid literal, expected 'true'", 0, 1, 1),
        ("nul", "invalid literal, expected 'null'", 0, 1, 1),
        ("[true false]", "expected ',' or ']'", 6, 1, 7),
        ("1 2", "unexpected '2' after the JSON value", 2, 1, 3),
        ("// c\n1", "comments are not allowed", 0, 1, 1),
        ("[1,/* c */2]", "comments are not allowed", 3, 1, 4),
        (#""abc"#, "unterminated string", 0, 1, 1),
        (#""a\x""#, "invalid escape \\x", 2, 1, 3),
        (#""\u12G4""#, "invalid \\u escape", 1, 1, 2),
        (#""\ud83d""#, "unpaired UTF-16 surrogate \\uD83D", 1, 1, 2),
        (#""\ud83dx""#, "unpaired UTF-16 surrogate", 1, 1, 2),
        (#""\ud83d\u0041""#, "unpaired UTF-16 surrogate", 1, 1, 2),
        (#""\ude00""#, "unpaired UTF-16 surrogate \\uDE00", 1, 1, 2),
        ("\"a\tb\"", "control character U+0009 must be escaped", 2, 1, 3),
        ("\"é\n\"", "control character U+000A", 3, 1, 3),
        ("{\"x\":'y'}", "expected a JSON value, found '''", 5, 1, 6),
        ("[\n\n  ]]", "unexpected ']' after the JSON value", 6, 3, 4),
    ]

    @Test(arguments: invalid)
    func rejectsInvalidDocument(_ text: String, _ message: String, _ offset: Int, _ line: Int, _ column: Int) {
        do {
            let v = try JSONParser().parse(text)
            Issue.record("accepted \(text.debugDescription) as \(v)")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error)")
            #expect(error.offset == offset, "\(error)")
            #expect(error.line == line, "\(error)")
            #expect(error.column == column, "\(error)")
        }
    }

    @Test func messageNamesLineAndColumn() {
        #expect(throws: JSONParseError.self) { try JSONParser().parse("{\n \"a\": 1\n \"b\": 2}") }
        do {
            _ = try JSONParser().parse("{\n  \"text\": \"x\",\n  \"url\": \"u\" \"more\"}")
        } catch {
            #expect(error.description == "expected ',' or '}' after object member at line 3, column 14")
        }
    }

    /// Invalid UTF-8 in strings and outside them: overlong forms, surrogates, past U+10FFFF, stray
    /// continuation bytes, truncated sequences.
    @Test(arguments: [
        [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF5, 0x80, 0x80, 0x80], [0x80], [0xBF], [0xC3], [0xE2, 0x82], [0xFF], [0xF0, 0x80, 0x80, 0x80],
    ] as [[UInt8]])
    func rejectsInvalidUTF8(_ bad: [UInt8]) {
        let inString: [UInt8] = [0x22, 0x61] + bad + [0x22]
        #expect(throws: JSONParseError.self) { try JSONParser().parse(inString) }
        let escaped: [UInt8] = Array(#""\n"#.utf8) + bad + [0x22]
        #expect(throws: JSONParseError.self) { try JSONParser().parse(escaped) }
        #expect(throws: JSONParseError.self) { try JSONParser().parse(bad) }
    }

    @Test func acceptsEveryValidUTF8Boundary() throws {
        let scalars: [Unicode.Scalar] = ["\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{D7FF}", "\u{E000}",
                                         "\u{FFFF}", "\u{10000}", "\u{10FFFF}"]
        for s in scalars {
            let text = String(Character(s))
            #expect(try JSONParser().parse(Array(("\"" + text + "\"").utf8)) == .string(text))
        }
    }

    @Test func duplicateKeysLastWinsInFirstPosition() throws {
        let o = try JSONParser().parseObject(Array(#"{"a":1,"b":2,"a":3}"#.utf8))
        #expect(o.keys == ["a", "b"])
        #expect(o["a"] == 3)
        // Past the index threshold too.
        var text = "{"
        for k in 0..<50 { text += "\"k\(k)\":\(k)," }
        text += "\"k7\":\"last\"}"
        let big = try JSONParser().parseObject(Array(text.utf8))
        #expect(big.count == 50)
        #expect(big["k7"] == "last")
        #expect(big.keys[7] == "k7")
    }

    @Test func nestingUpToTheLimitParsesAndBeyondIsRejected() throws {
        let depth = JSONParser.defaultMaxDepth
        let ok = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var v = try JSONParser().parse(ok)
        var levels = 0
        while case .array(let a) = v { levels += 1; guard let f = a.first else { break }; v = f }
        #expect(levels == depth)
        let tooDeep = String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1)
        do {
            _ = try JSONParser().parse(tooDeep)
            Issue.record("accepted depth \(depth + 1)")
        } catch {
            #expect(error.message == "nesting deeper than 512 levels")
            #expect(error.offset == depth)
        }
        #expect(throws: JSONParseError.self) { try JSONParser(maxDepth: 3).parse(#"{"a":[{"b":[]}]}"#) }
        #expect(try JSONParser(maxDepth: 3).parse(#"{"a":[{"b":1}]}"#)["a"]?[0]?["b"] == 1)
    }

    /// A hostile document of a million open brackets is refused at the limit, without deep recursion.
    @Test func millionOpenBracketsFailFast() {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
        #expect(throws: JSONParseError.self) { try JSONParser().parse(bytes) }
        let objects = Array(String(repeating: #"{"a":"#, count: 200_000).utf8)
        #expect(throws: JSONParseError.self) { try JSONParser().parse(objects) }
    }

    @Test func parseObjectRejectsOtherTopLevels() {
        do {
            _ = try JSONParser().parseObject(Array("  [1]".utf8))
            Issue.record("accepted an array")
        } catch {
            #expect(error.message == "expected a JSON object at the top level, found array")
            #expect(error.column == 3)
        }
    }

    @Test func requestBodyFieldHelpers() throws {
        let o = try JSONParser().parseObject(Array(#"{"text":"Hello","url":null,"n":3,"extra":{"x":1}}"#.utf8))
        #expect(try o.string("text") == "Hello")
        #expect(try o.string("url") == nil)
        #expect(try o.string("missing") == nil)
        #expect(throws: JSONFieldError(field: "n", expected: "a string", found: "number")) { try o.string("n") }
        #expect(throws: JSONFieldError.self) { try o.requiredString("url") }
        #expect(o.stringFields.map(\.key) == ["text"])
        #expect(JSONFieldError(field: "n", expected: "a string", found: "number").description
                == "field \"n\" must be a string, found number")
    }

    @Test func parsesFromSlicesAndRawBuffers() throws {
        let bytes = Array("xx[1,2]yy".utf8)
        #expect(try JSONParser().parse(bytes[2..<7]) == [1, 2])
        let v = try bytes[2..<7].withUnsafeBytes { try JSONParser().parse($0) }
        #expect(v == [1, 2])
    }
}
