import Vapor

/// Refuses a body no decoder can read safely (see `BodyContentType`) with a 4xx in the
/// visitor's language, before the CSRF check or a route looks inside it.
struct BodyGuardMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        switch BodyContentType.problem(in: req.headers) {
        case .boundary?: throw Abort(.badRequest, reason: req.catalogue.text("error.multipart_boundary"))
        case .header?: throw Abort(.badRequest, reason: req.catalogue.text("error.malformed_form"))
        case .charset?: throw Abort(.unsupportedMediaType, reason: req.catalogue.text("error.charset"))
        case nil: return try await next.respond(to: req)
        }
    }
}
