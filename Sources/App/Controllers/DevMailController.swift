import Vapor
import Views
import Storage

/// `/dev/mail`: the outbox as a page, for development without an SMTP server. Not registered
/// in production.
struct DevMailController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("dev", "mail", use: list)
    }

    func list(req: Request) async throws -> Response {
        let f = ISO8601DateFormatter()
        let messages = try await Outbox(db: req.db).recent(limit: 50).map {
            DevMailPage.Message(recipient: $0.recipient, subject: $0.subject, textBody: $0.textBody,
                                status: $0.status.rawValue, createdAt: f.string(from: $0.createdAt))
        }
        let res = Response.html(DevMailPage.render(messages, req.pageContext))
        res.headers.cacheControl = .init(noStore: true)
        return res
    }
}
