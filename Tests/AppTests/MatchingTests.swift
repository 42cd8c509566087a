import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage
import Portal
import Clients
import Privacy

/// Offers that fit a seeker's CVs and candidates that fit an offer: explained, from shared
/// sections only on the employer's side, never for someone who objected, alerts sent once.
@Suite(.serialized) struct MatchingTests {
    /// A warehouse worker in Białystok with a forklift licence who travels 40 km and wants 5 000 zł.
    static let cv: [String: String] = [
        "title": "Magazyn", "desired_job": "Magazynier", "occupation": "432103", "desired_locality": "Białystok", "postal_code": "15-371",
        "education": "vocational", "experience_months": "36", "experience": "UKRYTE-DOSWIADCZENIE", "languages": "en:B2",
        "licences": "uprawnienia UDT na wózki widłowe", "commute_km": "40", "expected_wage": "5000", "expected_wage_type": "monthly",
        "work_time": "any", "contract": "any", "share_desired": "on", "share_languages": "on", "share_licences": "on",
    ]

    static func offer(_ title: String, occupation: String, postal: String, locality: String, licences: String = "", wage: String = "6000") -> [String: String] {
        var f = OfferFlowTests.form
        f["title"] = title; f["occupation"] = occupation; f["postal_code"] = postal; f["locality"] = locality; f["licences"] = licences
        f["wage_min"] = wage; f["wage_max"] = wage; f["languages"] = "en:B1"; f["experience"] = "0"; f["education"] = "vocational"
        return f
    }

    /// A verified employer with a fitting offer, one of the same group, one too far and one of
    /// another trade.
    static func employerWithOffers(_ app: Application) async throws -> (FormClient, [String: UUID]) {
        let boss = try await OfferFlowTests.employer(app, email: "szef@stalmet.pl", nip: "5260250274")
        let company = try #require(try await EmployerStore(db: app.db).unverified(offices: nil).first)
        try await EmployerStore(db: app.db).verify(company: company.id, byOffice: "pup-2002")
        for f in [offer("Magazynier z UDT", occupation: "432103", postal: "15-371", locality: "Białystok", licences: "uprawnienia UDT"),
                  offer("Magazynier-logistyk", occupation: "432106", postal: "15-371", locality: "Białystok"),
                  offer("Magazynier w Krakowie", occupation: "432103", postal: "31-001", locality: "Kraków"),
                  offer("Kucharz", occupation: "512001", postal: "15-371", locality: "Białystok")] {
            #expect(try await boss.post("/employer/offers", f, csrfFrom: "/employer/offers/new").status == .seeOther)
        }
        let offers = try await OfferStore(db: app.db).ofCompany(company.id)
        return (boss, Dictionary(uniqueKeysWithValues: offers.map { ($0.draft.title, $0.id) }))
    }

    static func seeker(_ app: Application, email: String = "anna.nowak@example.org", cv: [String: String]? = cv) async throws -> FormClient {
        var form = AccountTests.goodForm
        form["email"] = email
        let browser = FormClient(app)
        _ = try await browser.post("/register", form)
        _ = try await browser.post("/login", ["email": email, "password": form["password"]!])
        if let cv { #expect(try await browser.post("/account/cvs", cv, csrfFrom: "/account/cvs/new").status == .seeOther) }
        return browser
    }

    @Test func aSeekerSeesTheOffersThatFitTheirCVExplainedAndNothingAfterObjecting() async throws {
        try await withTestApp { app in
            _ = try await Self.employerWithOffers(app)
            let seeker = try await Self.seeker(app)
            let page = try await seeker.get("/account/matches?lang=en")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Magazynier z UDT") && html.contains("Magazynier-logistyk"))
            #expect(!html.contains("Magazynier w Krakowie"), "400 km away and the seeker would not move")
            #expect(!html.contains(">Kucharz<"), "another trade")
            #expect(html.contains("same occupation; 0 km; has forklift licence (UDT); English B2 of B1 asked; pays 6,000 zł of 5,000 zł expected"))
            #expect(html.contains("same occupation group"))
            // The best first.
            #expect(try #require(html.range(of: "Magazynier z UDT")).lowerBound < (try #require(html.range(of: "Magazynier-logistyk"))).lowerBound)

            var api: [String: Any] = [:]
            try await app.testing().test(.GET, "/api/v1/matches?lang=pl", headers: seeker.cookieHeader) { res in
                #expect(res.status == .ok)
                api = (try? JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any]) ?? [:]
            }
            let items = try #require(api["items"] as? [[String: Any]])
            #expect(items.count == 2)
            let scores = items.compactMap { $0["score"] as? Int }
            #expect(scores.count == 2 && scores[0] > scores[1] && scores[0] <= 100)
            #expect((items[0]["reasons"] as? [String])?.first == "ten sam zawód")
            #expect(try await FormClient(app).get("/api/v1/matches").status == .unauthorized)

            // Objecting to matching (art. 21) stops it at once.
            let account = try #require(try await AccountStore(db: app.db).find(email: "anna.nowak@example.org"))
            try await ConsentLedger(db: app.db).setObjection(.candidateMatching, account: account.id, at: Date())
            let objected = try await seeker.get("/account/matches?lang=en").body.string
            #expect(objected.contains("You objected to matching") && !objected.contains("Magazynier z UDT"))
        }
    }

