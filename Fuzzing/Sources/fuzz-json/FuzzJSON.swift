import FuzzSupport
import NewsLensJSON

// JSON request bodies: JSONParser (strict RFC 8259) and the field helpers the API reads bodies with.
// Invariants: for accepted input parse(write(parse(x))) == parse(x) and writing is stable; a refusal names
// a place inside the input; a lower depth limit only ever refuses more; the field helpers agree with the
// members they read; every finite double the writer emits reads back as the same number.

let parser = JSONParser()
let shallow = JSONParser(maxDepth: 6)

func checkError(_ error: JSONParseError, size: Int) {
    require(error.offset >= 0 && error.offset <= size, "error offset \(error.offset) outside 0...\(size)")
    require(error.line >= 1 && error.column >= 1, "error at line \(error.line), column \(error.column)")
    require(!error.message.isEmpty, "error without a message")
}

/// The body helpers as the API uses them on `{"text": ...}` and `{"html": ..., "url": ...}`.
func checkFields(_ object: JSONObject) {
    let stringMembers = object.stringFields
    require(stringMembers.count == object.values.filter { $0.stringValue != nil }.count, "stringFields miscounts")
    for key in ["text", "html", "url", "title", ""] + object.keys.prefix(4) {
        let member = object[key]
        let optional = Result { () throws(JSONFieldError) -> String? in try object.string(key) }
        let required = Result { () throws(JSONFieldError) -> String in try object.requiredString(key) }
        switch member {
        case nil, .null?:
            require((try? optional.get()) == .some(nil), "string(\(key)) of an absent/null member")
            if case .failure(let e) = required { require(e.field == key, "error names \(String(describing: e.field))") }
            else { require(false, "requiredString(\(key)) accepted an absent/null member") }
        case .string(let s)?:
            require((try? optional.get()) == .some(s) && (try? required.get()) == s, "string(\(key)) lost its value")
        case let other?:
            guard case .failure(let e) = optional, case .failure = required else {
                require(false, "a \(other.typeName) member read as a string"); return
            }
            require(e.field == key && e.found == other.typeName, "error \(e) for a \(other.typeName)")
        }
    }
}

/// Every double written through `JSONWriter.double` reads back as the same number.
func checkDoubles(_ value: JSONValue, budget: inout Int) {
    guard budget > 0 else { return }
    budget -= 1
    switch value {
    case .double(let d):
        var w = JSONWriter(capacity: 32)
        w.double(d)
        let back = try? parser.parse(w.bytes)
        require(back?.doubleValue == d, "double \(d) written as \(String(decoding: w.bytes, as: UTF8.self))")
    case .array(let a): for v in a { checkDoubles(v, budget: &budget) }
    case .object(let o): for v in o.values { checkDoubles(v, budget: &budget) }
    default: break
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let value: JSONValue
    do {
        value = try parser.parse(bytes)
    } catch {
        checkError(error, size: size)
        do { _ = try shallow.parse(bytes); require(false, "depth 6 accepted what depth 512 refused") } catch {
            checkError(error, size: size)
        }
        do { _ = try parser.parseObject(bytes); require(false, "parseObject accepted what parse refused") } catch {
            checkError(error, size: size)
        }
        return 0
    }

    let written = value.jsonBytes()
    let reparsed: JSONValue
    do { reparsed = try parser.parse(written) } catch {
        fatalError("invariant failed: the writer's output does not parse: \(error)")
    }
    require(reparsed == value, "parse(write(v)) ≠ v")
    require(reparsed.jsonBytes() == written, "writing is not stable")

    if let viaShallow = try? shallow.parse(bytes) { require(viaShallow == value, "depth limit changed the value") }

    do {
        let object = try parser.parseObject(bytes)
        require(value.objectValue == object, "parseObject gave another object")
        checkFields(object)
    } catch {
        require(value.objectValue == nil, "parseObject refused an object")
        checkError(error, size: size)
    }
    var budget = 10_000
    checkDoubles(value, budget: &budget)
    return 0
}
