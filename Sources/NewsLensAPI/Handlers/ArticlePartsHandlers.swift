import NewsLensExtraction
import NewsLensHTTP
import NewsLensStore

/// The parts of one stored article: `GET /v1/articles/{id}/quotes` (`?speaker=`, `?kind=`) and
/// `GET /v1/articles/{id}/participants` (`?type=`), as `{"items": [...], "next": null}` lists sliced out
/// of the stored JSON (an article's parts come in one page).
struct ArticlePartsHandlers: Sendable {
    let context: APIContext

    func register(on router: Router) {
        router.get("/v1/articles/{id}/quotes", options: context.inlineRead) { request in quotes(request) }
        router.get("/v1/articles/{id}/participants", options: context.inlineRead) { request in participants(request) }
    }

    /// `speaker` is a participant id or a name, merged across articles ("Aso" finds "Taro Aso").
    func quotes(_ request: Request) -> Response {
        context.withStore { store in
            let query = request.query
            let kind: QuoteKind?
            switch QueryFilters.kind(query) {
            case .success(let k): kind = k
            case .failure(let problem): return problem.response
            }
            let id = request.parameter("id") ?? ""
            guard let hits = store.quotes(inArticle: id, speaker: QueryFilters.text(query, "speaker"), kind: kind) else {
                return ProblemResponses.articleNotFound(id)
            }
            return .cacheableJSON(Pagination.listBody(items: hits.map(QuoteItems.json), next: nil))
        }
    }

    func participants(_ request: Request) -> Response {
        context.withStore { store in
            let type: ParticipantType?
            switch QueryFilters.type(request.query) {
            case .success(let t): type = t
            case .failure(let problem): return problem.response
            }
            let id = request.parameter("id") ?? ""
            guard let article = store.article(id: id) else { return ProblemResponses.articleNotFound(id) }
            let items = article.participantIndices(type: type).map { Array(article.participantJSON(at: $0)) }
            return .cacheableJSON(Pagination.listBody(items: items, next: nil))
        }
    }
}
