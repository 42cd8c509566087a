import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage
import Portal

/// Push messages wait in an outbox: a new offer alert of a seeker who opted into offers is put
/// there (one who did not is not); a due message is taken by exactly one of two servers at once;
/// a device whose endpoint is no longer an allowed push service is dropped, not called; the
/// notifications page keeps the kinds chosen and refuses a subscription to an unknown service.
@Suite(.serialized) struct PushOutboxTests {
    @Test func alertsGoToTheOutboxOfOptedInSeekersAndEachMessageIsTakenOnce() async throws {
        try await withTestApp { app in
            let seeker = try await AccountSettingsTests.signedInSeeker(app)
            let account = try #require(try await AccountStore(db: app.db).find(email: "anna.nowak@example.org"))
            #expect(try await seeker.post("/account/alerts", ["kind": "offers", "query": "q=spawacz", "frequency": "daily"], csrfFrom: "/account").status == .seeOther)
            let search = try #require(try await SavedSearchStore(db: app.db).list(account: account.id).first)
            let boss = try await OfferFlowTests.employer(app, email: "szef@stalmet.pl", nip: "5260250274")
            let company = try #require(try await EmployerStore(db: app.db).unverified(offices: nil).first)
            try await EmployerStore(db: app.db).verify(company: company.id, byOffice: "pup-2002")
            _ = try await boss.post("/employer/offers", OfferFlowTests.form, csrfFrom: "/employer/offers/new")

            // Not opted in: the e-mail goes, no push waits.
            #expect(try await AlertRunner(app: app).runDue(now: search.nextRunAt).mails == 1)
            #expect(try await PushOutbox(db: app.db).claimDue(now: Date().addingTimeInterval(60)).isEmpty)

            // Opted in on the notifications page (kinds kept), a new offer, the next run.
            #expect(try await seeker.post("/account/notifications?lang=en", ["kind_offers": "on", "kind_chat": "on"],
                                          csrfFrom: "/account/notifications").body.string.contains("Saved."))
            #expect(try await PushSubscriptionStore(db: app.db).kinds(account: account.id) == [.offers, .chat])
            var second = OfferFlowTests.form
            second["title"] = "Spawacz TIG"
            _ = try await boss.post("/employer/offers", second, csrfFrom: "/employer/offers/new")
            let day2 = AlertSchedule.nextRun(after: search.nextRunAt, .daily)
            let tig = try #require(try await OfferStore(db: app.db).ofCompany(company.id).first { $0.draft.title == "Spawacz TIG" })
            for table in ["offers", "offer_search"] {
                try await (app.db as! any SQLDatabase).update(table).set("published_at", to: SQLBind(day2.addingTimeInterval(-3_600)))
                    .where(table == "offers" ? "id" : "doc_id", .equal, SQLBind(tig.id)).run()
            }
            #expect(try await AlertRunner(app: app).runDue(now: day2).mails == 1)
            // Two servers take due messages at once: each message goes to one of them.
            async let a = PushOutbox(db: app.db).claimDue(now: day2.addingTimeInterval(60))
            async let b = PushOutbox(db: app.db).claimDue(now: day2.addingTimeInterval(60))
            let taken = try await a + b
            #expect(taken.count == 1)
            let push = try #require(taken.first)
            #expect(push.accountID == account.id && push.kind == .offers && push.body == "Spawacz TIG" && push.url == "/offers?q=spawacz")
            #expect(push.title.contains("spawacz"))

            // A device of a push service no longer allowed is dropped without being called.
            try await PushSubscriptionStore(db: app.db).save(PushSubscription(accountID: account.id, endpoint: "https://push.retired.example/abc",
                                                                              p256dh: "x", auth: "y"))
            #expect(try await PushSender(app).send(PushMessage(title: "t", body: "b", url: "/", tag: "t"), kind: .offers, to: account.id) == 0)
            #expect(try await PushSubscriptionStore(db: app.db).list(account: account.id).isEmpty)
            // The page refuses what no browser would send.
            let refused = try await seeker.post("/account/notifications/devices?lang=en",
                                                ["endpoint": "https://push.retired.example/abc", "keys[p256dh]": "x", "keys[auth]": "y"],
                                                csrfFrom: "/account/notifications")
            #expect(refused.status == .badRequest && refused.body.string.contains("not a known push service"))
        }
    }
}
