import NewsLensHTTP
import NewsLensStore

/// The article collection: `POST /v1/articles` (analyse and store), `GET /v1/articles` (newest first,
/// paginated summaries), `GET` and `DELETE /v1/articles/{id}`.
struct ArticleHandlers: Sendable {
    let context: APIContext

    func register(on router: Router) {
        router.post("/v1/articles", options: context.articleRoute) { request in create(request) }
        router.get("/v1/articles", options: context.scanningRead) { request in list(request) }
        router.get("/v1/articles/{id}", options: context.inlineRead) { request in show(request) }
        // Offloaded: with a data directory a delete waits for its journal record to reach the disk.
        router.delete("/v1/articles/{id}", options: context.scanningRead) { request in remove(request) }
    }

    /// 201 + Location for a new article; 200 (same Location) when the same content was stored before.
    func create(_ request: Request) -> Response {
        if let denied = context.writeGuard.check(request) { return denied }
        return context.withStore { store in
            let submission: ArticleSubmission
            switch RequestBodyDecoder.decode(request) {
            case .success(let decoded): submission = decoded
            case .failure(let problem): return problem.response
            }
            let prepared = context.analyzer.prepare(submission)
            if let existing = store.article(contentID: prepared.contentID) { return stored(existing, created: false) }
            if let violation = context.analyzer.limitViolation(prepared) { return ProblemResponses.beyondAnalysisLimits(violation) }
            let analysis = context.analyze(prepared, input: prepared.inputLabel)
            do throws(StoreError) {
                let result = try store.insert(analysis, contentID: prepared.contentID)
                return stored(result.article, created: result.created)
            } catch {
                return ProblemResponses.store(error)
            }
        }
    }

    private func stored(_ article: StoredArticle, created: Bool) -> Response {
        let location = Self.path(of: article.id)
        return .storedArticle(article, bodies: context.preparedArticles, status: created ? .created : .ok,
                              headers: [HTTPField("Location", location), HTTPField("Content-Location", location)])
    }

    static func path(of id: String) -> String { "/v1/articles/" + QueryEncoding.escape(id) }

    /// Filters: `q` (headline, dateline, source), `participant`, `speaker`.
    func list(_ request: Request) -> Response {
        context.withStore { store in
            let query = request.query
            let paging: Pagination
            switch Pagination.parse(query) {
            case .success(let p): paging = p
            case .failure(let problem): return problem.response
            }
            let q = QueryFilters.text(query, "q")
            let participant = QueryFilters.text(query, "participant")
            let speaker = QueryFilters.text(query, "speaker")
            do throws(StoreError) {
                let page = try store.articles(ArticleQuery(limit: paging.limit, cursor: paging.cursor, q: q,
                                                           participant: participant, speaker: speaker))
                let next = Pagination.nextLink(path: "/v1/articles",
                                               filters: [("q", q), ("participant", participant), ("speaker", speaker)],
                                               limit: paging.limit, cursor: page.nextCursor)
                return .cacheableJSON(Pagination.listBody(items: page.items.map(\.summaryJSON), next: next))
            } catch {
                return ProblemResponses.store(error)
            }
        }
    }

    func show(_ request: Request) -> Response {
        context.withStore { store in
            let id = request.parameter("id") ?? ""
            guard let article = store.article(id: id) else { return ProblemResponses.articleNotFound(id) }
            return .storedArticle(article, bodies: context.preparedArticles)
        }
    }

    func remove(_ request: Request) -> Response {
        if let denied = context.writeGuard.check(request) { return denied }
        return context.withStore { store in
            let id = request.parameter("id") ?? ""
            // The full 64-digit content hash names the article as well as its short id.
            guard let article = store.article(id: id) else { return ProblemResponses.articleNotFound(id) }
            do throws(StoreError) {
                guard try store.delete(id: article.id) else { return ProblemResponses.articleNotFound(id) }
                context.preparedArticles.forget(article)
                return .empty(status: .noContent)
            } catch {
                return ProblemResponses.store(error)
            }
        }
    }
}
