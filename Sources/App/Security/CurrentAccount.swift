import Vapor
import Storage

/// Who is signed in: the account id in the database-backed session.
extension Request {
    static let sessionAccountKey = "account_id"
    static let sessionEmailKey = "account_email"
    static let sessionExpiresKey = "expires_at"
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
        guard let id = signedInAccountID else { return nil }
        guard let account = try await AccountStore(db: db).find(id: id) else {
            session.destroy()
            return nil
        }
        return account
    }

    /// Signs `account` in. Sessions are only ever created here (never for anonymous visitors),
    /// so there is no pre-login session id an attacker could plant.
    func signIn(_ account: Account) {
        session.data[Self.sessionAccountKey] = account.id.uuidString
        session.data[Self.sessionEmailKey] = account.email
        session.data[Self.sessionExpiresKey] = String(Date().timeIntervalSince1970 + Self.sessionLifetime)
    }

    func signOut() { if hasSession { session.destroy() } }
}
