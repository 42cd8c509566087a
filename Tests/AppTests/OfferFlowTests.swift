import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import Portal

/// Employers write offers, offices moderate the unverified ones, the public finds the live ones.
@Suite(.serialized) struct OfferFlowTests {
    static func day(_ days: Int) -> String { OfferJSON.dayFormatter.string(from: Date().addingTimeInterval(Double(days) * 86_400)) }

    static let form: [String: String] = [
        "title": "Spawacz MIG/MAG", "occupation": "721204", "duties": "Spawanie konstrukcji stalowych metodą MIG/MAG w hali produkcyjnej.",
        "postal_code": "15-371", "locality": "Białystok", "contract": "employment", "working_time": "1", "shifts": "two",
        "wage_min": "6500", "wage_max": "8000", "wage_type": "monthly", "positions": "3", "positions_disabled": "1", "education": "vocational",
        "languages": "en:A2", "experience": "12", "licences": "", "valid_until": day(30), "how_to_apply": "CV na adres praca@example.org",
        "employer_visible": "on",
    ]

    static func employer(_ app: Application, email: String, nip: String) async throws -> FormClient {
        let boss = FormClient(app)
        let registration = ["email": email, "password": "chleb i bułki 2026", "contact_person": "Jan Szef", "company_name": "Stalmet \(nip)",
                            "nip": nip, "street": "Lipowa", "house_number": "1", "postal_code": "15-371", "locality": "Białystok", "consent": "on"]
        #expect(try await boss.post("/register/employer", registration).status == .seeOther)
        _ = try await boss.post("/login", ["email": email, "password": "chleb i bułki 2026"])
        return boss
    }

    func api(_ app: Application, _ query: String) async throws -> (HTTPStatus, [String: Any]) {
        var out: (HTTPStatus, [String: Any]) = (.ok, [:])
        try await app.testing().test(.GET, "/api/v1/offers?\(query)") { res in
            out = (res.status, (try? res.json() as? [String: Any]) ?? [:])
        }
        return out
    }

    @Test func hexWagesFiveDigitYearsAndUnknownCountriesAreRefusedByField() async throws {
        try await withTestApp { app in
            let boss = try await Self.employer(app, email: "szef@stalmet.pl", nip: "5260250274")
            var form = Self.form
            form["wage_min"] = "0x10"; form["valid_until"] = "99999-01-01"; form["country"] = "XX"; form["postal_code"] = ""
            let res = try await boss.post("/employer/offers?lang=en", form, csrfFrom: "/employer/offers/new")
            #expect(res.status == .badRequest)
            let page = res.body.string
            #expect(page.contains("enter a two-letter ISO 3166 country code"))
            for field in ["wage_min", "valid_until", "country"] { #expect(page.contains("id=\"\(field)-error\"") || page.contains("\(field)-error"), "\(field)") }
            #expect(try await OfferStore(db: app.db).moderationQueue(offices: nil).isEmpty, "nothing stored")
            form["wage_min"] = "6 500"; form["valid_until"] = Self.day(30); form["country"] = "no"
            #expect(try await boss.post("/employer/offers", form, csrfFrom: "/employer/offers/new").status == .seeOther)
        }
    }

    @Test func anUnverifiedEmployersOfferWaitsForTheOfficeThenIsFound() async throws {
        try await withTestApp { app in
            let boss = try await Self.employer(app, email: "szef@stalmet.pl", nip: "5260250274")
            let created = try await boss.post("/employer/offers", Self.form, csrfFrom: "/employer/offers/new")
            #expect(created.headers.first(name: .location) == "/employer/offers?notice=pending")
            #expect(try await api(app, "q=spawacz").1["total"] as? Int == 0, "not public while pending")

            let supervisor = try await TestStaff.create(app, email: "s@example.org", roles: [.supervisor], scope: .offices(["pup-2002"]))
            let staff = try await supervisor.signIn(app)
            let queue = try await staff.get("/staff/offers?lang=en").body.string
            #expect(queue.contains("Spawacz MIG/MAG"))
            let offer = try #require(try await OfferStore(db: app.db).moderationQueue(offices: ["pup-2002"]).first)
            #expect(offer.officeID == "pup-2002" && offer.voivodeshipCode == "20")
            let noReason = try await staff.post("/staff/offers/\(offer.id)/moderate?lang=en", ["decision": "reject"], csrfFrom: "/staff/home")
            #expect(noReason.status == .badRequest)
            let other = try await TestStaff.create(app, email: "o@example.org", roles: [.supervisor], scope: .offices(["pup-2001"]))
            #expect(try await other.signIn(app).post("/staff/offers/\(offer.id)/moderate", ["decision": "publish"], csrfFrom: "/staff/home")
                .status == .forbidden, "only the office of the place of work moderates")
            _ = try await staff.post("/staff/offers/\(offer.id)/moderate", ["decision": "publish"], csrfFrom: "/staff/home")

            let (status, body) = try await api(app, "q=spawaczy&voivodeship=20&min_wage=7000")
            #expect(status == .ok && body["total"] as? Int == 1)
            let item = try #require((body["items"] as? [[String: Any]])?.first)
            #expect(item["title"] as? String == "Spawacz MIG/MAG")
            #expect((item["employer"] as? [String: Any])?["verified"] as? Bool == false)
            #expect((item["occupation"] as? [String: Any])?["name"] as? String == "Spawacz")

            let page = try await FormClient(app).get("/offers/\(offer.id.uuidString.lowercased())?lang=en").body.string
            #expect(page.contains("<script type=\"application/ld+json\">") && page.contains("\"@type\":\"JobPosting\""))
            #expect(page.contains("3, of which 1 for people with disabilities"))
            let list = try await FormClient(app).get("/offers?q=spawacz&lang=pl").body.string
            #expect(list.contains("Znaleziono 1 ofertę") && list.contains("pracodawca niezweryfikowany"))

            // Closing takes it out of the search; the employer's list says so.
            _ = try await boss.post("/employer/offers/\(offer.id)/close", [:], csrfFrom: "/employer/offers")
            #expect(try await api(app, "q=spawacz").1["total"] as? Int == 0)
            #expect(try await FormClient(app).get("/offers/\(offer.id)").status == .notFound)
            #expect(try await boss.get("/employer/offers?lang=en").body.string.contains("closed"))
        }
    }

