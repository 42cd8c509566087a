import Testing
import Foundation
import Vapor
import VaporTesting
import Fluent
@testable import App
@testable import Storage

@Suite(.serialized) struct AccountTests {
    static let goodForm: [String: String] = [
        "email": "Anna.Nowak@example.org", "password": "zielone jabłka rosną", "first_name": "Anna", "last_name": "Nowak",
        "voivodeship": "20", "locality": "Białystok", "postal_code": "15-371", "street": "Cieszyńska", "house_number": "3a",
        "consent": "on", "consent_version": "1",
    ]

    static func link(in text: String, path: String) -> String? {
        guard let r = text.range(of: path + "?token=") else { return nil }
        return path + "?token=" + String(text[r.upperBound...].prefix { !$0.isWhitespace })
    }

    @Test func registrationSendsAVerificationLinkThatWorksOnce() async throws {
        try await withTestApp { app in
            let browser = FormClient(app)
            let res = try await browser.post("/register?lang=uk", Self.goodForm)
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/login?notice=registered")
            let mails = try await Outbox(db: app.db).recent()
            #expect(mails.count == 1)
            let mail = try #require(mails.first)
            #expect(mail.recipient == "anna.nowak@example.org")
            #expect(mail.language == "uk")
            #expect(mail.subject.contains("підтвердьте"))
            #expect(mail.htmlBody.contains("<html lang=\"uk\">"))
            let link = try #require(Self.link(in: mail.textBody, path: "/verify-email"))
            #expect(try await AccountStore(db: app.db).find(email: "anna.nowak@example.org")?.emailVerified == false)
            let first = try await browser.get(link)
            #expect(first.status == .ok)
            #expect(try await AccountStore(db: app.db).find(email: "anna.nowak@example.org")?.emailVerified == true)
            let second = try await browser.get(link + "&lang=en")
            #expect(second.status == .badRequest)
            #expect(second.body.string.contains("already been used"))
        }
    }

    @Test func badInputIsExplainedPerFieldAndNothingIsStored() async throws {
        try await withTestApp { app in
            let browser = FormClient(app)
            var form = Self.goodForm
            form["password"] = "short"
            form["postal_code"] = "15-37"
            form["email"] = "not-an-email"
            form["house_number"] = ""
            let res = try await browser.post("/register?lang=en", form)
            #expect(res.status == .badRequest)
            let html = res.body.string
            #expect(html.contains("at least 10 characters"))
            #expect(html.contains("Postal code: Wrong format"))
            #expect(html.contains("E-mail address: Wrong format"))
            #expect(html.contains("aria-invalid=\"true\""))
            #expect(html.contains("class=\"error-summary\""))
            #expect(html.contains("value=\"Anna\""), "typed values are kept")
            #expect(!html.contains("short"), "the password is never echoed")
            #expect(try await AccountRecord.query(on: app.db).count() == 0)
            #expect(try await OutboxRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func duplicateEmailIsRefusedAndLeavesOneAccount() async throws {
        try await withTestApp { app in
            let browser = FormClient(app)
            try await browser.post("/register", Self.goodForm)
            var again = Self.goodForm
            again["email"] = "  ANNA.NOWAK@example.org "
            let res = try await browser.post("/register", again)
            #expect(res.status == .badRequest)
            #expect(res.body.string.contains("już istnieje"))
            #expect(try await AccountRecord.query(on: app.db).count() == 1)
            #expect(try await OutboxRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func formsWithoutTheCSRFTokenAreRefused() async throws {
        try await withTestApp { app in
            let browser = FormClient(app)
            _ = try await browser.get("/register")
            let res = try await browser.post("/register", Self.goodForm, withToken: false)
            #expect(res.status == .forbidden)
            var forged = Self.goodForm
            forged["_csrf"] = "forged"
            let res2 = try await browser.post("/register", forged, withToken: false)
            #expect(res2.status == .forbidden)
            #expect(try await AccountRecord.query(on: app.db).count() == 0)
            // The anti-forgery cookie is HttpOnly and SameSite=Strict.
            try await app.testing().test(.GET, "/login") { res in
                let c = res.headers.setCookie?["zl_csrf"]
                #expect(c?.isHTTPOnly == true)
                #expect(c?.sameSite == .strict)
            }
        }
    }

    @Test func loginSessionAccountPageAndLogout() async throws {
        try await withTestApp { app in
            let browser = FormClient(app)
            try await browser.post("/register", Self.goodForm)
            let login = try await browser.post("/login", ["email": "anna.nowak@example.org", "password": Self.goodForm["password"]!])
            #expect(login.status == .seeOther)
            #expect(login.headers.setCookie?["zl_session"]?.isHTTPOnly == true)
            let page = try await browser.get("/account")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("anna.nowak@example.org"))
            #expect(page.body.string.contains("Anna Nowak"))
            try await browser.post("/logout", [:], csrfFrom: "/account")
            let after = try await browser.get("/account")
            #expect(after.status == .seeOther)
        }
    }

    @Test func repeatedWrongPasswordsLockTheAccountForAWhile() async throws {
        try await withTestApp { app in
            let browser = FormClient(app)
            try await browser.post("/register", Self.goodForm)
            for _ in 0..<5 {
                let r = try await browser.post("/login", ["email": "anna.nowak@example.org", "password": "wrong password!"])
                #expect(r.status == .unauthorized)
            }
            let locked = try await browser.post("/login?lang=en", ["email": "anna.nowak@example.org", "password": Self.goodForm["password"]!])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.string.contains("Too many failed attempts"))
            #expect(locked.headers.setCookie?["zl_session"] == nil)
        }
    }

