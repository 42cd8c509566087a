import Vapor
import Views
import Storage
import Clients

/// Staff sign in in two steps: the password makes a short "pending" session, and only a TOTP
/// code (or a recovery code) turns it into a signed-in staff session.
extension Request {
    static let sessionSecondFactorKey = "second_factor"
    static let sessionPendingStaffKey = "pending_staff"
    static let sessionPendingUntilKey = "pending_until"
    /// Time to type the code after the password.
    static let pendingLifetime: TimeInterval = 10 * 60

    func beginStaffSignIn(_ account: Account) async throws {
        try await renewSessionID()
        session.data[Self.sessionPendingStaffKey] = account.id.uuidString
        session.data[Self.sessionPendingUntilKey] = String(Date().timeIntervalSince1970 + Self.pendingLifetime)
    }

    /// The staff member between password and code, if the pending step has not expired.
    func pendingStaff() async throws -> StaffMember? {
        guard hasSession, let until = session.data[Self.sessionPendingUntilKey].flatMap(Double.init),
              Date().timeIntervalSince1970 < until,
              let id = session.data[Self.sessionPendingStaffKey].flatMap(UUID.init(uuidString:)) else { return nil }
        guard let member = try await StaffStore(db: db).find(id), member.active else { return nil }
        return member
    }

    /// Completes a staff sign-in: the pending marks go, the second-factor mark comes.
    func completeStaffSignIn(_ member: StaffMember) async throws {
        guard let account = try await AccountStore(db: db).find(id: member.id) else { return }
        session.data[Self.sessionPendingStaffKey] = nil
        session.data[Self.sessionPendingUntilKey] = nil
        try await signIn(account)
        session.data[Self.sessionSecondFactorKey] = "totp"
    }

    /// The signed-in staff member: a staff account that passed the second factor and is active.
    /// On a read of the API (`GET /api/…`), a personal API token (`Authorization: Bearer …`)
    /// stands for the session; never on pages or for changes.
    func signedInStaff() async throws -> StaffMember? {
        if let cached = storage[SignedInStaffKey.self] { return cached }
        let id: UUID
        if let session = signedInAccountID, self.session.data[Self.sessionSecondFactorKey] == "totp" {
            id = session
        } else if method == .GET, url.path.hasPrefix(SiteRoute.apiPrefix), let bearer = headers.bearerAuthorization,
                  let account = try await StaffTokenStore(db: db).account(forHash: Secrets.sha256Hex(bearer.token)) {
            id = account
        } else {
            return nil
        }
        guard let member = try await StaffStore(db: db).find(id), member.active else { return nil }
        storage[SignedInStaffKey.self] = member
        return member
    }

    private struct SignedInStaffKey: StorageKey { typealias Value = StaffMember }
}
