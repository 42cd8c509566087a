import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import Privacy
import Localization

/// The consent ledger end to end: an account is opened only with its consent (the version of
/// the text shown recorded), /account/privacy lists every consent of the person and withdraws
/// each in one step, stopping what rested on it at once; an objection to profiling stops the
/// alerts matched for them or hides their CVs from employers, and lifting it brings them back.
@Suite(.serialized) struct ConsentLedgerTests {
    static let email = "anna.nowak@example.org"

    @Test func anAccountIsOpenedWithItsConsentAndEachConsentIsWithdrawnInOneStep() async throws {
        try await withTestApp { app in
            var form = AccountTests.goodForm
            form["phone"] = "600100200"
            form["consent"] = nil
            let seeker = FormClient(app)
            let refused = try await seeker.post("/register?lang=en", form)
            #expect(refused.status == .badRequest && refused.body.string.contains("Tick the consent"))
            #expect(try await AccountStore(db: app.db).find(email: Self.email) == nil, "no account without its consent")
            form["consent"] = "on"; form["consent_version"] = "1"
            #expect(try await seeker.post("/register", form).status == .seeOther)
            let account = try #require(try await AccountStore(db: app.db).find(email: Self.email))
            let ledger = ConsentLedger(db: app.db)
            let opened = try await ledger.list(.account(account.id))
            #expect(opened.map(\.kind) == [.accountServices] && opened[0].version == 1 && opened[0].channel == .web && opened[0].isActive)

            _ = try await seeker.post("/login", ["email": Self.email, "password": form["password"]!])
            // Offers by SMS: a consent of their own.
            _ = try await seeker.post("/account/sms", ["offer_alerts": "on", "reminders": "on"], csrfFrom: "/account/sms")
            #expect(try await ledger.isGiven(.smsAlerts, by: .account(account.id)))
            // The newsletter under the same address, confirmed by its link.
            _ = try await FormClient(app).post("/newsletter", ["email": Self.email, "language": "pl"], csrfFrom: "/newsletter")
            let mail = try #require(try await Outbox(db: app.db).recent().first { $0.recipient == Self.email && $0.textBody.contains("/newsletter/confirm") })
            let confirm = try #require(AccountTests.link(in: mail.textBody, path: "/newsletter/confirm"))
            #expect(try await FormClient(app).get(confirm).status == .ok)

            let page = try await seeker.get("/account/privacy?lang=en").body.string
            let t = Catalogues.bundled[.en]
            for key in ["consent.account_services.v1", "consent.sms_alerts.v1", "consent.newsletter.v1"] {
                #expect(HTMLScan.decode(page).contains(t.text(key)), "\(key) shown as agreed to")
            }
            #expect(page.contains("value=\"sms_alerts\"") && page.contains("value=\"newsletter\"") && !page.contains("value=\"account_services\""))
            #expect(HTMLScan.decode(page).contains(t.text("account_privacy.account_note", ["email": "iodkg@ohp.pl"])))

            // Withdrawing stops the processing at once: no more offers by SMS, no more editions.
            let sms = try await seeker.post("/account/privacy/withdraw?lang=en", ["kind": "sms_alerts"], csrfFrom: "/account/privacy")
            #expect(sms.status == .ok && sms.body.string.contains("Consent withdrawn: Offers by SMS"))
            #expect(try await SMSStore(db: app.db).preferences("+48600100200").offerAlerts == false)
            #expect(try await !ledger.isGiven(.smsAlerts, by: .account(account.id)))
            _ = try await seeker.post("/account/privacy/withdraw", ["kind": "newsletter"], csrfFrom: "/account/privacy")
            #expect(try await NewsletterStore(db: app.db).find(email: Self.email)?.isActive == false)
            let after = try await seeker.get("/account/privacy?lang=en").body.string
            #expect(after.components(separatedBy: "Withdrawn on").count - 1 == 2, "both kept in the ledger as withdrawn")

            // Bad choices, by field; a second withdrawal has nothing to withdraw; strangers are sent to sign in.
            for (fields, status) in [(["kind": "account_services"], HTTPStatus.badRequest), (["kind": "cookies"], .badRequest),
                                     (["kind": "sms_alerts"], .badRequest)] {
                #expect(try await seeker.post("/account/privacy/withdraw?lang=en", fields, csrfFrom: "/account/privacy").status == status, "\(fields)")
            }
            #expect(try await seeker.post("/account/privacy/objection", ["case": "postal_code_location", "action": "object"],
                                          csrfFrom: "/account/privacy").status == .badRequest)
            #expect(try await FormClient(app).get("/account/privacy").status == .seeOther)
        }
    }

    @Test func anObjectionStopsAlertsAndHidesCVsUntilLifted() async throws {
        try await withTestApp { app in
            let seeker = try await CVFlowTests.seekerWithPhone(app)
            #expect(try await seeker.post("/account/cvs", CVFlowTests.cvForm, csrfFrom: "/account/cvs/new").status == .seeOther)
            let cv = try await CVFlowTests.firstCV(app)
            let searches = SavedSearchStore(db: app.db)
            _ = try await searches.create(account: cv.accountID, kind: .offers, query: "q=magazynier", label: "Magazynier", frequency: .daily,
                                          now: Date().addingTimeInterval(-3 * 86_400))
            let later = Date().addingTimeInterval(2 * 86_400)
            func due() async throws -> Bool { try await searches.due(now: later).contains { $0.accountID == cv.accountID } }
            func found() async throws -> Bool {
                try await CVStore(db: app.db).searchCandidates(CandidateCriteria()).candidates.contains { $0.id == cv.id }
            }
            let visible = try await CVStore(db: app.db).candidate(cv.id)
            #expect(try await due())
            #expect(try await found() && visible != nil)
            let page = try await seeker.get("/account/privacy?lang=en").body.string
            #expect(page.contains("Your saved searches (1): Magazynier") && page.contains("Your CVs shared with employers (1): MOJE-TAJNE-CV"))

            for c in ["alerts", "candidate_matching"] {
                let res = try await seeker.post("/account/privacy/objection?lang=en", ["case": c, "action": "object"], csrfFrom: "/account/privacy")
                #expect(res.status == .ok && res.body.string.contains("Objection recorded"))
            }
            let hidden = try await CVStore(db: app.db).candidate(cv.id)
            #expect(try await !due())
            #expect(try await !found() && hidden == nil)
            #expect(try await seeker.get("/account/privacy?lang=en").body.string.components(separatedBy: "Objection made on").count - 1 == 2)

            _ = try await seeker.post("/account/privacy/objection", ["case": "alerts", "action": "lift"], csrfFrom: "/account/privacy")
            #expect(try await due(), "each objection on its own")
            #expect(try await !found())
            _ = try await seeker.post("/account/privacy/objection", ["case": "candidate_matching", "action": "lift"], csrfFrom: "/account/privacy")
            #expect(try await found())
        }
    }
}
