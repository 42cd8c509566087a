import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage

/// Changing the e-mail, the optional photo, further users of a company and its verification.
@Suite(.serialized) struct AccountSettingsTests {
    static func signedInSeeker(_ app: Application) async throws -> FormClient {
        let browser = FormClient(app)
        _ = try await browser.post("/register", AccountTests.goodForm)
        _ = try await browser.post("/login", ["email": "anna.nowak@example.org", "password": AccountTests.goodForm["password"]!])
        return browser
    }

    @Test func aNewEmailCountsOnlyOnceItsLinkIsOpened() async throws {
        try await withTestApp { app in
            let browser = try await Self.signedInSeeker(app)
            let wrong = try await browser.post("/account/email?lang=en", ["new_email": "anna@example.net", "email_password": "nope"], csrfFrom: "/account")
            #expect(wrong.status == .badRequest && wrong.body.string.contains("current password"))
            let sent = try await browser.post("/account/email?lang=en",
                                              ["new_email": "Anna@Example.net", "email_password": AccountTests.goodForm["password"]!], csrfFrom: "/account")
            #expect(sent.status == .ok)
            let mails = try await Outbox(db: app.db).recent()
            let confirm = try #require(mails.first { $0.recipient == "anna@example.net" })
            #expect(mails.contains { $0.recipient == "anna.nowak@example.org" && $0.kind == "change_email_notice" })
            #expect(try await AccountStore(db: app.db).find(email: "anna.nowak@example.org") != nil, "unchanged until confirmed")
            let link = try #require(AccountTests.link(in: confirm.textBody, path: "/account/email/confirm"))
            #expect(try await browser.get(link).status == .ok)
            #expect(try await AccountStore(db: app.db).find(email: "anna@example.net")?.emailVerified == true)
            #expect(try await browser.get(link).status == .badRequest, "the link works once")
            let relog = FormClient(app)
            let res = try await relog.post("/login", ["email": "anna@example.net", "password": AccountTests.goodForm["password"]!])
            #expect(res.headers.first(name: .location) == "/account")
        }
    }

    func upload(_ browser: FormClient, _ data: Data, filename: String, type: String) async throws -> TestingHTTPResponse {
        try await browser.postMultipart("/account/photo?lang=en", [:], file: ("photo", filename, type, data), csrfFrom: "/account")
    }

    @Test func aPhotoIsCheckedByItsContentAndShownOnlyToItsOwner() async throws {
        try await withTestApp { app in
            let browser = try await Self.signedInSeeker(app)
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 7, count: 300_000)
            let saved = try await upload(browser, png, filename: "me.png", type: "image/png")
            #expect(saved.status == .ok && saved.body.string.contains("The photo was saved"))
            let shown = try await browser.get("/account/photo")
            #expect(shown.headers.contentType?.subType == "png" && Data(shown.body.readableBytesView) == png)
            #expect(try await FormClient(app).get("/account/photo").status == .notFound)
            let fake = try await upload(browser, Data("<script>alert(1)</script>".utf8), filename: "evil.png", type: "image/png")
            #expect(fake.status == .badRequest && fake.body.string.contains("not a JPEG or PNG"))
            let big = try await upload(browser, Data([0xFF, 0xD8, 0xFF]) + Data(repeating: 1, count: 2_200_000), filename: "big.jpg", type: "image/jpeg")
            #expect(big.status == .badRequest && big.body.string.contains("too large"))
            #expect(Data(try await browser.get("/account/photo").body.readableBytesView) == png, "the refused uploads changed nothing")
        }
    }

    @Test func thePhotoCanComeWithTheRegistrationAndABadOneStopsIt() async throws {
        try await withTestApp { app in
            let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data(repeating: 3, count: 50_000)
            let browser = FormClient(app)
            let refused = try await browser.postMultipart("/register?lang=en", AccountTests.goodForm,
                                                          file: ("photo", "cv.pdf", "image/jpeg", Data("%PDF-1.7".utf8)), csrfFrom: "/register")
            #expect(refused.status == .badRequest && refused.body.string.contains("not a JPEG or PNG"))
            #expect(try await AccountStore(db: app.db).find(email: "anna.nowak@example.org") == nil, "nothing half-written")
            let res = try await browser.postMultipart("/register", AccountTests.goodForm, file: ("photo", "me.jpg", "image/jpeg", jpeg),
                                                      csrfFrom: "/register")
            #expect(res.headers.first(name: .location) == "/login?notice=registered")
            let account = try #require(try await AccountStore(db: app.db).find(email: "anna.nowak@example.org"))
            #expect(try await AccountPhotos(db: app.db).get(account.id)?.data == jpeg)
        }
    }

    @Test func anEmployerInvitesAColleagueAndTheOfficeVerifiesTheCompany() async throws {
        try await withTestApp { app in
            let boss = FormClient(app)
            let form = ["email": "szef@firma.pl", "password": "chleb i bułki 2026", "contact_person": "Jan Szef", "company_name": "Piekarnia",
                        "nip": "5260250274", "street": "Lipowa", "house_number": "1", "postal_code": "15-371", "locality": "Białystok",
                        "consent": "on"]
            #expect(try await boss.post("/register/employer", form).status == .seeOther)
            _ = try await boss.post("/login", ["email": "szef@firma.pl", "password": "chleb i bułki 2026"])
            let invited = try await boss.post("/account/company/invite?lang=en", ["invite_email": "kadry@firma.pl"], csrfFrom: "/account")
            #expect(invited.body.string.contains("The invitation was sent to kadry@firma.pl"))
            let mail = try #require(try await Outbox(db: app.db).recent().first { $0.recipient == "kadry@firma.pl" })
            #expect(mail.textBody.contains("Piekarnia"))
            let link = try #require(AccountTests.link(in: mail.textBody, path: "/register/employer/join"))
            let colleague = FormClient(app)
            let joinPage = try await colleague.get(link + "&lang=en")
            #expect(joinPage.body.string.contains("kadry@firma.pl"))
            let token = String(link.split(separator: "=").last!)
            let weak = try await colleague.post("/register/employer/join", ["token": token, "contact_person": "Ola", "password": "short"], csrfFrom: link)
            #expect(weak.status == .badRequest)
            let joined = try await colleague.post("/register/employer/join", ["token": token, "contact_person": "Ola Kadrowa",
                                                                             "password": "kadry i płace 2026", "consent": "on"], csrfFrom: link)
            #expect(joined.headers.first(name: .location) == "/login?notice=registered")
            #expect(try await colleague.get(link).status == .badRequest, "an invitation works once")
            #expect(try await boss.get("/account").body.string.contains("Ola Kadrowa (kadry@firma.pl)"))

            let companies = try await EmployerStore(db: app.db).unverified(offices: ["pup-2002"])
            #expect(companies.map(\.name) == ["Piekarnia"], "the company belongs to the office of its postal code")
            let editor = try await TestStaff.create(app, email: "red@example.org", roles: [.officeEditor], scope: .offices(["pup-2002"]))
            let staff = try await editor.signIn(app)
            #expect(try await staff.get("/staff/employers").body.string.contains("Piekarnia"))
            _ = try await staff.post("/staff/employers/\(companies[0].id)/verify", [:], csrfFrom: "/staff/home")
            #expect(try await EmployerStore(db: app.db).find(company: companies[0].id)?.verified == true)
            #expect(try await boss.get("/account?lang=en").body.string.contains("verified by a labour office"))
        }
    }
}
