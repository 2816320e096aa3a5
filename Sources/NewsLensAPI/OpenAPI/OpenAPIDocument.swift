import Foundation  // Bundle.module and reading the resource files, once at start
import NewsLensHTTP
import NewsLensJSON

/// `GET /openapi.json`: the OpenAPI 3.1 description of every route, parameter, response and error.
/// Written by hand as JSON resource files, one per concern (`openapi-base.json`, `paths-*.json` per
/// resource, `components-*.json`), merged once at start into one document and served as cached bytes
/// (gzip and ETag computed once). A test checks that its operations and the router's routes are the same.
public enum OpenAPIDocument {
    /// The parts, merged in this order (objects merge recursively; a key defined twice is an error).
    static let parts = [
        "openapi-base.json", "paths-analysis.json", "paths-articles.json", "paths-lists.json",
        "paths-operations.json", "components-common.json", "components-schemas.json",
    ]

    /// The merged document; a missing or malformed part is a packaging error and stops the process.
    public static let document: JSONValue = {
        var merged = JSONValue.object(JSONObject())
        for name in parts {
            guard let bytes = resource(name) else { fatalError("NewsLensAPI resource \(name) is missing from the bundle") }
            do {
                merged = try merge(merged, JSONParser().parse(bytes), at: name)
            } catch {
                fatalError("NewsLensAPI resource \(name) is not valid JSON: \(error)")
            }
        }
        return merged
    }()

    static let preparedBody = PreparedBody(contentType: "application/json", bytes: document.jsonBytes())

    /// Every (method, path template) the document describes, e.g. ("GET", "/v1/articles/{id}").
    public static var operations: [(method: String, path: String)] {
        guard let paths = document["paths"]?.objectValue else { return [] }
        let methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]
        return paths.flatMap { path, item in
            (item.objectValue?.keys ?? []).filter(methods.contains).map { ($0.uppercased(), path) }
        }
    }

    static func merge(_ a: JSONValue, _ b: JSONValue, at path: String) throws(MergeConflict) -> JSONValue {
        guard case .object(var left) = a, case .object(let right) = b else { throw MergeConflict(path: path) }
        for (key, value) in right {
            if let existing = left[key] {
                left[key] = try merge(existing, value, at: path + "/" + key)
            } else {
                left[key] = value
            }
        }
        return .object(left)
    }

    struct MergeConflict: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path) is defined in two parts" }
    }

    private static func resource(_ name: String) -> [UInt8]? {
        let base = Bundle.module.bundleURL
        for url in [base.appendingPathComponent("Resources").appendingPathComponent(name), base.appendingPathComponent(name)] {
            if let data = try? Data(contentsOf: url) { return [UInt8](data) }
        }
        return nil
    }
}
