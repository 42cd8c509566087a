import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import Privacy

/// `/complaints` and `/staff/privacy`: a complaint goes to the office of its postal code (or
/// the centre) with a month to answer and an acknowledgement by e-mail; the data protection
/// officer of that office (only) reads it — audited —, extends the deadline once with a reason
/// the person is told, and answers by e-mail from the register.
@Suite(.serialized) struct DataRequestsTests {
    static let complaint = ["name": "Jan Skarżący", "email": "jan.skarga@example.org", "postal_code": "15-371",
                            "text": "Dzwoniłem trzy razy i nikt nie odebrał. Proszę o kontakt w sprawie szkolenia."]

    @Test func aComplaintIsRegisteredAnsweredAndExtendedByTheOfficesOfficer() async throws {
        try await withTestApp { app in
            let visitor = FormClient(app)
            var bad = Self.complaint
            bad["name"] = ""; bad["email"] = "nie-adres"; bad["text"] = "krótko"
            let refused = try await visitor.post("/complaints?lang=en", bad, csrfFrom: "/complaints")
            let page = HTMLScan.decode(refused.body.string)
            #expect(refused.status == .badRequest && page.contains("href=\"#name\"") && page.contains("href=\"#email\"") && page.contains("10 to 5000 characters"))
            #expect(try await DataRequestStore(db: app.db).list(offices: nil, calendar: DataRequestsController.calendar).isEmpty)

            let sent = try await visitor.post("/complaints?lang=en", Self.complaint, csrfFrom: "/complaints")
            #expect(sent.status == .ok)
            let all = try await DataRequestStore(db: app.db).list(offices: nil, calendar: DataRequestsController.calendar)
            let r = try #require(all.first)
            #expect(all.count == 1 && r.officeID == "pup-2002" && r.kind == .complaint && r.status == .received && r.reference.hasPrefix("RODO-"))
            #expect(sent.body.string.contains(r.reference))
            let ack = try #require(try await Outbox(db: app.db).recent().first { $0.kind == "privacy_request_received" })
            #expect(ack.recipient == "jan.skarga@example.org" && ack.textBody.contains(r.reference))

            // The officer of another office neither sees nor opens it; a consultant has no register at all.
            let foreign = try await TestStaff.create(app, email: "iod.lodz@example.org", roles: [.dataProtectionOfficer], scope: .offices(["pup-1061"]))
            let elsewhere = try await foreign.signIn(app)
            #expect(!(try await elsewhere.get("/staff/privacy").body.string.contains(r.reference)))
            #expect(try await elsewhere.get("/staff/privacy/\(r.id.uuidString)").status == .forbidden)
            let consultant = try await TestStaff.create(app, email: "k@example.org", roles: [.consultant], scope: .offices(["pup-2002"]))
            #expect(try await consultant.signIn(app).get("/staff/privacy").status == .forbidden)

            let dpo = try await TestStaff.create(app, email: "iod@example.org", roles: [.dataProtectionOfficer], scope: .offices(["pup-2002"]))
            let officer = try await dpo.signIn(app)
            let list = try await officer.get("/staff/privacy?lang=en").body.string
            #expect(list.contains(r.reference) && list.contains("awaiting the answer"))
            let detail = try await officer.get("/staff/privacy/\(r.id.uuidString)?lang=en")
            #expect(detail.status == .ok && HTMLScan.decode(detail.body.string).contains(Self.complaint["text"]!))
            let read = try await AuditLog(db: app.db).entries(AuditLog.Filter(actorID: dpo.id, action: "privacy_request.read"))
            #expect(read.count == 1 && read[0].detail == r.reference)

            // Extending: a reason is required; once only.
            let detailPath = "/staff/privacy/\(r.id.uuidString)"
            let noReason = try await officer.post(detailPath + "/extend?lang=en", ["months": "2", "reason": ""], csrfFrom: detailPath)
            #expect(noReason.status == .badRequest && noReason.body.string.contains("Give the reason"))
            let extended = try await officer.post(detailPath + "/extend?lang=en", ["months": "2", "reason": "Sprawdzamy nagrania z trzech dni."], csrfFrom: detailPath)
            #expect(extended.status == .ok && extended.body.string.contains("The deadline was extended"))
            let notice = try #require(try await Outbox(db: app.db).recent().first { $0.kind == "privacy_request_extended" })
            #expect(notice.recipient == "jan.skarga@example.org" && notice.textBody.contains("Sprawdzamy nagrania z trzech dni."))
            #expect(try await DataRequestStore(db: app.db).find(r.id)?.extendedBy == 2)
            let again = try await officer.post(detailPath + "/extend?lang=en", ["months": "1", "reason": "Jeszcze raz."], csrfFrom: detailPath)
            #expect(again.status == .badRequest && again.body.string.contains("extended already"))

            // Answering: too short is refused by field; the answer goes by e-mail and closes the case, once.
            #expect(try await officer.post(detailPath + "/answer?lang=en", ["answer": "OK"], csrfFrom: detailPath).status == .badRequest)
            let answer = "Dziękujemy za zgłoszenie. Od poniedziałku infolinia ma dwóch konsultantów więcej."
            let answered = try await officer.post(detailPath + "/answer?lang=en", ["answer": answer], csrfFrom: detailPath)
            #expect(answered.status == .ok && answered.body.string.contains("The answer was sent to jan.skarga@example.org"))
            let mail = try #require(try await Outbox(db: app.db).recent().first { $0.kind == "privacy_request_answer" })
            #expect(mail.recipient == "jan.skarga@example.org" && mail.textBody.contains(answer) && mail.textBody.contains(r.reference))
            #expect(try await DataRequestStore(db: app.db).find(r.id)?.status == .answered)
            #expect(try await officer.post(detailPath + "/answer?lang=en", ["answer": answer], csrfFrom: detailPath).status == .conflict)
        }
    }

