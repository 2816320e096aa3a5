import NewsLensExtraction
import NewsLensHTTP
import NewsLensJSON
import NewsLensStore

/// Participants merged across the stored articles: `GET /v1/participants` (ordered by id, `?type=`,
/// `?q=` over names and aliases, paginated, with article and quote counts) and
/// `GET /v1/participants/{id}` (one participant with the first page of its articles and of its quotes,
/// each with a `next` link into `/v1/articles?participant=` and `/v1/quotes?speaker=`).
struct ParticipantHandlers: Sendable {
    let context: APIContext
    /// Items of the embedded lists of one participant.
    static let embeddedPage = 100

    func register(on router: Router) {
        router.get("/v1/participants", options: context.scanningRead) { request in list(request) }
        router.get("/v1/participants/{id}", options: context.scanningRead) { request in show(request) }
    }

    func list(_ request: Request) -> Response {
        context.withStore { store in
            let query = request.query
            let paging: Pagination
            let type: ParticipantType?
            switch (Pagination.parse(query), QueryFilters.type(query)) {
            case (.failure(let problem), _), (_, .failure(let problem)): return problem.response
            case (.success(let p), .success(let t)): paging = p; type = t
            }
            let q = QueryFilters.text(query, "q")
            do throws(StoreError) {
                let page = try store.participants(ParticipantQuery(limit: paging.limit, cursor: paging.cursor, type: type, q: q))
                let items = page.items.map { summary -> [UInt8] in
                    var w = JSONWriter(capacity: 256)
                    summary.write(to: &w)
                    return w.bytes
                }
                let next = Pagination.nextLink(path: "/v1/participants", filters: [("type", type?.rawValue), ("q", q)],
                                               limit: paging.limit, cursor: page.nextCursor)
                return .cacheableJSON(Pagination.listBody(items: items, next: next))
            } catch {
                return ProblemResponses.store(error)
            }
        }
    }

    /// The participant's fields, then `"articles"` and `"quotes"` as `{"items", "next"}` lists.
    func show(_ request: Request) -> Response {
        context.withStore { store in
            let type: ParticipantType?
            switch QueryFilters.type(request.query) {
            case .success(let t): type = t
            case .failure(let problem): return problem.response
            }
            let id = request.parameter("id") ?? ""
            guard let participant = store.participant(id: id, type: type) else {
                return ProblemResponses.participantNotFound(id)
            }
            do throws(StoreError) {
                let limit = Self.embeddedPage
                let articles = try store.articles(ArticleQuery(limit: limit, participant: participant.id))
                let quotes = try store.quotes(QuoteQuery(limit: limit, speaker: participant.id))
                var w = JSONWriter(capacity: 4096)
                participant.write(to: &w)
                var body = w.bytes
                body.removeLast()  // reopen the participant object to add its lists
                var lists = JSONWriter(capacity: 4096)
                lists.beginObject()
                lists.key("articles")
                Pagination.write(items: articles.items.map(\.summaryJSON),
                                 next: Pagination.nextLink(path: "/v1/articles", filters: [("participant", participant.id)],
                                                           limit: limit, cursor: articles.nextCursor),
                                 into: &lists)
                lists.key("quotes")
                Pagination.write(items: quotes.items.map(QuoteItems.json),
                                 next: Pagination.nextLink(path: "/v1/quotes", filters: [("speaker", participant.id)],
                                                           limit: limit, cursor: quotes.nextCursor),
                                 into: &lists)
                lists.endObject()
                body.append(UInt8(ascii: ","))
                body.append(contentsOf: lists.bytes.dropFirst())
                return .cacheableJSON(body)
            } catch {
                return ProblemResponses.store(error)
            }
        }
    }
}
