import Vapor
import Views
import Portal
import Storage

/// A copy of the seeker's data through the API (art. 15 and 20), as on the privacy page: asked
/// for with the password again (a device's token alone does not hand out everything), built in
/// the background, downloaded for a week. Scope `privacy`.
struct PrivacyAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(SiteRoute.apiAccountExports.pathComponents, use: request)
        routes.get(SiteRoute.apiAccountExport(":id").pathComponents, use: show)
        routes.get(SiteRoute.apiAccountExportFile(":id").pathComponents, use: file)
    }

    struct ExportJSON: Content {
        let id: UUID
        /// queued, building, ready or expired.
        let status: String
        let requested_at: Date
        let expires_at: Date?
        let size: Int?
        /// Where the ZIP is, once ready.
        let file: String?

        init(_ e: PrivacyExport, now: Date = Date()) {
            id = e.id; requested_at = e.requestedAt; expires_at = e.expiresAt; size = e.size
            status = e.expired(now: now) ? "expired" : e.status.rawValue
            file = e.status == .ready && !e.expired(now: now) ? SiteRoute.apiAccountExportFile(e.id.uuidString.lowercased()).path : nil
        }
    }

    struct RequestInput: Content { var password: String? }

    @Sendable func request(req: Request) async throws -> Response {
        let account = try await req.apiSeeker(.privacy)
        let t = req.catalogue
        guard try await req.password.async.verify(try req.content.decode(RequestInput.self).password ?? "", created: account.passwordHash) else {
            throw Abort(.unauthorized, reason: t.text("account_privacy.erasure_wrong_password"))
        }
        let store = PrivacyExportStore(db: req.db)
        let id: UUID
        do { id = try await store.request(account: account.id, language: req.language.rawValue) } catch PrivacyExportError.alreadyBuilding {
            throw Abort(.conflict, reason: t.text("account_privacy.export_already"))
        }
        guard let made = try await store.find(id) else { throw Abort(.notFound) }
        let res = Response(status: .accepted)
        try res.content.encode(ExportJSON(made))
        return res
    }

    func own(_ req: Request, _ account: Account) async throws -> PrivacyExport {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let e = try await PrivacyExportStore(db: req.db).find(id),
              e.accountID == account.id else { throw Abort(.notFound) }
        return e
    }

    @Sendable func show(req: Request) async throws -> ExportJSON {
        ExportJSON(try await own(req, try await req.apiSeeker(.privacy)))
    }

    @Sendable func file(req: Request) async throws -> Response {
        let account = try await req.apiSeeker(.privacy)
        let e = try await own(req, account)
        do {
            return AccountPrivacyController.zip(try await PrivacyExportStore(db: req.db).download(e.id, account: account.id))
        } catch PrivacyExportError.notReady {
            throw Abort(.conflict, reason: req.catalogue.text("app.export_not_ready"))
        } catch PrivacyExportError.expired {
            throw Abort(.gone, reason: req.catalogue.text("account_privacy.export_expired"))
        }
    }
}
