import NewsLensHTTP
import NewsLensJSON
import NewsLensStore

/// The paging parameters of every list (`limit`, `cursor`) and the list body they produce:
/// `{"items": [...], "next": "/v1/...?...&cursor=..." | null}`. The `next` link repeats the request's
/// filters, so a client follows it as is.
struct Pagination: Sendable {
    static let defaultLimit = 20
    static let maxLimit = NewsLensStore.maxPageSize

    var limit: Int
    var cursor: String?

    /// Reads `limit` (1...100, default 20) and `cursor` (non-empty, opaque); the problem response for a
    /// bad value.
    static func parse(_ query: QueryParameters) -> Result<Pagination, ProblemResponse> {
        var limit = defaultLimit
        if let text = query["limit"] {
            guard let value = Int(text), (1...maxLimit).contains(value) else {
                return .failure(ProblemResponse(ProblemResponses.invalidParameter(
                    "limit", text, expected: "a whole number from 1 to \(maxLimit)")))
            }
            limit = value
        }
        var cursor: String?
        if let text = query["cursor"] {
            guard !text.isEmpty else {
                return .failure(ProblemResponse(ProblemResponses.invalidParameter(
                    "cursor", text, expected: "the opaque value of a 'next' link (omit it for the first page)")))
            }
            cursor = text
        }
        return .success(Pagination(limit: limit, cursor: cursor))
    }

    /// The `next` link of a page: `path` with `filters` (name, value; nil values left out), the limit and
    /// the cursor; nil when there is no next page.
    static func nextLink(path: String, filters: [(String, String?)], limit: Int, cursor: String?) -> String? {
        guard let cursor else { return nil }
        var parts: [String] = []
        for (name, value) in filters {
            if let value { parts.append(name + "=" + QueryEncoding.escape(value)) }
        }
        parts.append("limit=\(limit)")
        parts.append("cursor=" + QueryEncoding.escape(cursor))
        return path + "?" + parts.joined(separator: "&")
    }

    /// `{"items":[raw, raw, ...],"next":link}`; each item is already-encoded JSON.
    static func listBody(items: [[UInt8]], next: String?) -> [UInt8] {
        var writer = JSONWriter(capacity: items.reduce(64) { $0 + $1.count + 1 } + (next?.utf8.count ?? 4))
        write(items: items, next: next, into: &writer)
        return writer.bytes
    }

    /// Writes the list object into a larger document (e.g. a participant's `articles`).
    static func write(items: [[UInt8]], next: String?, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("items")
        writer.beginArray()
        for item in items { writer.raw(item) }
        writer.endArray()
        writer.field("next", next)
        writer.endObject()
    }
}

/// Percent-encoding of query values (RFC 3986 §3.4): unreserved characters stay, everything else is
/// escaped as UTF-8 bytes.
enum QueryEncoding {
    static func escape(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for b in value.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                out.append(b)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