    @Test func theAlertSendsNewFittingOffersOnceAndRefusesAnUnknownFrequency() async throws {
        try await withTestApp { app in
            let (boss, _) = try await Self.employerWithOffers(app)
            let seeker = try await Self.seeker(app)
            let bad = try await seeker.post("/account/matches/alert?lang=en", ["frequency": "hourly"], csrfFrom: "/account/matches")
            #expect(bad.status == .badRequest && bad.body.string.contains("How often"))
            #expect(try await seeker.post("/account/matches/alert?lang=en", ["frequency": "daily"], csrfFrom: "/account/matches").status == .ok)
            let account = try #require(try await AccountStore(db: app.db).find(email: "anna.nowak@example.org"))
            let search = try #require(try await SavedSearchStore(db: app.db).list(account: account.id).first { $0.kind == .matches })
            let sql = app.db as! any SQLDatabase
            let dayAgo = Date().addingTimeInterval(-86_400)
            try await sql.raw("UPDATE saved_searches SET created_at = \(bind: dayAgo), last_run_at = \(bind: dayAgo), next_run_at = \(bind: dayAgo) WHERE id = \(bind: search.id)").run()

            func mails() async throws -> [String] {
                try await sql.raw("SELECT text_body FROM outbox WHERE kind = 'alert_matches' AND recipient = 'anna.nowak@example.org' ORDER BY created_at").all()
                    .map { try $0.decode(column: "text_body", as: String.self) }
            }
            let first = try await AlertRunner(app: app).runDue()
            #expect(first.mails == 1 && first.items == 2)
            let mail = try #require(try await mails().first)
            #expect(mail.contains("Magazynier z UDT") && mail.contains("Magazynier-logistyk") && !mail.contains("Kraków") && mail.contains("ten sam zawód"))

            // Due again at once: nothing new, nothing sent twice.
            try await sql.raw("UPDATE saved_searches SET next_run_at = \(bind: Date().addingTimeInterval(-1)) WHERE id = \(bind: search.id)").run()
            #expect(try await AlertRunner(app: app).runDue().mails == 0)
            // A new fitting offer comes in the next one, alone.
            #expect(try await boss.post("/employer/offers", Self.offer("Magazynier na noce", occupation: "432103", postal: "15-371", locality: "Białystok"),
                                        csrfFrom: "/employer/offers/new").status == .seeOther)
            try await sql.raw("UPDATE saved_searches SET next_run_at = \(bind: Date().addingTimeInterval(-1)) WHERE id = \(bind: search.id)").run()
            #expect(try await AlertRunner(app: app).runDue().mails == 1)
            let second = try #require(try await mails().last)
            #expect(second.contains("Magazynier na noce") && !second.contains("Magazynier z UDT"))

