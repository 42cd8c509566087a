import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import Portal
import SQLKit

/// Saved searches e-mail only new matches, each exactly once, on schedule, with a signed
/// one-click unsubscribe link.
@Suite(.serialized) struct AlertTests {
    static func unsubscribePath(in text: String) -> String? {
        guard let r = text.range(of: "/alerts/unsubscribe?") else { return nil }
        return "/alerts/unsubscribe?" + String(text[r.upperBound...].prefix { !$0.isWhitespace })
    }

    func alertMails(_ app: Application) async throws -> [OutboxMessage] {
        try await Outbox(db: app.db).recent(limit: 200).filter { $0.kind.hasPrefix("alert_") }
    }

    @Test func aSavedOfferSearchSendsEachNewMatchOnceAndStopsWhenUnsubscribed() async throws {
        try await withTestApp { app in
            let seeker = try await AccountSettingsTests.signedInSeeker(app)
            let page = try await seeker.get("/offers?q=spawacz&voivodeship=20&page=2&lang=pl").body.string
            #expect(page.contains("name=\"query\" value=\"q=spawacz&amp;voivodeship=20\""), "the page offers to save its own filters")
            let bad = try await seeker.post("/account/alerts?lang=en", ["kind": "offers", "query": "voivodeship=99", "frequency": "daily"], csrfFrom: "/account")
            #expect(bad.status == .badRequest && bad.body.string.contains("Voivodeship"))
            let saved = try await seeker.post("/account/alerts", ["kind": "offers", "query": "q=spawacz&voivodeship=20", "frequency": "daily"],
                                              csrfFrom: "/account")
            #expect(saved.headers.first(name: .location) == "/account/alerts?notice=saved")
            let account = try #require(try await AccountStore(db: app.db).find(email: "anna.nowak@example.org"))
            let search = try #require(try await SavedSearchStore(db: app.db).list(account: account.id).first)
            #expect(search.label == "spawacz" && search.query == "q=spawacz&voivodeship=20")

            let boss = try await OfferFlowTests.employer(app, email: "szef@stalmet.pl", nip: "5260250274")
            let company = try #require(try await EmployerStore(db: app.db).unverified(offices: nil).first)
            try await EmployerStore(db: app.db).verify(company: company.id, byOffice: "pup-2002")
            _ = try await boss.post("/employer/offers", OfferFlowTests.form, csrfFrom: "/employer/offers/new")
            var other = OfferFlowTests.form
            other["title"] = "Kucharz"; other["occupation"] = "512001"; other["duties"] = "Przygotowywanie posiłków w restauracji hotelowej."
            _ = try await boss.post("/employer/offers", other, csrfFrom: "/employer/offers/new")

            let runner = AlertRunner(app: app)
            #expect(try await runner.runDue(now: search.nextRunAt.addingTimeInterval(-60)).searches == 0, "not due yet")
            // Two servers running at once still send one e-mail.
            async let first = runner.runDue(now: search.nextRunAt)
            async let second = AlertRunner(app: app).runDue(now: search.nextRunAt)
            let reports = try await [first, second]
            #expect(reports.map(\.mails).reduce(0, +) == 1)
            var mails = try await alertMails(app)
            let mail = try #require(mails.first)
            #expect(mails.count == 1 && mail.recipient == "anna.nowak@example.org" && mail.subject.contains("spawacz"))
            #expect(mail.textBody.contains("Spawacz MIG/MAG") && !mail.textBody.contains("Kucharz"))

            // The next day: nothing new, nothing sent. A new match goes out alone.
            let day2 = AlertSchedule.nextRun(after: search.nextRunAt, .daily)
            #expect(try await runner.runDue(now: day2).mails == 0)
            var second2 = OfferFlowTests.form
            second2["title"] = "Spawacz TIG"
            _ = try await boss.post("/employer/offers", second2, csrfFrom: "/employer/offers/new")
            // Published after the second run, on the test's clock.
            let tig = try #require(try await OfferStore(db: app.db).ofCompany(company.id).first { $0.draft.title == "Spawacz TIG" })
            for table in ["offers", "offer_search"] {
                try await (app.db as! any SQLDatabase).update(table).set("published_at", to: SQLBind(day2.addingTimeInterval(3_600)))
                    .where(table == "offers" ? "id" : "doc_id", .equal, SQLBind(tig.id)).run()
            }
            let day3 = AlertSchedule.nextRun(after: day2, .daily)
            #expect(try await runner.runDue(now: day3).mails == 1)
            mails = try await alertMails(app)
            let latest = try #require(mails.first { $0.textBody.contains("Spawacz TIG") })
            #expect(!latest.textBody.contains("Spawacz MIG/MAG"), "already sent")

            // One click on the link stops it; a forged link does nothing.
            let link = try #require(Self.unsubscribePath(in: latest.textBody))
            #expect(try await FormClient(app).get(link.replacingOccurrences(of: "sig=", with: "sig=x")).status == .forbidden)
            let done = try await FormClient(app).get(link + "&lang=en")
            #expect(done.status == .ok && done.body.string.contains("no longer get e-mails"))
            #expect(try await SavedSearchStore(db: app.db).find(search.id)?.active == false)
            var third = OfferFlowTests.form
            third["title"] = "Spawacz konstrukcji"
            _ = try await boss.post("/employer/offers", third, csrfFrom: "/employer/offers/new")
            #expect(try await runner.runDue(now: AlertSchedule.nextRun(after: day3, .daily).addingTimeInterval(86_400 * 3)).mails == 0)
            #expect(try await alertMails(app).count == 2)
        }
    }

    @Test func aRunThatDiesBeforeRecordingIsRepeatedNotLost() async throws {
        try await withTestApp { app in
            let seeker = try await AccountSettingsTests.signedInSeeker(app)
            _ = try await seeker.post("/account/alerts", ["kind": "trainings", "query": "q=wózki", "frequency": "weekly"], csrfFrom: "/account")
            let account = try #require(try await AccountStore(db: app.db).find(email: "anna.nowak@example.org"))
            let search = try #require(try await SavedSearchStore(db: app.db).list(account: account.id).first)
            let editor = try await TestStaff.create(app, email: "r@example.org", roles: [.officeEditor], scope: .offices(["pup-2002"]))
            _ = try await editor.signIn(app).post("/staff/events", EventFlowTests.training, csrfFrom: "/staff/events/new")

            // Matches found, then the server stops before the transaction: nothing was recorded or sent…
            let (matches, mail, _) = try await AlertRunner(app: app).run(search, now: search.nextRunAt)
            #expect(matches.count == 1 && mail != nil)
            #expect(try await alertMails(app).isEmpty)
            // …so the next run sends them, once.
            #expect(try await AlertRunner(app: app).runDue(now: search.nextRunAt).mails == 1)
            #expect(try await AlertRunner(app: app).runDue(now: AlertSchedule.nextRun(after: search.nextRunAt, .weekly)).mails == 0)
            let sent = try #require(try await alertMails(app).first)
            #expect(sent.kind == "alert_trainings" && sent.textBody.contains("Operator wózków jezdniowych"))
        }
    }
}
