import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import Portal

/// Office staff add trainings and job fairs; the public searches them with the Polish-aware
/// text search, on the pages and through the API.
@Suite(.serialized) struct EventFlowTests {
    static let training: [String: String] = [
        "kind": "training", "title": "Operator wózków jezdniowych z egzaminem UDT", "organiser": "Ośrodek Szkoleniowy Podlasie",
        "topic": "Wózki widłowe", "description": "Kurs dla osób bezrobotnych: zajęcia teoretyczne i praktyczne, egzamin przed komisją UDT.",
        "locality": "Białystok", "address": "ul. Handlowa 6", "postal_code": "15-062", "starts_at": "2030-03-02T09:00",
        "ends_at": "2030-03-20T15:00", "funding": "office", "seats": "12", "office_id": "pup-2002",
    ]

    func json(_ app: Application, _ path: String) async throws -> (HTTPStatus, [String: Any]) {
        var out: (HTTPStatus, [String: Any]) = (.ok, [:])
        try await app.testing().test(.GET, path) { res in out = (res.status, (try? res.json() as? [String: Any]) ?? [:]) }
        return out
    }

    @Test func anOfficeAddsATrainingThatThePublicFindsByAnInflectedWord() async throws {
        try await withTestApp { app in
            let editor = try await TestStaff.create(app, email: "r@example.org", roles: [.officeEditor], scope: .offices(["pup-2002"]))
            let staff = try await editor.signIn(app)
            var bad = Self.training
            bad["ends_at"] = "2030-03-01T09:00"; bad["postal_code"] = ""; bad["seats"] = "dużo"
            let refused = try await staff.post("/staff/events?lang=en", bad, csrfFrom: "/staff/events/new")
            #expect(refused.status == .badRequest)
            for field in ["Ends", "Postal code", "Seats"] { #expect(refused.body.string.contains(field), "\(field)") }
            #expect(try await EventStore(db: app.db).list(offices: nil).isEmpty)

            var foreign = Self.training
            foreign["office_id"] = "pup-2001"
            #expect(try await staff.post("/staff/events", foreign, csrfFrom: "/staff/events/new").status == .forbidden)

            #expect(try await staff.post("/staff/events", Self.training, csrfFrom: "/staff/events/new").headers.first(name: .location) == "/staff/events?notice=saved")
            var fair = Self.training
            fair["kind"] = "job_fair"; fair["title"] = "Podlaskie Targi Pracy"; fair["topic"] = ""; fair["funding"] = "free"; fair["seats"] = ""
            fair["description"] = "Pracodawcy z regionu, oferty pracy i doradztwo zawodowe."
            _ = try await staff.post("/staff/events", fair, csrfFrom: "/staff/events/new")

            let (status, body) = try await json(app, "/api/v1/trainings?q=wózek&voivodeship=20&no_cost=1")
            #expect(status == .ok && body["total"] as? Int == 1)
            let item = try #require((body["items"] as? [[String: Any]])?.first)
            #expect(item["title"] as? String == Self.training["title"] && item["seats"] as? Int == 12 && item["funding"] as? String == "office")
            #expect((item["place"] as? [String: Any])?["powiat"] as? String == "2061")
            #expect(try await json(app, "/api/v1/trainings?q=targi").1["total"] as? Int == 0, "fairs are not trainings")
            #expect(try await json(app, "/api/v1/job-fairs?q=targów").1["total"] as? Int == 1)
            #expect(try await json(app, "/api/v1/trainings?voivodeship=14").1["total"] as? Int == 0)
            #expect(try await json(app, "/api/v1/trainings?from=2030-04-01").1["total"] as? Int == 0, "over by then")
            let (badStatus, problem) = try await json(app, "/api/v1/trainings?q=%21%21%21&page=-1&lang=en")
            #expect(badStatus == .badRequest && (problem["errors"] as? [[String: Any]])?.count == 2)

            let page = try await FormClient(app).get("/trainings?q=operatorów&lang=pl").body.string
            #expect(page.contains("Znaleziono 1 szkolenie") && page.contains("Finansowane przez urząd pracy"))
            let id = try #require(item["id"] as? String)
            let detail = try await FormClient(app).get("/trainings/\(id.lowercased())?lang=en").body.string
            #expect(detail.contains("Ośrodek Szkoleniowy Podlasie") && detail.contains("seats: 12"))
            #expect(try await FormClient(app).get("/job-fairs/\(id.lowercased())").status == .notFound)

            let other = try await TestStaff.create(app, email: "o@example.org", roles: [.officeEditor], scope: .offices(["pup-2001"]))
            #expect(try await other.signIn(app).post("/staff/events/\(id)/delete", [:], csrfFrom: "/staff/home").status == .forbidden)
            _ = try await staff.post("/staff/events/\(id)/delete", [:], csrfFrom: "/staff/events")
            #expect(try await json(app, "/api/v1/trainings").1["total"] as? Int == 0)
        }
    }
}