    @Test func withoutAPostalCodeItGoesToTheCentreForNationalStaffOnly() async throws {
        try await withTestApp { app in
            var form = Self.complaint
            form["postal_code"] = ""
            #expect(try await FormClient(app).post("/complaints", form, csrfFrom: "/complaints").status == .ok)
            let r = try #require(try await DataRequestStore(db: app.db).list(offices: nil, calendar: DataRequestsController.calendar).first)
            #expect(r.officeID == nil)
            let office = try await TestStaff.create(app, email: "iod@example.org", roles: [.dataProtectionOfficer], scope: .offices(["pup-2002"]))
            #expect(try await office.signIn(app).get("/staff/privacy/\(r.id.uuidString)").status == .forbidden)
            let national = try await TestStaff.create(app, email: "iod.kraj@example.org", roles: [.dataProtectionOfficer], scope: .national)
            #expect(try await national.signIn(app).get("/staff/privacy?lang=en").body.string.contains(r.reference))
        }
    }

    @Test func casesNearTheirDeadlineAreOnTheOfficersStartPage() async throws {
        try await withTestApp { app in
            let store = DataRequestStore(db: app.db), calendar = DataRequestsController.calendar
            func file(_ daysAgo: Double, office: String) async throws -> DataRequest {
                try await store.create(NewDataRequest(kind: .access, channel: .letter, name: "Anna", email: "anna@example.org", language: "pl",
                                                      officeID: office, text: "Proszę o kopię moich danych."),
                                       now: Date().addingTimeInterval(-daysAgo * 86_400), calendar: calendar) { _, _ in
                    OutboxMessage(recipient: "anna@example.org", subject: "s", textBody: "t", htmlBody: "h", language: "pl", kind: "k")
                }
            }
            let soon = try await file(26, office: "pup-2002"), fresh = try await file(1, office: "pup-2002")
            let overdue = try await file(40, office: "pup-2002"), elsewhere = try await file(26, office: "pup-1061")
            let dpo = try await TestStaff.create(app, email: "iod@example.org", roles: [.dataProtectionOfficer], scope: .offices(["pup-2002"]))
            let home = try await dpo.signIn(app).get("/staff/home?lang=en").body.string
            #expect(home.contains("Requests and complaints due within 7 days"))
            #expect(home.contains(soon.reference) && home.contains(overdue.reference) && home.contains("overdue by"))
            #expect(!home.contains(fresh.reference) && !home.contains(elsewhere.reference))
            let consultant = try await TestStaff.create(app, email: "k@example.org", roles: [.consultant], scope: .offices(["pup-2002"]))
            #expect(!(try await consultant.signIn(app).get("/staff/home?lang=en").body.string.contains("due within")))
            // Every open case is listed however many answered ones come after, the most urgent first.
            try await store.answer(fresh.id, text: "Kopia danych w załączniku.", by: dpo.id, now: Date(),
                                   mail: OutboxMessage(recipient: "anna@example.org", subject: "s", textBody: "t", htmlBody: "h", language: "pl", kind: "k"))
            let listed = try await store.list(offices: ["pup-2002"], calendar: calendar, answeredLimit: 0)
            #expect(listed.map(\.id) == [overdue.id, soon.id])
        }
    }
}