    @Test func forgottenPasswordLinkSetsANewPasswordOnceAndExpires() async throws {
        try await withTestApp { app in
            let browser = FormClient(app)
            try await browser.post("/register", Self.goodForm)
            let unknown = try await browser.post("/forgot-password", ["email": "nobody@example.org"])
            #expect(unknown.status == .ok)
            #expect(try await OutboxRecord.query(on: app.db).count() == 1, "no mail for an address without an account")
            let known = try await browser.post("/forgot-password", ["email": "anna.nowak@example.org"])
            #expect(known.status == unknown.status, "the same answer whether or not the account exists")
            let mail = try #require(try await Outbox(db: app.db).recent().first { $0.kind == "reset_password" })
            let link = try #require(Self.link(in: mail.textBody, path: "/reset-password"))
            let token = String(link.split(separator: "=").last!)
            let reset = try await browser.post("/reset-password", ["token": token, "password": "nowe hasło do portalu"], csrfFrom: link)
            #expect(reset.status == .seeOther)
            let again = try await browser.post("/reset-password", ["token": token, "password": "jeszcze inne hasło"], csrfFrom: link)
            #expect(again.status == .badRequest)
            let ok = try await browser.post("/login", ["email": "anna.nowak@example.org", "password": "nowe hasło do portalu"])
            #expect(ok.status == .seeOther)

            // An expired link is refused with its own message.
            try await browser.post("/forgot-password", ["email": "anna.nowak@example.org"])
            try await AccountTokenRecord.query(on: app.db).filter(\.$usedAt == nil).set(\.$expiresAt, to: Date().addingTimeInterval(-60)).update()
            let mail2 = try #require(try await Outbox(db: app.db).recent().first { $0.kind == "reset_password" && !$0.textBody.contains(token) })
            let token2 = String(try #require(Self.link(in: mail2.textBody, path: "/reset-password")).split(separator: "=").last!)
            let expired = try await browser.post("/reset-password?lang=en", ["token": token2, "password": "nowe hasło numer dwa"], csrfFrom: "/reset-password")
            #expect(expired.status == .badRequest)
            #expect(expired.body.string.contains("expired"))
        }
    }

    @Test func devMailPageShowsTheOutbox() async throws {
        try await withTestApp { app in
            let browser = FormClient(app)
            try await browser.post("/register?lang=en", Self.goodForm)
            // Only a browser on this machine sees it: over loopback, without forwarding headers.
            let port = try await ChatTests.listen(app)
            let local = try await app.client.get(URI(string: "http://127.0.0.1:\(port)/dev/mail"))
            #expect(local.body.map { String(buffer: $0) }?.contains("Zielona Linia – confirm your e-mail address") == true)
            #expect(local.body.map { String(buffer: $0) }?.contains("/verify-email?token=") == true)
            let relayed = try await app.client.get(URI(string: "http://127.0.0.1:\(port)/dev/mail"), headers: ["X-Forwarded-For": "203.0.113.8"])
            #expect(relayed.status == .notFound, "a visitor relayed by a local proxy")
            await app.server.shutdown()
            #expect(try await browser.get("/dev/mail").status == .notFound, "a request with no loopback peer")
        }
    }
}

@Suite(.serialized) struct EmployerRegistrationTests {
    static let form: [String: String] = [
        "email": "kadry@firma.example", "password": "praca dla wszystkich", "contact_person": "Ewa Lis",
        "company_name": "Firma Przykładowa sp. z o.o.", "nip": "PL 123-456-32-18", "regon": "123456785",
        "street": "Lipowa", "house_number": "1", "postal_code": "15-371", "locality": "Białystok", "consent": "on",
    ]

    @Test func employerRegistersWithValidatedNIPAndREGON() async throws {
        try await withTestApp { app in
            let browser = FormClient(app)
            let res = try await browser.post("/register/employer", Self.form)
            #expect(res.status == .seeOther)
            let account = try #require(try await AccountStore(db: app.db).find(email: "kadry@firma.example"))
            #expect(account.kind == .employer)
            let company = try #require(try await EmployerStore(db: app.db).company(ofAccount: account.id))
            #expect(company.nip == "1234563218")
            #expect(company.verified == false)
            #expect(try await OutboxRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func invalidNIPOrMissingBothIsExplainedAndNothingIsStored() async throws {
        try await withTestApp { app in
            let browser = FormClient(app)
            var bad = Self.form
            bad["nip"] = "123-456-32-19"
            let res = try await browser.post("/register/employer?lang=en", bad)
            #expect(res.status == .badRequest)
            #expect(res.body.string.contains("NIP: The check digit does not match"))
            var none = Self.form
            none["nip"] = ""; none["regon"] = ""
            let res2 = try await browser.post("/register/employer?lang=en", none)
            #expect(res2.body.string.contains("Enter the company&#39;s NIP or REGON"))
            #expect(try await AccountRecord.query(on: app.db).count() == 0)
            // A second company with the same NIP is refused.
            try await browser.post("/register/employer", Self.form)
            var same = Self.form
            same["email"] = "inna@firma.example"
            let dup = try await browser.post("/register/employer", same)
            #expect(dup.status == .badRequest)
            #expect(try await AccountRecord.query(on: app.db).count() == 1)
        }
    }
}
