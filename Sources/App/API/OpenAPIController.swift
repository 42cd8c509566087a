import Vapor
import Views

/// `GET /api/openapi.json`: what the API offers, for the app and anyone who builds on it.
struct OpenAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.apiOpenAPI.pathComponents) { _ -> Response in
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
            return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
        }
    }
}
