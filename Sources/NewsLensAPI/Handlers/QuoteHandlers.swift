import NewsLensExtraction
import NewsLensHTTP
import NewsLensStore

/// `GET /v1/quotes`: quotes across every stored article, newest article first and in document order
/// within one, filtered by `speaker` (participant id or name, merged across articles), `kind` and `q`
/// (case-insensitive substring of the quote text), paginated.
struct QuoteHandlers: Sendable {
    let context: APIContext

    func register(on router: Router) {
        router.get("/v1/quotes", options: context.scanningRead) { request in list(request) }
    }

    func list(_ request: Request) -> Response {
        context.withStore { store in
            let query = request.query
            let paging: Pagination
            let kind: QuoteKind?
            switch (Pagination.parse(query), QueryFilters.kind(query)) {
            case (.failure(let problem), _), (_, .failure(let problem)): return problem.response
            case (.success(let p), .success(let k)): paging = p; kind = k
            }
            let speaker = QueryFilters.text(query, "speaker")
            let q = QueryFilters.text(query, "q")
            do throws(StoreError) {
                let page = try store.quotes(QuoteQuery(limit: paging.limit, cursor: paging.cursor, speaker: speaker,
                                                       kind: kind, q: q))
                let next = Pagination.nextLink(path: "/v1/quotes",
                                               filters: [("speaker", speaker), ("kind", kind?.rawValue), ("q", q)],
                                               limit: paging.limit, cursor: page.nextCursor)
                return .cacheableJSON(Pagination.listBody(items: page.items.map(QuoteItems.json), next: next))
            } catch {
                return ProblemResponses.store(error)
            }
        }
    }
}
