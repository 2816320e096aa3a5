import NewsLensHTTP

/// The seam between the HTTP server and the product API: `newslens serve` builds a `Router`, calls
/// `APIRoutes.register(on:context:webPage:)`, adds static files as the router's fallback, and starts the
/// server. Every operation of `openapi.json` is registered here, one handler type per resource.
public enum APIRoutes {
    /// `webPage` answers `GET /` (the page in `Public/`); without one, `/` is a 404 problem. `/` is a route
    /// of its own (not only the static fallback) so that other methods on it get 405 with Allow.
    public static func register(on router: Router, context: APIContext,
                                webPage: (@Sendable (Request) -> Response)? = nil) {
        OperationalHandlers(context: context, openAPI: OpenAPIDocument.preparedBody).register(on: router)
        AnalyzeHandler(context: context).register(on: router)
        ArticleHandlers(context: context).register(on: router)
        ArticlePartsHandlers(context: context).register(on: router)
        QuoteHandlers(context: context).register(on: router)
        ParticipantHandlers(context: context).register(on: router)
        router.get("/", options: context.inlineRead) { request in
            webPage?(request) ?? .problem(.notFound, "This server runs without its web page (no --public folder).")
        }
    }
}
