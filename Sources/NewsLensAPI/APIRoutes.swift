import NewsLensHTTP

/// The seam between the HTTP server and the product API: `newslens serve` builds a `Router`, calls
/// `APIRoutes.register(on:context:)`, adds static files as the router's fallback, and starts the server.
/// Every route of `openapi.json` is registered here, one handler type per resource.
public enum APIRoutes {
    public static func register(on router: Router, context: APIContext) {
        OperationalHandlers(context: context, openAPI: OpenAPIDocument.preparedBody).register(on: router)
        AnalyzeHandler(context: context).register(on: router)
        ArticleHandlers(context: context).register(on: router)
        ArticlePartsHandlers(context: context).register(on: router)
        QuoteHandlers(context: context).register(on: router)
        ParticipantHandlers(context: context).register(on: router)
    }
}
