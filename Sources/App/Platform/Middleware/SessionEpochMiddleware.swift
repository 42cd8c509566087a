import Vapor
import Storage

/// Ends a signed-in session whose epoch stamp is older than its account's: a password change or
/// reset, or "sign out everywhere", raised the epoch after the session began.
struct SessionEpochMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let id = req.signedInAccountID {
            let current = try await AccountStore(db: req.db).sessionEpoch(id)
            if current == nil || req.session.data[Request.sessionEpochKey] != current.map(String.init) {
                req.session.data = SessionData()
                req.session.destroy()
            }
        }
        return try await next.respond(to: req)
    }
}
