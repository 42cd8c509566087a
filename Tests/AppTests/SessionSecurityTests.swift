import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import Access

/// Session ids change at every sign-in and privilege change (no fixation), and a password
/// change, a password reset or "sign out everywhere" ends every other session of the account.
@Suite(.serialized) struct SessionSecurityTests {
    static let password = AccountTests.goodForm["password"]!

    static func seeker(_ app: Application) async throws -> FormClient {
        let browser = FormClient(app)
        _ = try await browser.post("/register", AccountTests.goodForm)
        _ = try await browser.post("/login", ["email": "anna.nowak@example.org", "password": password])
        #expect(browser.cookies["zl_session"] != nil)
        return browser
    }

    static func signedIn(_ browser: FormClient) async throws -> Bool {
        try await browser.get("/account").status == .ok
    }

    /// SECURITY.md's cookie promises: scripts cannot read the session or anti-forgery cookie,
    /// other sites cannot send them, and behind https they travel only over it, with HSTS.
    @Test(arguments: [false, true]) func theCookiesCarryTheirFlagsAndHTTPSAddsSecureAndHSTS(https: Bool) async throws {
        try await withTestApp(adjust: { if https { $0.publicURL = "https://zielona.example.org" } }) { app in
            try await EmployerRegistration.register(app)
            let browser = FormClient(app)
            let form = try await browser.get("/login")
            let csrf = try #require(form.headers.setCookie?[CSRFMiddleware.cookieName])
            #expect(csrf.isHTTPOnly && csrf.sameSite == .strict && csrf.isSecure == https)
            let signIn = try await browser.post("/login", ["email": EmployerRegistration.email, "password": EmployerRegistration.password])
            #expect(signIn.status == .seeOther)
            let session = try #require(signIn.headers.setCookie?["zl_session"])
            #expect(session.isHTTPOnly && session.sameSite == .lax && session.isSecure == https)
            let hsts = try await browser.get("/").headers.first(name: "Strict-Transport-Security")
            #expect(https ? hsts == "max-age=31536000; includeSubDomains" : hsts == nil)
        }
    }

    @Test func aSessionIdTheBrowserBroughtIsReplacedAtEverySignIn() async throws {
        try await withTestApp { app in
            // The attacker's own session id, planted in the victim's browser.
            let attacker = try await Self.seeker(app)
            let planted = try #require(attacker.cookies["zl_session"])
            let victim = FormClient(app)
            try await EmployerRegistration.register(app)
            victim.cookies["zl_session"] = planted
            _ = try await victim.post("/login", ["email": EmployerRegistration.email, "password": EmployerRegistration.password])
            let issued = try #require(victim.cookies["zl_session"])
            #expect(issued != planted, "a new id at sign-in")
            #expect(try await app.sessions.driver.readSession(SessionID(string: planted), for: Request(application: app, on: app.eventLoopGroup.any())).get() == nil,
                    "the old id is gone")
            // Staff: a new id after the password and again after the second factor.
            let staff = try await TestStaff.create(app, email: "k@example.org", roles: [.consultant], scope: .offices(["pup-2002"]))
            let browser = FormClient(app)
            browser.cookies["zl_session"] = planted
            _ = try await browser.post("/login", ["email": staff.email, "password": TestStaff.password])
            let pending = try #require(browser.cookies["zl_session"])
            #expect(pending != planted)
            _ = try await browser.post("/login/two-factor", ["code": staff.code()])
            let full = try #require(browser.cookies["zl_session"])
            #expect(full != pending, "a new id once the second factor is given")
            #expect(try await browser.get("/staff/home").status == .ok)
        }
    }

    @Test func aPasswordChangeEndsEveryOtherSessionButThisOne() async throws {
        try await withTestApp { app in
            let laptop = try await Self.seeker(app)
            let phone = FormClient(app)
            _ = try await phone.post("/login", ["email": "anna.nowak@example.org", "password": Self.password])
            #expect(try await Self.signedIn(phone))
            let changed = try await laptop.post("/account/password", ["current_password": Self.password, "password": "nowe hasło do portalu"],
                                                csrfFrom: "/account")
            #expect(changed.status == .ok)
            #expect(try await Self.signedIn(laptop), "the device that changed it stays signed in")
            #expect(try await !Self.signedIn(phone), "the other session ended")
        }
    }

    @Test func aPasswordResetEndsEverySession() async throws {
        try await withTestApp { app in
            let laptop = try await Self.seeker(app)
            let visitor = FormClient(app)
            _ = try await visitor.post("/forgot-password", ["email": "anna.nowak@example.org"])
            let mail = try #require(try await Outbox(db: app.db).recent().first { $0.kind == "reset_password" })
            let link = try #require(AccountTests.link(in: mail.textBody, path: "/reset-password"))
            let token = String(link.split(separator: "=").last!)
            let reset = try await visitor.post("/reset-password", ["token": token, "password": "nowe hasło do portalu"], csrfFrom: link)
            #expect(reset.status == .seeOther)
            #expect(try await !Self.signedIn(laptop))
        }
    }

    @Test func signOutEverywhereEndsTheOtherSessions() async throws {
        try await withTestApp { app in
            let laptop = try await Self.seeker(app)
            let phone = FormClient(app)
            _ = try await phone.post("/login", ["email": "anna.nowak@example.org", "password": Self.password])
            let page = try await laptop.get("/account?lang=en").body.string
            #expect(page.contains("Sign out on all other devices"))
            let res = try await laptop.post("/account/sign-out-everywhere?lang=en", [:], csrfFrom: "/account")
            #expect(res.body.string.contains("You have been signed out on every other device"))
            #expect(try await Self.signedIn(laptop))
            #expect(try await !Self.signedIn(phone))
        }
    }
}

/// An employer account, for tests that need a second person.
enum EmployerRegistration {
    static let email = "szef@stalmet.pl", password = "chleb i bułki 2026"
    static func register(_ app: Application) async throws {
        let registration = ["email": email, "password": password, "contact_person": "Jan Szef", "company_name": "Stalmet",
                            "nip": "5260250274", "street": "Lipowa", "house_number": "1", "postal_code": "15-371", "locality": "Białystok", "consent": "on"]
        #expect(try await FormClient(app).post("/register/employer", registration).status == .seeOther)
    }
}
