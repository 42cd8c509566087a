import Vapor
import Content
import Storage
import Portal
import Views

/// A request signed in with a device's app token: which token and what it may do.
struct AppTokenAuth: Sendable {
    let token: UUID
    let scopes: Set<AppScope>
}

/// Who is signed in: the account id in the database-backed session.
extension Request {
    static let sessionAccountKey = "account_id"
    static let sessionEmailKey = "account_email"
    static let sessionExpiresKey = "expires_at"
    static let sessionEpochKey = "session_epoch"
    /// The account's kind, so a page knows its reader's closed zones without a database read.
    static let sessionKindKey = "account_kind"
    /// A sign-in lasts at most this long, however active.
    static let sessionLifetime: TimeInterval = 12 * 3600

    /// Only a request that came with a session cookie has a session: anonymous visitors never
    /// cause a session row to be written.
    var signedInAccountID: UUID? {
        guard hasSession else { return nil }
        guard let expires = session.data[Self.sessionExpiresKey].flatMap(Double.init), Date().timeIntervalSince1970 < expires else {
            return nil
        }
        return session.data[Self.sessionAccountKey].flatMap(UUID.init(uuidString:))
    }

    var signedInEmail: String? { signedInAccountID == nil ? nil : session.data[Self.sessionEmailKey] }

    func signedInAccount() async throws -> Account? {
        guard let id = signedInAccountID else { return try await appTokenAccount() }
        guard let account = try await AccountStore(db: db).find(id: id) else {
            session.destroy()
            return nil
        }
        return account
    }

    private struct AppTokenKey: StorageKey { typealias Value = AppTokenAuth }

    /// The token a device of the Moja Praca app signed in with, when this API request came with one.
    var appToken: AppTokenAuth? { storage[AppTokenKey.self] }

    /// On the API, a device's token (`Authorization: Bearer zla_…`) stands for its account.
    private func appTokenAccount() async throws -> Account? {
        guard url.path.hasPrefix(SiteRoute.apiPrefix), let bearer = headers.bearerAuthorization, bearer.token.hasPrefix(AppTokenPolicy.prefix),
              let found = try await AppTokenStore(db: db).use(hash: Secrets.sha256Hex(bearer.token)) else { return nil }
        storage[AppTokenKey.self] = AppTokenAuth(token: found.token, scopes: found.scopes)
        return try await AccountStore(db: db).find(id: found.account)
    }

    /// The job seeker an API call is made for (a session or a device's token), with the scope
    /// it needs: 401 without a sign-in, 403 for another kind of account or a missing scope.
    func apiSeeker(_ scope: AppScope) async throws -> Account {
        guard let account = try await signedInAccount() else { throw Abort(.unauthorized, reason: catalogue.text("app.sign_in")) }
        guard account.kind == .seeker else { throw Abort(.forbidden, reason: catalogue.text("app.seekers_only")) }
        try requireAppScope(scope)
        return account
    }

    /// A device's token must carry the scope for what it asks (a browser's session may do all).
    func requireAppScope(_ scope: AppScope) throws {
        if let token = appToken, !token.scopes.contains(scope) {
            throw Abort(.forbidden, reason: catalogue.text("app.scope_missing", ["scope": scope.rawValue]))
        }
    }

    /// Signs `account` in, under a new session id: an id the browser brought (one an attacker
    /// may have planted) never becomes a signed-in session. Sessions are only ever created here,
    /// so anonymous visitors cost no session row. The session is stamped with the account's
    /// epoch, so that raising it ends the session (`SessionEpochMiddleware`).
    func signIn(_ account: Account) async throws {
        try await renewSessionID()
        session.data[Self.sessionAccountKey] = account.id.uuidString
        session.data[Self.sessionEmailKey] = account.email
        session.data[Self.sessionExpiresKey] = String(Date().timeIntervalSince1970 + Self.sessionLifetime)
        session.data[Self.sessionEpochKey] = String(account.sessionEpoch)
        session.data[Self.sessionKindKey] = account.kind.rawValue
    }

    /// Who reads, from the session alone (menus on every page): staff only with their second
    /// factor. Pages that open a closed zone's content ask the database (`NewsText.viewer`).
    var sessionViewer: ContentViewer {
        guard signedInAccountID != nil else { return .anonymous }
        switch session.data[Self.sessionKindKey] {
        case "seeker": return .seeker
        case "employer": return .employer
        case "staff": return session.data[Self.sessionSecondFactorKey] == "totp" ? .staff : .anonymous
        default: return .anonymous
        }
    }

    /// At every change of privilege: the old id is deleted, the data moves to an id the
    /// sessions middleware creates when it answers.
    func renewSessionID() async throws {
        guard hasSession, let old = session.id else { return }
        try await application.sessions.driver.deleteSession(old, for: self).get()
        session.id = nil
    }

    func signOut() { if hasSession { session.destroy() } }
}
