import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage
import Portal
import Privacy

/// Recruitment run by the centre: a verified employer orders it for an offer, the offer's
/// office finds a candidate, asks for consent, moves them along and presents them; the
/// employer sees only presented candidates who consent at that moment; a withdrawal takes the
/// candidate out at once. Seekers apply themselves; closing tells every consenting candidate
/// the outcome; retention keeps only those who agreed to future recruitments.
@Suite(.serialized) struct RecruitmentTests {
    static func order(_ app: Application, boss: FormClient, offer: UUID) async throws -> RecruitmentOrder {
        let form = "/employer/recruitments/new?offer=" + offer.uuidString.lowercased()
        #expect(try await boss.post("/employer/recruitments", ["offer_id": offer.uuidString.lowercased(), "requirements": "Dyspozycyjność od zaraz."],
                                    csrfFrom: form).status == .seeOther)
        return try #require(try await RecruitmentStore(db: app.db).openOrder(offer: offer))
    }

    static func desk(_ app: Application, office: String, email: String = "rekrutacja@example.org") async throws -> FormClient {
        try await TestStaff.create(app, email: email, roles: [.consultant], scope: .offices([office])).signIn(app)
    }

    @Test func aCandidateConsentsIsPresentedAndLeavesTheEmployersViewOnWithdrawing() async throws {
        try await withTestApp { app in
            let (boss, offers) = try await MatchingTests.employerWithOffers(app)
            let offerID = try #require(offers["Magazynier z UDT"])
            let offer = try #require(try await OfferStore(db: app.db).find(offerID))
            let seeker = try await MatchingTests.seeker(app)
            let cv = try await CVFlowTests.firstCV(app)

            // The order: too long a wish is refused, naming the field; then ordered once.
            let form = "/employer/recruitments/new?offer=" + offerID.uuidString.lowercased()
            #expect(try await boss.get(form + "&lang=en").body.string.contains("Magazynier z UDT"))
            let long = try await boss.post("/employer/recruitments?lang=en", ["offer_id": offerID.uuidString.lowercased(),
                                                                              "requirements": String(repeating: "x", count: 4_001)], csrfFrom: form)
            #expect(long.status == .badRequest && long.body.string.contains("What the employer asks for: at most 4000 characters."))
            let order = try await Self.order(app, boss: boss, offer: offerID)
            #expect(order.officeID == offer.officeID && order.requirements == "Dyspozycyjność od zaraz.")
            let again = try await boss.post("/employer/recruitments?lang=en", ["offer_id": offerID.uuidString.lowercased()], csrfFrom: form)
            #expect(again.status == .badRequest, "one open order per offer")
            // A seeker cannot order; the offer's page says the office recruits.
            #expect(try await seeker.get("/offers/\(offerID.uuidString.lowercased())?lang=en").body.string.contains("Apply through the office"))

            let path = "/staff/recruitments/\(order.id.uuidString.lowercased())"
            let foreign = try await Self.desk(app, office: offer.officeID == "pup-2001" ? "pup-2002" : "pup-2001", email: "obcy@example.org")
            #expect(try await foreign.get(path).status == .forbidden)
            let desk = try await Self.desk(app, office: offer.officeID)
            #expect(try await desk.get("/staff/recruitments?lang=en").body.string.contains("Magazynier z UDT"))
            let page = try await desk.get(path + "?lang=en").body.string
            // Anna's CV is among the matches, shown by what she shared only.
            #expect(page.contains("Matching CVs") && page.contains(cv.id.uuidString.lowercased()) && !page.contains("UKRYTE-DOSWIADCZENIE"))
            let audit = try await (app.db as! any SQLDatabase).raw("SELECT action FROM audit_log WHERE detail = \(bind: order.id.uuidString.lowercased())").all()
            #expect(try audit.map { try $0.decode(column: "action", as: String.self) } == ["recruitment.read"])

            let unknown = try await desk.post(path + "/candidates?lang=en", ["cv_id": UUID().uuidString], csrfFrom: path)
            #expect(unknown.status == .badRequest && unknown.body.string.contains("CV number: there is no CV with this number"))
            #expect(try await desk.post(path + "/candidates", ["cv_id": cv.id.uuidString], csrfFrom: path).status == .seeOther)
            #expect(try await desk.post(path + "/candidates", ["cv_id": cv.id.uuidString], csrfFrom: path).status == .conflict)
            let candidate = try #require(try await RecruitmentStore(db: app.db).candidates(order: order.id).first)
            #expect(candidate.stage == .found && candidate.consent == nil && candidate.source == .search)
            let c = path + "/candidates/\(candidate.id.uuidString.lowercased())"

            // Without consent the centre goes no further than "found".
            let early = try await desk.post(c + "?lang=en", ["stage": "screened"], csrfFrom: path)
            #expect(early.status == .conflict && early.body.string.contains("they cannot be moved on"))
            #expect(try await desk.post(c + "/ask", [:], csrfFrom: path).status == .seeOther)
            #expect(try await desk.post(c + "/ask", [:], csrfFrom: path).status == .conflict, "asked once")
            let ask = try #require(try await Outbox(db: app.db).recent().first { $0.kind == "recruitment_consent" })
            #expect(ask.recipient == "anna.nowak@example.org" && ask.textBody.contains("/account/recruitments") && ask.textBody.contains("Magazynier z UDT"))

            let mine = try await seeker.get("/account/recruitments?lang=en").body.string
            #expect(mine.contains("Magazynier z UDT") && mine.contains("waiting for an answer") && mine.contains("other data given in the recruitment"))
            let answer = "/account/recruitments/\(candidate.id.uuidString.lowercased())"
            let unticked = try await seeker.post(answer + "?lang=en", ["answer": "give"], csrfFrom: "/account/recruitments")
            #expect(unticked.status == .badRequest && unticked.body.string.contains("Consent: without it you cannot take part"))
            let gave = try await seeker.post(answer + "?lang=en", ["answer": "give", "consent": "on", "consent_version": "1", "future": "on",
                                                                  "future_version": "1"], csrfFrom: "/account/recruitments")
            #expect(gave.status == .ok && gave.body.string.contains("you take part in the recruitment"))
            let ledger = ConsentLedger(db: app.db)
            #expect(try await ledger.isGiven(.recruitment, by: .account(cv.accountID)))
            #expect(try await ledger.isGiven(.futureRecruitments, by: .account(cv.accountID)))

            // Not presented yet: the employer sees nobody.
            let employerPage = "/employer/recruitments/\(order.id.uuidString.lowercased())?lang=en"
            #expect(try await boss.get(employerPage).body.string.contains("The office has presented no candidates yet."))
            #expect(try await desk.post(c, ["stage": "screened", "note": "Rozmowa telefoniczna: dostępna od zaraz."], csrfFrom: path).status == .seeOther)
            #expect(try await desk.post(c, ["stage": "presented"], csrfFrom: path).status == .seeOther)
            let back = try await desk.post(c + "?lang=en", ["stage": "found"], csrfFrom: path)
            #expect(back.status == .conflict && back.body.string.contains("from “presented to the employer” to “found”"))
            #expect(try await Outbox(db: app.db).recent().contains { $0.kind == "recruitment_presented" && $0.recipient == "szef@stalmet.pl" })
            let consented = try await desk.get(path + "?lang=en").body.string
            #expect(consented.contains("Anna Nowak") && consented.contains("UKRYTE-DOSWIADCZENIE") && consented.contains("dostępna od zaraz"))
            let seen = try await boss.get(employerPage).body.string
            #expect(seen.contains("Anna Nowak") && seen.contains("anna.nowak@example.org") && seen.contains("UKRYTE-DOSWIADCZENIE"))
            // Another employer sees nothing of it.
            let other = try await OfferFlowTests.employer(app, email: "inny@firma.pl", nip: "1181773343")
            #expect(try await other.get(employerPage).status != .ok)

            // The copy of her data has the participation and the note.
            let export = try await PersonalDataExport(db: app.db).collect(account: cv.accountID)
            #expect(export.counts.contains { $0.name == "recruitments" && $0.count == 1 })
            #expect(export.counts.contains { $0.name == "recruitment_notes" && $0.count == 1 })

            // Withdrawn: gone from the employer's view with the next page, the notes deleted,
            // the centre cannot move her on, the ledger's consent ends with her last recruitment.
            #expect(try await seeker.post(answer, ["answer": "withdraw"], csrfFrom: "/account/recruitments").status == .ok)
            let after = try await boss.get(employerPage).body.string
            #expect(!after.contains("Anna Nowak") && !after.contains("UKRYTE-DOSWIADCZENIE"))
            let left = try #require(try await RecruitmentStore(db: app.db).candidate(candidate.id))
            #expect(left.consent == .withdrawn && left.notes.isEmpty)
            #expect(try await desk.post(c, ["stage": "hired"], csrfFrom: path).status == .conflict)
            #expect(try await ledger.isGiven(.recruitment, by: .account(cv.accountID)) == false)
            #expect(!(try await desk.get(path).body.string.contains("UKRYTE-DOSWIADCZENIE")))
        }
    }

    @Test func seekersApplyClosingTellsTheOutcomeAndRetentionKeepsOnlyThePool() async throws {
        try await withTestApp { app in
            let (boss, offers) = try await MatchingTests.employerWithOffers(app)
            let offerID = try #require(offers["Magazynier z UDT"])
            let order = try await Self.order(app, boss: boss, offer: offerID)
            let apply = "/offers/\(offerID.uuidString.lowercased())/recruitment"
            #expect(try await FormClient(app).get(apply + "?lang=en").body.string.contains("Sign in as a job seeker to apply."))

            let anna = try await MatchingTests.seeker(app)
            let annaCV = try await CVFlowTests.firstCV(app)
            let jan = try await MatchingTests.seeker(app, email: "jan.kowalski@example.org")
            let janAccount = try #require(try await AccountStore(db: app.db).find(email: "jan.kowalski@example.org"))
            let janCV = try #require(try await CVStore(db: app.db).list(account: janAccount.id).first)
            let refused = try await anna.post(apply + "?lang=en", ["cv_id": annaCV.id.uuidString.lowercased()], csrfFrom: apply)
            #expect(refused.status == .badRequest && refused.body.string.contains("Consent: without it"))
            let foreignCV = try await anna.post(apply + "?lang=en", ["cv_id": janCV.id.uuidString.lowercased(), "consent": "on"], csrfFrom: apply)
            #expect(foreignCV.status == .badRequest, "only one's own CV")
            #expect(try await anna.post(apply, ["cv_id": annaCV.id.uuidString.lowercased(), "consent": "on", "consent_version": "1", "future": "on",
                                                "future_version": "1"], csrfFrom: apply).status == .ok)
            #expect(try await anna.post(apply, ["cv_id": annaCV.id.uuidString.lowercased(), "consent": "on"], csrfFrom: apply).status == .conflict)
            #expect(try await anna.get(apply + "?lang=en").body.string.contains("You take part in this recruitment"))
            #expect(try await jan.post(apply, ["cv_id": janCV.id.uuidString.lowercased(), "consent": "on", "consent_version": "1"],
                                       csrfFrom: apply).status == .ok)
            let candidates = try await RecruitmentStore(db: app.db).candidates(order: order.id)
            #expect(candidates.count == 2 && candidates.allSatisfy { $0.source == .application && $0.consent == .given })

            let desk = try await Self.desk(app, office: order.officeID)
            let path = "/staff/recruitments/\(order.id.uuidString.lowercased())"
            let annaC = try #require(candidates.first { $0.accountID == annaCV.accountID })
            for stage in ["shortlisted", "presented", "hired"] {
                #expect(try await desk.post(path + "/candidates/\(annaC.id.uuidString.lowercased())", ["stage": stage], csrfFrom: path).status == .seeOther)
            }
            #expect(try await desk.post(path + "/close", [:], csrfFrom: path).status == .seeOther)
            #expect(try await desk.post(path + "/close", [:], csrfFrom: path).status == .conflict)
            let outcomes = try await Outbox(db: app.db).recent().filter { $0.kind == "recruitment_outcome" }
            #expect(outcomes.count == 2)
            #expect(try #require(outcomes.first { $0.recipient == "anna.nowak@example.org" }).textBody.contains("wybrał Ciebie"))
            #expect(try #require(outcomes.first { $0.recipient == "jan.kowalski@example.org" }).textBody.contains("wybrano inną osobę"))
            let closed = try await RecruitmentStore(db: app.db).candidates(order: order.id)
            #expect(closed.allSatisfy { $0.outcomeSentAt != nil } && closed.first { $0.accountID != annaCV.accountID }?.stage == .rejected)

            // Anna agreed to future recruitments: the office finds her in its pool for the next order.
            let next = try await Self.order(app, boss: boss, offer: try #require(offers["Magazynier-logistyk"]))
            let nextPage = try await desk.get("/staff/recruitments/\(next.id.uuidString.lowercased())?lang=en").body.string
            #expect(nextPage.contains("Pool: agreed to future recruitments") && nextPage.contains("Anna Nowak") && nextPage.contains("earlier: hired"))

            // 30 days after the end Jan's data leaves; Anna's stays while her consent lasts.
            let later = Date().addingTimeInterval(31 * 86_400)
            #expect(try await PrivacyRetention(app: app).sweep(now: later).recruitmentCandidates == 1)
            #expect(try await RecruitmentStore(db: app.db).candidates(order: order.id).map(\.accountID) == [annaCV.accountID])
            #expect(try await anna.post("/account/privacy/withdraw", ["kind": "future_recruitments"], csrfFrom: "/account/privacy").status == .ok)
            #expect(try await PrivacyRetention(app: app).sweep(now: later).recruitmentCandidates == 1)
            #expect(try await RecruitmentStore(db: app.db).candidates(order: order.id).isEmpty)
        }
    }
}
