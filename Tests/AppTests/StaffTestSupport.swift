import Foundation
import Vapor
import VaporTesting
import Testing
@testable import App
@testable import Storage
import Access

/// Staff members for tests: created in the database with a known password and an enrolled
/// authenticator, and signed in through the real two-step login.
struct TestStaff {
    static let password = "biurko przy oknie 7"
    let id: UUID
    let email: String
    let secret: Data

    static func create(_ app: Application, email: String, roles: Set<StaffRole>, scope: OfficeScope) async throws -> TestStaff {
        let id = try await StaffStore(db: app.db).create(email: email, passwordHash: try app.password.hash(password), displayName: "Test \(email)",
                                                         roles: roles, scope: scope, language: "en")
        let secret = TOTP.newSecret()
        try await StaffStore(db: app.db).setPendingSecret(id, ciphertext: try app.services.cipher.encrypt(Base32.encode(secret)))
        try await StaffStore(db: app.db).confirmSecret(id, step: 0, recoveryCodeHashes: [RecoveryCodes.hash("aaaaa-bbbbb")])
        return TestStaff(id: id, email: email, secret: secret)
    }

    func code(at date: Date = Date()) -> String { TOTP(secret: secret).code(at: date) }

    /// Password, then the current code; returns a browser holding the staff session.
    func signIn(_ app: Application) async throws -> FormClient {
        let browser = FormClient(app)
        let first = try await browser.post("/login", ["email": email, "password": Self.password])
        #expect(first.headers.first(name: .location) == "/login/two-factor")
        let second = try await browser.post("/login/two-factor", ["code": code()])
        #expect(second.headers.first(name: .location) == "/staff/home", "two-factor step for \(email)")
        return browser
    }
}
