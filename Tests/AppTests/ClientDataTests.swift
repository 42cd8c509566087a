import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import Access
import Clients
import Privacy

/// Staff reads of client data, the audit log page, and seekers linking their account to their
/// client record by PESEL.
@Suite(.serialized) struct ClientDataTests {
    static let pesel = "85031501234"

    static func client(_ app: Application, office: String = "pup-2002") async throws -> UUID {
        let cipher = app.services.cipher
        return try await ClientStore(db: app.db).create(NewClient(number: "100000009", kind: .seeker, firstName: "Jan", lastName: "Kowalski",
                                                                  peselCiphertext: try cipher.encrypt(pesel), peselIndex: cipher.blindIndex(pesel),
                                                                  officeID: office, phones: ["+48600100200"]))
    }

    @Test func theCardAsksWhyBeforeShowingDataAndEveryReadIsLogged() async throws {
        try await withTestApp { app in
            let id = try await Self.client(app)
            let consultant = try await TestStaff.create(app, email: "k@example.org", roles: [.consultant], scope: .offices(["pup-2002"]))
            let browser = try await consultant.signIn(app)
            let ask = try await browser.get("/staff/clients/\(id)?lang=en")
            #expect(ask.status == .ok)
            #expect(!ask.body.string.contains(Self.pesel) && !ask.body.string.contains("Kowalski"))
            #expect(try await AuditLog(db: app.db).entries(.init(clientID: id)).isEmpty)

            let card = try await browser.get("/staff/clients/\(id)?reason=call&lang=en")
            #expect(card.body.string.contains(Self.pesel) && card.body.string.contains("+48600100200"))
            let search = try await browser.get("/staff/clients?by=pesel&q=\(Self.pesel)&reason=visit")
            #expect(search.body.string.contains("100000009"))
            let noReason = try await browser.get("/staff/clients?by=phone&q=600100200&lang=en")
            #expect(noReason.status == .badRequest)
            let badPESEL = try await browser.get("/staff/clients?by=pesel&q=85031501235&reason=call&lang=en")
            #expect(badPESEL.status == .badRequest && badPESEL.body.string.contains("check digit"))

            let weakPIN = try await browser.post("/staff/clients/\(id)/pin?lang=en", ["pin": "1234", "reason": "call"], csrfFrom: "/staff/home")
            #expect(weakPIN.status == .badRequest && weakPIN.body.string.contains("too easy"))
            _ = try await browser.post("/staff/clients/\(id)/pin", ["pin": "4826", "reason": "call"], csrfFrom: "/staff/home")
            let stored = try #require(try await ClientStore(db: app.db).find(id: id)?.pinHash)
            #expect(try app.password.verify("4826", created: stored))

            let entries = try await AuditLog(db: app.db).entries(.init(clientID: id))
            #expect(entries.map(\.action) == ["client.pin_set", "client.search", "client.read"])
            #expect(entries.allSatisfy { $0.actorID == consultant.id && $0.actorOfficeID == "pup-2002" && $0.clientOfficeID == "pup-2002" })
            #expect(entries.map(\.reason) == ["call", "visit", "call"])

            // A client of another office: 403, and nothing is logged or shown.
            let other = try await ClientStore(db: app.db).create(NewClient(number: "200000008", kind: .seeker, firstName: "Obca", officeID: "pup-2001"))
            #expect(try await browser.get("/staff/clients/\(other)?reason=call").status == .forbidden)
            #expect(try await browser.post("/staff/clients/\(other)/pin", ["pin": "4826"], csrfFrom: "/staff/home").status == .forbidden)
            #expect(!(try await browser.get("/staff/clients?by=number&q=200000008&reason=call").body.string.contains("Obca")))
            #expect(try await AuditLog(db: app.db).entries(.init(clientID: other)).isEmpty)
        }
    }

