import NewsLensHTTP

/// `POST /v1/analyze`: analyses the submitted article and answers the analysis without storing it.
/// Offloaded: the engine runs on the worker queue, so a slow analysis never delays other connections.
struct AnalyzeHandler: Sendable {
    let context: APIContext

    func register(on router: Router) {
        router.post("/v1/analyze", options: context.articleRoute) { request in analyze(request) }
    }

    func analyze(_ request: Request) -> Response {
        if let denied = context.writeGuard.check(request) { return denied }
        let submission: ArticleSubmission
        switch RequestBodyDecoder.decode(request) {
        case .success(let decoded): submission = decoded
        case .failure(let problem): return problem.response
        }
        let prepared = context.analyzer.prepare(submission)
        if let violation = context.analyzer.limitViolation(prepared) { return ProblemResponses.beyondAnalysisLimits(violation) }
        let analysis = context.analyze(prepared, input: prepared.inputLabel)
        return .json(analysis.jsonBytes())
    }
}