    @Test func aVerifiedEmployerPublishesAtOnceAndOnlyEditsItsOwnOffers() async throws {
        try await withTestApp { app in
            let boss = try await Self.employer(app, email: "szef@stalmet.pl", nip: "5260250274")
            let company = try #require(try await EmployerStore(db: app.db).unverified(offices: nil).first)
            try await EmployerStore(db: app.db).verify(company: company.id, byOffice: "pup-2002")
            let created = try await boss.post("/employer/offers", Self.form, csrfFrom: "/employer/offers/new")
            #expect(created.headers.first(name: .location) == "/employer/offers?notice=saved")
            let offer = try #require(try await OfferStore(db: app.db).ofCompany(company.id).first)
            #expect(offer.status == .published && offer.employerVerified)
            #expect(try await api(app, "verified=1&q=spawacz").1["total"] as? Int == 1)

            var edited = Self.form; edited["title"] = "Spawacz TIG"
            _ = try await boss.post("/employer/offers/\(offer.id)", edited, csrfFrom: "/employer/offers/\(offer.id)/edit")
            #expect(try await api(app, "q=tig").1["total"] as? Int == 1, "the index follows the edit")

            let stranger = try await Self.employer(app, email: "inny@firma.pl", nip: "7740001454")
            #expect(try await stranger.get("/employer/offers/\(offer.id)/edit").status == .notFound)
            #expect(try await stranger.post("/employer/offers/\(offer.id)/close", [:], csrfFrom: "/employer/offers").status == .notFound)
            #expect(try await OfferStore(db: app.db).find(offer.id)?.status == .published)
        }
    }

    @Test func badOffersAreExplainedPerFieldAndNothingIsStored() async throws {
        try await withTestApp { app in
            let boss = try await Self.employer(app, email: "szef@stalmet.pl", nip: "5260250274")
            var bad = Self.form
            bad["wage_min"] = "9000"; bad["wage_max"] = "5000"; bad["valid_until"] = Self.day(-2); bad["occupation"] = "999999"
            let res = try await boss.post("/employer/offers?lang=en", bad, csrfFrom: "/employer/offers/new")
            #expect(res.status == .badRequest)
            let html = res.body.string
            #expect(html.contains("Wage up to (gross): the upper amount is lower than the lower amount"))
            #expect(html.contains("Offer valid until (gross)") == false && html.contains("Offer valid until: the date cannot be in the past"))
            #expect(html.contains("Occupation (KZiS code): give a 6-digit occupation code"))
            #expect(html.contains("value=\"Spawacz MIG/MAG\""), "typed values are kept")
            #expect(try await OfferStore(db: app.db).allIDs().isEmpty)
        }
    }

    @Test func theSearchAPIRefusesNonsenseWithFieldMessages() async throws {
        try await withTestApp { app in
            let long = try await api(app, "q=" + String(repeating: "a", count: 10_000))
            #expect(long.0 == .badRequest && (long.1["errors"] as? [[String: Any]])?.first?["field"] as? String == "q")
            #expect(try await api(app, "q=%3F%21%2C%2E").0 == .badRequest)
            let page = try await api(app, "page=-1&lang=en")
            #expect(page.0 == .badRequest && ((page.1["errors"] as? [[String: Any]])?.first?["reason"] as? String)?.contains("Page") == true)
            #expect(try await api(app, "postal_code=99-999").0 == .badRequest)
            #expect(try await api(app, "sort=cheapest").0 == .badRequest)
            let ok = try await api(app, "q=kierowca&page=1&per_page=5")
            #expect(ok.0 == .ok && ok.1["total"] as? Int == 0 && ok.1["per_page"] as? Int == 5)
        }
    }
}