    @Test func supervisorsAndDPOsReadTheAuditLogOfTheirOfficesWithFilters() async throws {
        try await withTestApp { app in
            let id = try await Self.client(app)
            let log = AuditLog(db: app.db)
            let actor = try await TestStaff.create(app, email: "k@example.org", roles: [.consultant], scope: .national)
            try await log.append(AuditEntry(actorID: actor.id, actorOfficeID: nil, clientID: id, clientOfficeID: "pup-2002",
                                            action: "client.read", detail: "card", reason: "call"))
            try await log.append(AuditEntry(actorID: actor.id, actorOfficeID: "pup-2001", clientID: nil, clientOfficeID: "pup-2001",
                                            action: "client.read", detail: "other office", reason: "chat"))
            let dpo = try await TestStaff.create(app, email: "iod@example.org", roles: [.dataProtectionOfficer], scope: .offices(["pup-2002"]))
            let browser = try await dpo.signIn(app)
            let page = try await browser.get("/staff/audit?lang=en").body.string
            #expect(page.contains("100000009") && page.contains("k@example.org") && page.contains("phone call"))
            #expect(!page.contains("other office"), "entries of other offices are not listed")
            #expect(try await browser.get("/staff/audit?office=pup-2001").status == .forbidden)
            let byClient = try await browser.get("/staff/audit?client=100000009&actor=k@example.org&from=2020-01-01").body.string
            #expect(byClient.contains("card"))
            let none = try await browser.get("/staff/audit?to=2020-01-01&lang=en").body.string
            #expect(none.contains("No entries for these filters"))
            #expect(try await browser.get("/staff/audit?from=yesterday&lang=en").status == .badRequest)
            let consultant = try await TestStaff.create(app, email: "c@example.org", roles: [.consultant], scope: .offices(["pup-2002"]))
            #expect(try await consultant.signIn(app).get("/staff/audit").status == .forbidden)
        }
    }

    @Test func aSeekerIsLinkedToTheirClientRecordOnlyAfterTheOfficeApproves() async throws {
        try await withTestApp { app in
            let id = try await Self.client(app)
            let seeker = FormClient(app)
            _ = try await seeker.post("/register", AccountTests.goodForm)
            _ = try await seeker.post("/login", ["email": "anna.nowak@example.org", "password": AccountTests.goodForm["password"]!])
            let bad = try await seeker.post("/account/client-link?lang=en", ["pesel": "85031501235"], csrfFrom: "/account")
            #expect(bad.status == .badRequest && bad.body.string.contains("PESEL"))
            let sent = try await seeker.post("/account/client-link?lang=en", ["pesel": Self.pesel], csrfFrom: "/account")
            #expect(sent.status == .ok && sent.body.string.contains("The request was sent to the office"))
            #expect(try await seeker.post("/account/client-link", ["pesel": Self.pesel], csrfFrom: "/account").status == .conflict)
            #expect(try await ClientStore(db: app.db).find(id: id)?.accountID == nil, "nothing linked before the office decides")
            let raw = try await ClientLinkStore(db: app.db).pending(offices: ["pup-2002"])
            #expect(raw.count == 1 && !raw[0].peselCiphertext.contains(Self.pesel))

            let consultant = try await TestStaff.create(app, email: "c@example.org", roles: [.consultant], scope: .offices(["pup-2002"]))
            #expect(try await consultant.signIn(app).get("/staff/client-links").status == .forbidden)
            let supervisor = try await TestStaff.create(app, email: "s@example.org", roles: [.supervisor], scope: .offices(["pup-2002"]))
            let staff = try await supervisor.signIn(app)
            let list = try await staff.get("/staff/client-links?lang=en").body.string
            #expect(list.contains(Self.pesel) && list.contains("anna.nowak@example.org"))
            let approved = try await staff.post("/staff/client-links/\(raw[0].id)", ["decision": "approve"], csrfFrom: "/staff/home")
            #expect(approved.headers.first(name: .location) == "/staff/client-links?notice=approved")
            #expect(try await staff.post("/staff/client-links/\(raw[0].id)", ["decision": "approve"], csrfFrom: "/staff/home").status == .conflict)
            let account = try #require(try await AccountStore(db: app.db).find(email: "anna.nowak@example.org"))
            #expect(try await ClientStore(db: app.db).find(id: id)?.accountID == account.id)
            #expect(try await seeker.get("/account?lang=en").body.string.contains("client record no. 100000009"))
            #expect(try await AuditLog(db: app.db).entries(.init(action: "client.link_approved")).first?.clientID == id)
        }
    }
}
