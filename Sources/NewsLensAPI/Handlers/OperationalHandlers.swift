import NewsLensHTTP
import NewsLensJSON

/// The routes for operators and tools: `/healthz` (the process answers), `/readyz` (the store is loaded),
/// `/metrics` (Prometheus text) and `/openapi.json` (the API description, served from cached bytes).
struct OperationalHandlers: Sendable {
    let context: APIContext
    let openAPI: PreparedBody

    func register(on router: Router) {
        router.get("/healthz", options: context.inlineRead) { _ in Response(prepared: Self.healthBody) }
        router.get("/readyz", options: context.inlineRead) { _ in ready() }
        router.get("/metrics", options: context.inlineRead) { _ in metrics() }
        router.get("/openapi.json", options: context.inlineRead) { [openAPI] _ in Response(prepared: openAPI) }
    }

    /// 200 with the store's counts once it is loaded; 503 problem (Retry-After) before.
    func ready() -> Response {
        guard let store = context.stores.store else { return ProblemResponses.storeLoading() }
        let stats = store.statistics
        var w = JSONWriter(capacity: 128)
        w.beginObject()
        w.field("status", "ready")
        w.field("articles", stats.articles)
        w.field("durable", stats.durable)
        w.field("writable", stats.writable)
        w.endObject()
        return Response(status: .ok, contentType: "application/json", headers: [HTTPField("Cache-Control", "no-store")],
                        body: w.bytes)
    }

    func metrics() -> Response {
        Response(status: .ok, contentType: MetricsExposition.contentType,
                 headers: [HTTPField("Cache-Control", "no-store")],
                 body: MetricsExposition.render(context.metrics, store: context.stores.store))
    }

    /// `{"status":"ok"}`, encoded once: the probe costs no JSON encoding per request.
    static let healthBody: PreparedBody = {
        var writer = JSONWriter(capacity: 32)
        writer.beginObject()
        writer.field("status", "ok")
        writer.endObject()
        return PreparedBody(contentType: "application/json", bytes: writer.bytes)
    }()
}
