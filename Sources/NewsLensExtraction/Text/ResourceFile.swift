import Foundation

/// Reads the engine's data files (lexicons, abbreviation lists) from the target's `Resources` folder:
/// one entry per line, `#` starts a comment, blank lines ignored, tab-separated fields.
public enum ResourceFile {
    /// The entries of `Resources/<name>`; each entry is its tab-separated fields, trimmed.
    /// A missing file is a packaging error, reported loudly once: the engine cannot run without its data.
    public static func entries(_ name: String) -> [[Substring]] {
        guard let text = contents(name) else {
            fatalError("NewsLensExtraction resource \(name) is missing from the bundle")
        }
        return parse(text)
    }

    public static func parse(_ text: String) -> [[Substring]] {
        var result: [[Substring]] = []
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            var line = rawLine[...]
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { trim($0) }
            guard let first = fields.first, !first.isEmpty else { continue }
            result.append(fields)
        }
        return result
    }

    public static func contents(_ name: String) -> String? {
        let base = Bundle.module.bundleURL
        for url in [base.appendingPathComponent("Resources").appendingPathComponent(name),
                    base.appendingPathComponent(name)] {
            if let data = try? Data(contentsOf: url) { return String(decoding: data, as: UTF8.self) }
        }
        return nil
    }

    private static func trim(_ s: Substring) -> Substring {
        var a = s.startIndex, b = s.endIndex
        while a < b, s[a] == " " { a = s.index(after: a) }
        while b > a, s[s.index(before: b)] == " " { b = s.index(before: b) }
        return s[a..<b]
    }
}