            #expect(try await seeker.post("/account/matches/alert", ["frequency": "off"], csrfFrom: "/account/matches").status == .ok)
            #expect(try await SavedSearchStore(db: app.db).list(account: account.id).isEmpty)
        }
    }

    @Test func employersSeeCandidatesForTheirOfferFromSharedSectionsOnly() async throws {
        try await withTestApp { app in
            let (boss, offers) = try await Self.employerWithOffers(app)
            _ = try await Self.seeker(app)
            var hidden = Self.cv
            for key in ["share_desired", "share_languages", "share_licences"] { hidden[key] = nil }
            hidden["desired_job"] = "NIEUDOSTEPNIONE-CV"
            _ = try await Self.seeker(app, email: "ukryta@example.org", cv: hidden)
            var objecting = Self.cv
            objecting["desired_job"] = "SPRZECIW-CV"
            _ = try await Self.seeker(app, email: "sprzeciw@example.org", cv: objecting)
            let account = try #require(try await AccountStore(db: app.db).find(email: "sprzeciw@example.org"))
            try await ConsentLedger(db: app.db).setObjection(.candidateMatching, account: account.id, at: Date())

            let id = try #require(offers["Magazynier z UDT"])
            let page = try await boss.get("/employer/offers/\(id)/candidates?lang=en")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Candidate 1: Magazynier") && html.contains("has forklift licence (UDT)") && html.contains("English B2 of B1 asked"))
            // Experience was not shared: unknown, never read from the hidden section.
            #expect(!html.contains("UKRYTE-DOSWIADCZENIE") && !html.contains("anna.nowak") && !html.contains("Nowak"))
            #expect(!html.contains("NIEUDOSTEPNIONE-CV") && !html.contains("SPRZECIW-CV") && !html.contains("Candidate 2"))
            #expect(html.contains("/employer/candidates/"))

            // Someone else's offer is not found; an unverified company is refused.
            let other = try await OfferFlowTests.employer(app, email: "inny@firma.pl", nip: "7740001454")
            #expect(try await other.get("/employer/offers/\(id)/candidates").status == .forbidden)
            let otherCompany = try #require(try await EmployerStore(db: app.db).unverified(offices: nil).first)
            try await EmployerStore(db: app.db).verify(company: otherCompany.id, byOffice: "pup-2002")
            #expect(try await other.get("/employer/offers/\(id)/candidates").status == .notFound)
        }
    }

    @Test func aConsultantSendsAFittingOfferFromTheScreenPop() async throws {
        try await withTestApp { app in
            _ = try await Self.employerWithOffers(app)
            _ = try await Self.seeker(app)
            let account = try #require(try await AccountStore(db: app.db).find(email: "anna.nowak@example.org"))
            _ = try await ClientStore(db: app.db).create(NewClient(number: "100000009", kind: .seeker, firstName: "Anna", lastName: "Nowak",
                                                                   accountID: account.id, officeID: "pup-2002", emails: ["anna.nowak@example.org"]))
            var form = ContactFormTests.good
            form["email"] = "anna.nowak@example.org"
            #expect(try await FormClient(app).post("/contact", form, csrfFrom: "/contact").status == .ok)
            let contact = try #require(try await ContactCenterStore(db: app.db).open().first)
            #expect(contact.clientID != nil)
            let (_, desk) = try await DesktopTests.consultant(app, "k1@example.org")
            _ = try await DesktopTests.route(app)
            #expect(try await desk.post("/desktop/offers/\(contact.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            let pop = try await desk.get("/desktop/interactions/\(contact.id)?lang=en").body.string
            #expect(pop.contains("Offers that fit the client&#39;s CVs") && pop.contains("Magazynier z UDT") && pop.contains("same occupation"))
            let offer = try #require(try await OfferStore(db: app.db).search(OfferCriteria()).offers.first { $0.draft.title == "Magazynier z UDT" })
            let sent = try await desk.post("/desktop/interactions/\(contact.id)/offers", ["offer": offer.id.uuidString], csrfFrom: "/desktop/interactions/\(contact.id)")
            #expect(sent.status == .seeOther)
            let sql = app.db as! any SQLDatabase
            let mail = try #require(try await sql.raw("SELECT text_body FROM outbox WHERE kind = 'offer_recommended'").first())
            #expect(try mail.decode(column: "text_body", as: String.self).contains("/offers/\(offer.id.uuidString.lowercased())"))
            let notes = try await ContactCenterStore(db: app.db).notes(of: [contact.id])[contact.id] ?? []
            #expect(notes.contains { $0.text.contains("Magazynier z UDT") })
            #expect(try await desk.post("/desktop/interactions/\(contact.id)/offers", ["offer": UUID().uuidString], csrfFrom: "/desktop/interactions/\(contact.id)").status == .badRequest)
        }
    }

    @Test func theWorkWishedIsCheckedFieldByFieldAndShownToEmployersInWords() async throws {
        try await withTestApp { app in
            let seeker = try await Self.seeker(app, cv: nil)
            #expect(try await seeker.get("/account/matches?lang=en").body.string.contains("write a CV and choose in it the occupation"))
            var bad = Self.cv
            bad["commute_km"] = "daleko"; bad["expected_wage"] = "dużo"; bad["work_time"] = "nights"
            let refused = try await seeker.post("/account/cvs?lang=en", bad, csrfFrom: "/account/cvs/new")
            let text = refused.body.string
            #expect(refused.status == .badRequest && text.contains("How far you would travel daily (km)") && text.contains("Expected pay (gross)")
                    && text.contains("Working time"))
            bad = Self.cv
            bad["commute_km"] = "900"
            #expect(try await seeker.post("/account/cvs?lang=en", bad, csrfFrom: "/account/cvs/new").body.string.contains("between 0 and 500 km"))
            #expect(try await CVStore(db: app.db).list(account: try #require(try await AccountStore(db: app.db).find(email: "anna.nowak@example.org")).id).isEmpty)

            var hourly = Self.cv
            hourly["expected_wage"] = "32,50"; hourly["expected_wage_type"] = "hourly"; hourly["work_time"] = "full"; hourly["contract"] = "employment"
            hourly["willing_to_move"] = "on"
            #expect(try await seeker.post("/account/cvs", hourly, csrfFrom: "/account/cvs/new").status == .seeOther)
            let account = try #require(try await AccountStore(db: app.db).find(email: "anna.nowak@example.org"))
            let cv = try #require(try await CVStore(db: app.db).list(account: account.id).first)
            #expect(cv.draft.wish == WorkWish(commuteKm: 40, willingToMove: true, expectedWage: 32.5, expectedWageType: .hourly, time: .full, contracts: [.employment]))
            let edit = try await seeker.get("/account/cvs/\(cv.id)/edit").body.string
            #expect(edit.contains("value=\"32.5\"") && edit.contains("value=\"40\""))

            let boss = try await OfferFlowTests.employer(app, email: "szef@stalmet.pl", nip: "5260250274")
            let company = try #require(try await EmployerStore(db: app.db).unverified(offices: nil).first)
            try await EmployerStore(db: app.db).verify(company: company.id, byOffice: "pup-2002")
            let shown = try await boss.get("/employer/candidates/\(cv.id)?lang=en").body.string
            #expect(shown.contains("Travels up to 40 km") && shown.contains("Would move for a job") && shown.contains("Expected pay: 32.5")
                    && shown.contains("Working time: full time") && shown.contains("Contract: employment contract"))
        }
    }

    @Test func generatedSeekersHaveCVsAndABroadSearchCountsOnlyUpToItsLimit() async throws {
        try await withTestApp { app in
            _ = try await SyntheticDataSet(app: app, seed: 3).generate(offers: 0, seekers: 900)
            let sql = app.db as! any SQLDatabase
            let cvs = try #require(try await sql.raw("SELECT COUNT(*) AS n FROM cvs").first()?.decode(column: "n", as: Int.self))
            let shared = try #require(try await sql.raw("SELECT COUNT(*) AS n FROM cv_candidates").first()?.decode(column: "n", as: Int.self))
            #expect(cvs >= 900 && cvs <= 2_700 && shared < cvs && shared > CVStore.countLimit, "\(cvs) CVs, \(shared) shared")
            let all = try await CVStore(db: app.db).searchCandidates(CandidateCriteria())
            #expect(all.total == CVStore.countLimit && all.more && all.candidates.count == 20)
            var narrow = CandidateCriteria()
            narrow.occupation = "522301"
            let few = try await CVStore(db: app.db).searchCandidates(narrow)
            #expect(!few.more && few.total > 0 && few.total < CVStore.countLimit)
            let boss = try await OfferFlowTests.employer(app, email: "szef@stalmet.pl", nip: "5260250274")
            let company = try #require(try await EmployerStore(db: app.db).unverified(offices: nil).first)
            try await EmployerStore(db: app.db).verify(company: company.id, byOffice: "pup-2002")
            #expect(try await boss.get("/employer/candidates?lang=en").body.string.contains("More than 1000 candidates"))
        }
    }
    /// PostgreSQL takes a word search through the newest rows first and through the index only
    /// for words rare there: whichever way a page is found, it is the plain query's page.
    @Test func aWordSearchFindsWhatThePlainQueryFindsWhicheverWayItTakes() async throws {
        try await withTestApp { app in
            _ = try await SyntheticDataSet(app: app, seed: 5).generate(offers: 0, seekers: 900)
            let store = CVStore(db: app.db)
            var seen: [String: Int] = [:]
            for words in ["praca", "kierowca", "spawacz", "astronom kucharz"] {
                var c = CandidateCriteria()
                c.query = try app.services.analyzer.query(words)
                for page in [1, 2, 4, 10, 11] {
                    c.page = page
                    let plain = try await store.searchCandidates(c, newestRows: nil)
                    if page == 1 { seen[words] = plain.more ? Int.max : plain.total }
                    // Paging stops at the count (200): the tenth page is its last.
                    #expect(page < 11 || plain.candidates.isEmpty)
                    #expect(page != 10 || !plain.more || plain.candidates.count == 20)
                    for rows in [5, 60, 400, 1_000_000] {
                        let found = try await store.searchCandidates(c, newestRows: rows)
                        #expect(found.total == plain.total && found.more == plain.more && found.candidates.map(\.id) == plain.candidates.map(\.id),
                                "\(words), page \(page), \(rows) newest rows: \(found.total) \(found.more) against \(plain.total) \(plain.more)")
                    }
                }
            }
            // The words cover every way: more than the count, a few pages, one page, nothing.
            #expect(seen["praca"] == Int.max && (21...200).contains(seen["kierowca"] ?? 0)
                    && (1...20).contains(seen["spawacz"] ?? 0) && seen["astronom kucharz"] == 0, "\(seen)")
        }
    }
}
