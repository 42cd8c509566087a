import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage

/// Personal API tokens: made on the security page and shown once, read the API in their
/// owner's name (never pages, never changes), stored only as a hash, revoked or expired → 401.
@Suite(.serialized) struct StaffTokenTests {
    static func get(_ app: Application, _ path: String, token: String) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(.GET, path, headers: ["Authorization": "Bearer \(token)"]) { result = $0 }
        return result!
    }

    @Test func aTokenReadsTheQueuesInItsOwnersNameUntilItIsRevoked() async throws {
        try await withTestApp { app in
            let boss = try await TestStaff.create(app, email: "s@example.org", roles: [.supervisor], scope: .offices(["pup-2002"]))
            let browser = try await boss.signIn(app)
            let bad = try await browser.post("/staff/security/tokens?lang=en", ["token_name": " "], csrfFrom: "/staff/security")
            #expect(bad.status == .badRequest && bad.body.string.contains("Token name: write 1 to 60 characters."))

            let made = try await browser.post("/staff/security/tokens", ["token_name": "Ekran w sali"], csrfFrom: "/staff/security")
            let html = made.body.string
            let start = try #require(html.range(of: "id=\"new-token\">"))
            let token = String(html[start.upperBound...].prefix { $0 != "<" })
            #expect(token.hasPrefix("zl_") && token.count > 30)
            #expect(!(try await browser.get("/staff/security").body.string.contains(token)), "shown once")
            let rows = try await (app.db as! any SQLDatabase).raw("SELECT token_hash FROM staff_tokens").all()
            let stored = try rows.map { try $0.decode(column: "token_hash", as: String.self) }
            #expect(stored == [Secrets.sha256Hex(token)])

            let queues = try await Self.get(app, "/api/v1/queues", token: token)
            #expect(queues.status == .ok && queues.body.string.contains("\"queues\""))
            #expect(try await Self.get(app, "/api/v1/queues?office=pup-2001", token: token).status == .forbidden, "scope as its owner's")
            #expect(try await Self.get(app, "/api/v1/queues", token: "zl_guess").status == .unauthorized)
            // Pages and changes need the session with the second factor.
            #expect(try await Self.get(app, "/staff/home", token: token).headers.first(name: .location) == "/login")
            var post: TestingHTTPResponse?
            try await app.testing().test(.POST, "/api/v1/agent/state", headers: ["Authorization": "Bearer \(token)"],
                                         beforeRequest: { try $0.content.encode(["state": "available"], as: .urlEncodedForm) }) { post = $0 }
            #expect(post?.status == .forbidden || post?.status == .unauthorized)

            let id = try #require(try await StaffTokenStore(db: app.db).list(account: boss.id).first?.id)
            #expect(try await browser.post("/staff/security/tokens/\(id)/revoke", [:], csrfFrom: "/staff/security").status == .seeOther)
            #expect(try await Self.get(app, "/api/v1/queues", token: token).status == .unauthorized)

            // Someone else's token cannot be revoked by id; an expired one reads nothing.
            let other = try await TestStaff.create(app, email: "o@example.org", roles: [.supervisor], scope: .offices(["pup-2002"]))
            let theirs = try await StaffTokenStore(db: app.db).create(account: other.id, name: "x", hash: Secrets.sha256Hex("zl_old"),
                                                                      expiresAt: Date().addingTimeInterval(-1))
            #expect(try await browser.post("/staff/security/tokens/\(theirs)/revoke", [:], csrfFrom: "/staff/security").status == .notFound)
            #expect(try await Self.get(app, "/api/v1/queues", token: "zl_old").status == .unauthorized)
        }
    }
}
