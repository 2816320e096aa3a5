import NewsLensExtraction
import NewsLensHTTP

/// The filter parameters of the lists (`kind`, `type`, `speaker`, `participant`, `q`): enumerations are
/// checked (a misspelt `kind` is a 400, not an empty list), free text is taken as given, and an empty
/// value means "no filter".
enum QueryFilters {
    /// `kind`: direct, partial or indirect.
    static func kind(_ query: QueryParameters) -> Result<QuoteKind?, ProblemResponse> {
        guard let text = query["kind"] else { return .success(nil) }
        guard let kind = QuoteKind(rawValue: text) else {
            return .failure(ProblemResponse(ProblemResponses.invalidParameter(
                "kind", text, expected: "one of " + QuoteKind.allCases.map(\.rawValue).joined(separator: ", "))))
        }
        return .success(kind)
    }

    /// `type`: person, organization, country or place.
    static func type(_ query: QueryParameters) -> Result<ParticipantType?, ProblemResponse> {
        guard let text = query["type"] else { return .success(nil) }
        guard let type = ParticipantType(rawValue: text) else {
            return .failure(ProblemResponse(ProblemResponses.invalidParameter(
                "type", text, expected: "one of " + ParticipantType.allCases.map(\.rawValue).joined(separator: ", "))))
        }
        return .success(type)
    }

    /// A free-text filter (`q`, `speaker`, `participant`); nil when absent or empty.
    static func text(_ query: QueryParameters, _ name: String) -> String? {
        guard let value = query[name], !value.isEmpty else { return nil }
        return value
    }
}
