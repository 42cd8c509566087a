import Vapor
import Views
import Portal
import Storage
import Localization
import Identity

/// The Moja Praca app's sign-in (`POST /api/v1/app/sign-in`): e-mail and password, with the
/// same limits as the login form, give a job seeker's device a token of its own — scoped,
/// valid 90 days, listed on the account page where it can be revoked, and ended with the
/// account's sessions. With it the device reads the account's API (`/api/v1/matches`,
/// `/api/v1/account/alerts`, `/api/v1/account/cvs`) and, with the `alerts` scope, saves and
/// removes saved searches.
struct AppSignInController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(SiteRoute.apiAppSignIn.pathComponents, use: signIn)
        routes.delete(SiteRoute.apiAppTokenCurrent.pathComponents, use: signOut)
        routes.get(SiteRoute.apiAccountAlerts.pathComponents, use: alerts)
        routes.post(SiteRoute.apiAccountAlerts.pathComponents, use: createAlert)
        routes.get(SiteRoute.apiAccountCVs.pathComponents, use: cvs)
        routes.delete(SiteRoute.apiAccountAlert(":id").pathComponents, use: deleteAlert)
        routes.post(SiteRoute.accountDeviceRevoke(":id").pathComponents, use: revokeDevice)
    }

    struct SignInInput: Content { var email: String?; var password: String?; var device: String?; var scopes: String? }

    struct TokenJSON: Content {
        let token: String
        let id: UUID
        let device: String
        let scopes: [String]
        let expires_at: Date
    }

    @Sendable func signIn(req: Request) async throws -> Response {
        let input = try req.content.decode(SignInInput.self)
        let t = req.catalogue
        var errors: [(field: String, message: String)] = []
        let device = (input.device ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if device.isEmpty || device.count > AppTokenPolicy.maximumDeviceName {
            errors.append(("device", t.text("app.device_name", ["max": "\(AppTokenPolicy.maximumDeviceName)"])))
        }
        let scopes = input.scopes.map(AppScope.parse) ?? Set(AppScope.allCases)
        if scopes == nil || scopes?.isEmpty == true {
            errors.append(("scopes", t.text("app.scopes", ["list": AppScope.allCases.map(\.rawValue).joined(separator: ", ")])))
        }
        let email = (input.email ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if email.isEmpty { errors.append(("email", t.text("validation.required"))) }
        if (input.password ?? "").isEmpty { errors.append(("password", t.text("validation.required"))) }
        try Problem.check(errors, req)
        let account: Account
        switch try await SignInCheck.check(email: email, password: input.password ?? "", req) {
        case .locked: throw Abort(.tooManyRequests, reason: t.text("login.locked", ["minutes": "15"]))
        case .failed: throw Abort(.unauthorized, reason: t.text("login.failed"))
        case .signedIn(let a): account = a
        }
        guard account.kind == .seeker else { throw Abort(.forbidden, reason: t.text("app.seekers_only")) }
        let token = AppTokenPolicy.prefix + Secrets.randomToken()
        let made = try await AppTokenStore(db: req.db).create(account: account.id, device: device, scopes: scopes ?? [], hash: Secrets.sha256Hex(token),
                                                              sessionEpoch: account.sessionEpoch)
        let json = TokenJSON(token: token, id: made.id, device: made.device, scopes: made.scopes.map(\.rawValue).sorted(), expires_at: made.expiresAt)
        let res = Response(status: .created)
        try res.content.encode(json)
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return res
    }

    /// The device signs itself out: its token ends.
    @Sendable func signOut(req: Request) async throws -> HTTPStatus {
        guard let account = try await req.signedInAccount(), let token = req.appToken else {
            throw Abort(.unauthorized, reason: req.catalogue.text("app.token_required"))
        }
        try await AppTokenStore(db: req.db).revoke(token.token, account: account.id)
        return .noContent
    }

    struct AlertJSON: Content {
        let id: UUID
        let kind: String
        let label: String
        let query: String
        let frequency: String
        let active: Bool
        let created_at: Date
        let last_run_at: Date?
    }

    struct AlertListJSON: Content { let items: [AlertJSON] }

    @Sendable func alerts(req: Request) async throws -> AlertListJSON {
        let account = try await req.apiSeeker(.read)
        return AlertListJSON(items: try await SavedSearchStore(db: req.db).list(account: account.id).map(Self.json))
    }

    /// A new saved search, checked as the search checks its query (`query` as in the search's address).
    @Sendable func createAlert(req: Request) async throws -> Response {
        let account = try await req.apiSeeker(.alerts)
        switch try await AlertController().save(try req.content.decode(AlertController.CreateInput.self), account: account, req) {
        case .refused(let field, let message): try Problem.check([(field, message)], req); throw Abort(.badRequest)
        case .saved(let id):
            guard let saved = try await SavedSearchStore(db: req.db).find(id) else { throw Abort(.notFound) }
            let res = Response(status: .created)
            try res.content.encode(Self.json(saved))
            return res
        }
    }

    static func json(_ s: SavedSearch) -> AlertJSON {
        AlertJSON(id: s.id, kind: s.kind.rawValue, label: s.label, query: s.query, frequency: s.frequency.rawValue, active: s.active,
                  created_at: s.createdAt, last_run_at: s.lastRunAt)
    }

    struct CVJSON: Content {
        let id: UUID
        let title: String
        let desired_job: String
        let occupation_code: String?
        /// The sections employers may see.
        let shared: [String]
        let updated_at: Date
    }

    struct CVListJSON: Content { let items: [CVJSON] }

    /// The seeker's CVs (scope read).
    @Sendable func cvs(req: Request) async throws -> CVListJSON {
        let account = try await req.apiSeeker(.read)
        return CVListJSON(items: try await CVStore(db: req.db).list(account: account.id).map {
            CVJSON(id: $0.id, title: $0.draft.title, desired_job: $0.draft.desiredJob, occupation_code: $0.draft.occupationCode,
                   shared: $0.draft.shared.map(\.rawValue).sorted(), updated_at: $0.updatedAt)
        })
    }

    @Sendable func deleteAlert(req: Request) async throws -> HTTPStatus {
        let account = try await req.apiSeeker(.alerts)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        do { try await SavedSearchStore(db: req.db).delete(id, account: account.id) } catch SavedSearchError.notFound { throw Abort(.notFound) }
        return .noContent
    }

    /// From the account page: one device's sign-in ends.
    @Sendable func revokeDevice(req: Request) async throws -> Response {
        guard let account = try await req.signedInAccount() else { return req.redirect(to: SiteRoute.login.path) }
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), try await AppTokenStore(db: req.db).revoke(id, account: account.id) else {
            throw Abort(.notFound)
        }
        return req.redirect(to: SiteRoute.account.with(["notice": "device_revoked"]), redirectType: .normal)
    }
}
