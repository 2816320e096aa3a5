import NewsLensHTTP

/// Decides whether a request may change the store or run an analysis (POST, DELETE): with an API key
/// configured it must carry `Authorization: Bearer <key>` (RFC 6750), compared in constant time; and a
/// browser request from another origin must come from one of the CORS write origins. Reads never pass
/// through here: they stay public.
struct WriteGuard: Sendable {
    /// The key's bytes; nil when writes are open to everyone.
    let apiKey: [UInt8]?
    /// CORS policy of the router; nil when CORS is off (then Origin is not judged either).
    let cors: CORSPolicy?

    init(apiKey: String?, cors: CORSPolicy?) {
        self.apiKey = apiKey.flatMap { $0.isEmpty ? nil : Array($0.utf8) }
        self.cors = cors
    }

    /// nil when the request may write, else the 401/403 problem response.
    func check(_ request: Request) -> Response? {
        if let apiKey {
            guard let header = request.headers["Authorization"], let token = Self.bearerToken(header) else {
                return ProblemResponses.unauthorized(wrongKey: false)
            }
            guard Self.constantTimeEquals(Array(token.utf8), apiKey) else {
                return ProblemResponses.unauthorized(wrongKey: true)
            }
        }
        if let cors, let origin = request.headers["Origin"],
           !cors.allowsWrite(origin: origin, host: request.headers["Host"])
        {
            return ProblemResponses.originNotAllowed(origin)
        }
        return nil
    }

    /// The token of "Bearer <token>" (scheme case-insensitive, RFC 9110 §11.1), trimmed.
    static func bearerToken(_ value: String) -> String? {
        let scalars = Array(value.utf8)
        guard scalars.count > 7, String(decoding: scalars[0..<6], as: UTF8.self).lowercased() == "bearer",
              scalars[6] == 0x20 else { return nil }
        let token = String(decoding: scalars[7...], as: UTF8.self).trimmingCharacters(in: " \t")
        return token.isEmpty ? nil : token
    }

    /// Compares without stopping at the first difference, so response time does not reveal how much of a
    /// guessed key was right (only its length may leak, which a key of fixed size does not care about).
    static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference: UInt8 = a.count == b.count ? 0 : 1
        let n = max(a.count, b.count)
        for i in 0..<n {
            let x = i < a.count ? a[i] : 0
            let y = i < b.count ? b[i] : 0
            difference |= x ^ y
        }
        return difference == 0
    }
}

extension String {
    /// Drops leading and trailing characters in `set` (ASCII only; Foundation-free).
    func trimmingCharacters(in set: String) -> String {
        let drop = Set(set.unicodeScalars)
        let scalars = Array(unicodeScalars)
        var lo = 0, hi = scalars.count
        while lo < hi, drop.contains(scalars[lo]) { lo += 1 }
        while hi > lo, drop.contains(scalars[hi - 1]) { hi -= 1 }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[lo..<hi])
        return String(out)
    }
}
