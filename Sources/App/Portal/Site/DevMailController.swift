import Vapor
import Views
import Storage
import Access

/// `/dev/mail`: the outbox as a page, for development without an SMTP server. Not registered
/// in production, and shown only to the machine itself: it holds reset and verification links.
struct DevMailController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("dev", "mail", use: list)
    }

    /// A loopback peer with no forwarding headers: a browser on this machine, not a visitor
    /// relayed by a local proxy.
    static func isLocal(_ req: Request) -> Bool {
        guard req.headers[.xForwardedFor].isEmpty, req.headers[.forwarded].isEmpty,
              let peer = req.remoteAddress?.ipAddress.flatMap(IPAddress.init) else { return false }
        return ["127.0.0.0/8", "::1/128"].compactMap(IPRange.init).contains { $0.contains(peer) }
    }

    func list(req: Request) async throws -> Response {
        guard Self.isLocal(req) else { throw Abort(.notFound) }
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
