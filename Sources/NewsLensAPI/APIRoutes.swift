import NewsLensHTTP
import NewsLensJSON

/// The seam between the HTTP server and the product API: `newslens serve` builds a `Router`, calls
/// `APIRoutes.register(on:)`, adds static files as the router's fallback, and starts the server.
///
/// Today it registers the liveness probe. The /v1 API (issue 4) registers its routes here too, e.g.
///
///     router.get("/v1/articles/{id}") { request in … Response(prepared: cachedBody) … }
///     router.post("/v1/analyze", options: RouteOptions(maxBodyBytes: 8 << 20, execution: .offloaded)) { … }
///
/// and may grow this function's parameters (store, configuration) as it needs them.
public enum APIRoutes {
    public static func register(on router: Router) {
        router.get("/healthz") { _ in Response(prepared: healthBody) }
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
