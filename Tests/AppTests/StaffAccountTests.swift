import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import Access

@Suite(.serialized) struct StaffAccountTests {
    /// The base32 key shown on the enrolment page.
    static func secret(in html: String) -> Data? {
        guard let r = html.range(of: "id=\"totp-secret\">") else { return nil }
        return Base32.decode(String(html[r.upperBound...].prefix { $0 != "<" }))
    }

    static func recoveryCodes(in html: String) -> [String] {
        html.components(separatedBy: "<li><code>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    @Test func firstSignInEnrolsTheAuthenticatorThenEveryCodeWorksOnce() async throws {
        try await withTestApp { app in
            let id = try await StaffStore(db: app.db).create(email: "nowa@example.org", passwordHash: try app.password.hash(TestStaff.password),
                                                             displayName: "Nowa", roles: [.consultant], scope: .offices(["pup-2002"]), language: "pl")
            let browser = FormClient(app)
            let login = try await browser.post("/login?lang=en", ["email": "nowa@example.org", "password": TestStaff.password])
            #expect(login.headers.first(name: .location) == "/login/two-factor/setup")
            #expect(try await browser.get("/staff/home").status == .seeOther, "no staff pages before the second factor")

            let setup = try await browser.get("/login/two-factor/setup")
            let secret = try #require(Self.secret(in: setup.body.string))
            #expect(setup.body.string.contains("otpauth://totp/"))
            #expect(setup.body.string.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\" role=\"img\""), "a QR code to scan")
            #expect(Self.secret(in: try await browser.get("/login/two-factor/setup").body.string) == secret, "the same key on reload")
            let stored = try #require(try await StaffStore(db: app.db).find(id)?.totpSecretCiphertext)
            #expect(!stored.contains(Base32.encode(secret)), "the key is stored encrypted")

            let wrong = try await browser.post("/login/two-factor/setup", ["code": "000000"], csrfFrom: "/login/two-factor/setup")
            #expect(wrong.status == .unauthorized)
            let totp = TOTP(secret: secret)
            let firstCode = totp.code(at: Date())
            let enrolled = try await browser.post("/login/two-factor/setup", ["code": firstCode], csrfFrom: "/login/two-factor/setup")
            #expect(enrolled.status == .ok)
            let codes = Self.recoveryCodes(in: enrolled.body.string)
            #expect(codes.count == 10)
            #expect(try await browser.get("/staff/home").status == .ok)

            // Next sign-in: the code just used cannot be used again; a recovery code works once.
            _ = try await browser.post("/logout", [:], csrfFrom: "/staff/home")
            let again = FormClient(app)
            #expect(try await again.post("/login", ["email": "nowa@example.org", "password": TestStaff.password])
                .headers.first(name: .location) == "/login/two-factor")
            let replay = try await again.post("/login/two-factor", ["code": firstCode], csrfFrom: "/login/two-factor")
            #expect(replay.status == .unauthorized)
            let recovered = try await again.post("/login/two-factor", ["code": codes[0].uppercased()], csrfFrom: "/login/two-factor")
            #expect(recovered.headers.first(name: .location) == "/staff/home")
            #expect(try await StaffStore(db: app.db).remainingRecoveryCodes(id) == 9)
            _ = try await again.post("/logout", [:], csrfFrom: "/staff/home")

            let third = FormClient(app)
            _ = try await third.post("/login", ["email": "nowa@example.org", "password": TestStaff.password])
            #expect(try await third.post("/login/two-factor", ["code": codes[0]], csrfFrom: "/login/two-factor").status == .unauthorized,
                    "a used recovery code is refused")
        }
    }

    @Test func wrongCodesLockTheSecondStepOut() async throws {
        try await withTestApp { app in
            let staff = try await TestStaff.create(app, email: "lock@example.org", roles: [.consultant], scope: .offices(["pup-2002"]))
            let browser = FormClient(app)
            _ = try await browser.post("/login?lang=en", ["email": staff.email, "password": TestStaff.password])
            for _ in 0..<TwoFactor.limit.attempts {
                #expect(try await browser.post("/login/two-factor", ["code": "123456"], csrfFrom: "/login/two-factor").status == .unauthorized)
            }
            let locked = try await browser.post("/login/two-factor", ["code": staff.code()], csrfFrom: "/login/two-factor")
            #expect(locked.status == .tooManyRequests, "even the right code waits out the lockout")
            #expect(locked.body.string.contains("15 minutes"))
        }
    }

    @Test func administratorsManageStaffOfTheirOwnOfficesOnly() async throws {
        try await withTestApp { app in
            let admin = try await TestStaff.create(app, email: "admin@example.org", roles: [.administrator], scope: .offices(["pup-2002"]))
            let browser = try await admin.signIn(app)
            let form = ["email": "Konsultant@Example.org", "display_name": "Ewa Konsultant", "role_consultant": "on",
                        "offices": "pup-2002", "active": "on"]
            let created = try await browser.post("/staff?lang=en", form, csrfFrom: "/staff/new")
            #expect(created.headers.first(name: .location) == "/staff?notice=created")
            let account = try #require(try await AccountStore(db: app.db).find(email: "konsultant@example.org"))
            let member = try #require(try await StaffStore(db: app.db).find(account.id))
            #expect(member.roles == [.consultant] && member.scope == .offices(["pup-2002"]) && !member.totpConfirmed)
            let mail = try #require(try await Outbox(db: app.db).recent().first { $0.recipient == "konsultant@example.org" })
            #expect(mail.textBody.contains("/reset-password?token="))
            #expect(try await AuditLog(db: app.db).entries(.init(action: "staff.created")).count == 1)

            var foreign = form; foreign["email"] = "x@example.org"; foreign["offices"] = "pup-2002, pup-2001"
            #expect(try await browser.post("/staff", foreign, csrfFrom: "/staff/new").status == .forbidden)
            var national = form; national["email"] = "y@example.org"; national["national"] = "on"
            #expect(try await browser.post("/staff", national, csrfFrom: "/staff/new").status == .forbidden)
            var bad = form; bad["email"] = "z@example.org"; bad["role_consultant"] = nil; bad["display_name"] = ""
            let refused = try await browser.post("/staff?lang=en", bad, csrfFrom: "/staff/new")
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("Choose at least one role") && refused.body.string.contains("Please enter: Name."))
            #expect(try await AccountStore(db: app.db).find(email: "z@example.org") == nil)

            // Moving a member to a foreign office is refused; blocking works.
            var move = form; move["offices"] = "pup-2001"
            #expect(try await browser.post("/staff/members/\(member.id)", move, csrfFrom: "/staff/new").status == .forbidden)
            var block = form; block["active"] = nil
            _ = try await browser.post("/staff/members/\(member.id)", block, csrfFrom: "/staff/new")
            #expect(try await StaffStore(db: app.db).find(member.id)?.active == false)
            let list = try await browser.get("/staff?lang=en").body.string
            #expect(list.contains("konsultant@example.org") && list.contains("blocked"))
        }
    }
}
