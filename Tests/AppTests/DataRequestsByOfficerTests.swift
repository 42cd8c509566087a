import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage
import Privacy

/// A request by phone or letter: the data protection officer registers it (the deadline runs,
/// the person is acknowledged), checks the person's identity before anything else, then carries
/// it out for them — a copy of their data, restriction, erasure — every step in the audit log;
/// each morning the officer gets the requests near their deadline.
@Suite(.serialized) struct DataRequestsByOfficerTests {
    @Test func theOfficerRegistersChecksAndCarriesOutARequestMadeByPhone() async throws {
        try await withTestApp { app in
            let seeker = try await CVFlowTests.seekerWithPhone(app)
            #expect(try await seeker.post("/account/cvs", CVFlowTests.cvForm, csrfFrom: "/account/cvs/new").status == .seeOther)
            let account = try #require(try await AccountStore(db: app.db).find(email: "anna.nowak@example.org"))
            let dpo = try await TestStaff.create(app, email: "iod@example.org", roles: [.dataProtectionOfficer], scope: .offices(["pup-2002"]))
            let officer = try await dpo.signIn(app)

            let bad = try await officer.post("/staff/privacy?lang=en", ["kind": "wishes", "channel": "web", "office_id": "pup-2002", "name": "",
                                                                        "email": "anna", "text": "short"], csrfFrom: "/staff/privacy")
            let html = HTMLScan.decode(bad.body.string)
            #expect(bad.status == .badRequest && ["#kind", "#channel", "#name", "#email", "#text"].allSatisfy { html.contains("href=\"\($0)\"") })
            let made = try await officer.post("/staff/privacy?lang=en", ["kind": "erasure", "channel": "phone", "office_id": "pup-2002",
                                                                         "name": "Anna Nowak", "email": "anna.nowak@example.org",
                                                                         "text": "Proszę usunąć moje konto i dane z portalu."], csrfFrom: "/staff/privacy")
            #expect(made.status == .seeOther)
            let r = try #require(try await DataRequestStore(db: app.db).list(offices: nil, calendar: DataRequestsController.calendar).first)
            #expect(made.headers.first(name: .location) == "/staff/privacy/\(r.id.uuidString)")
            #expect(r.channel == .phone && r.kind == .erasure && r.officeID == "pup-2002" && r.identityCheck == nil)
            #expect(try await Outbox(db: app.db).recent().contains { $0.kind == "privacy_request_received" && $0.recipient == "anna.nowak@example.org" })

            // Nothing before the identity is checked.
            let path = "/staff/privacy/\(r.id.uuidString)"
            #expect(HTMLScan.decode(try await officer.get(path + "?lang=en").body.string).contains("Check the person's identity first"))
            #expect(try await officer.post(path + "/answer", ["answer": "Konto usunięte zgodnie z wnioskiem."], csrfFrom: path).status == .conflict)
            #expect(try await officer.post(path + "/erase", [:], csrfFrom: path).status == .conflict)
            #expect(try await AccountStore(db: app.db).find(id: account.id) != nil)
            #expect(try await officer.post(path + "/identity", ["check": "a guess"], csrfFrom: path).status == .badRequest)
            let checked = try await officer.post(path + "/identity?lang=en", ["check": "client_pin"], csrfFrom: path)
            #expect(checked.status == .ok && checked.body.string.contains("Identity check recorded") && checked.body.string.contains("phone: client number and PIN"))

            // Carried out for the person: a copy, restriction, erasure (not held up by this very request).
            #expect(try await officer.post(path + "/export", [:], csrfFrom: path).status == .ok)
            #expect(try await PrivacyExportStore(db: app.db).latest(account: account.id)?.status == .queued)
            #expect(try await officer.post(path + "/export", [:], csrfFrom: path).status == .conflict, "one copy at a time")
            #expect(try await officer.post(path + "/restrict", [:], csrfFrom: path).status == .ok)
            #expect(try await AccountErasure(db: app.db).restriction(account: account.id) != nil)
            let erased = try await officer.post(path + "/erase?lang=en", [:], csrfFrom: path)
            #expect(erased.status == .ok && erased.body.string.contains("Account erased."))
            #expect(try await AccountStore(db: app.db).find(id: account.id) == nil)
            let actions = try await (app.db as! any SQLDatabase).select().column("action").from("audit_log").where("detail", .equal, SQLBind(r.reference)).all()
                .map { try $0.decode(column: "action", as: String.self) }
            for a in ["privacy_request.registered", "privacy_request.identity_checked", "privacy_request.export", "privacy_request.restricted",
                      "privacy_request.erased"] {
                #expect(actions.contains(a), "\(a) audited")
            }
            #expect(try await officer.post(path + "/answer", ["answer": "Konto usunięte zgodnie z wnioskiem."], csrfFrom: path).status == .ok)

            // Another office's officer does not see it.
            let other = try await TestStaff.create(app, email: "iod2@example.org", roles: [.dataProtectionOfficer], scope: .offices(["pup-2001"]))
            #expect(try await other.signIn(app).get(path).status == .forbidden)
        }
    }

    @Test func eachMorningTheOfficerGetsTheRequestsNearTheirDeadlineOnce() async throws {
        try await withTestApp { app in
            let dpo = try await TestStaff.create(app, email: "iod@example.org", roles: [.dataProtectionOfficer], scope: .offices(["pup-2002"]))
            _ = try await TestStaff.create(app, email: "iod2@example.org", roles: [.dataProtectionOfficer], scope: .offices(["pup-2001"]))
            let officer = try await dpo.signIn(app)
            #expect(try await officer.post("/staff/privacy", ["kind": "access", "channel": "letter", "office_id": "pup-2002", "name": "Jan Nowak",
                                                              "email": "jan.nowak@example.org", "text": "Proszę o kopię moich danych."],
                                           csrfFrom: "/staff/privacy").status == .seeOther)
            let r = try #require(try await DataRequestStore(db: app.db).list(offices: nil, calendar: DataRequestsController.calendar).first)
            let calendar = DataRequestsController.calendar
            func at(_ days: Int, hour: Int) -> Date {
                calendar.date(bySettingHour: hour, minute: 0, second: 0, of: Date().addingTimeInterval(Double(days) * 86_400))!
            }
            let digest = DataRequestDigest(db: app.db, publicURL: app.services.config.publicURL)
            #expect(try await digest.sendIfDue(now: at(2, hour: 9)) == 0, "a month ahead: nothing to tell")
            #expect(try await digest.sendIfDue(now: at(26, hour: 5)) == nil, "not before the working day")
            #expect(try await digest.sendIfDue(now: at(26, hour: 8)) == 1, "one officer, the one of the office")
            #expect(try await digest.sendIfDue(now: at(26, hour: 15)) == nil, "once a day")
            let mail = try #require(try await Outbox(db: app.db).recent().first { $0.kind == "privacy_request_digest" })
            #expect(mail.recipient == "iod@example.org" && mail.textBody.contains(r.reference) && mail.textBody.contains("/staff/privacy"))
        }
    }
}
