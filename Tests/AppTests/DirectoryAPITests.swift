import Testing
import Foundation
import Vapor
import VaporTesting
import Fluent
@testable import App
@testable import Storage
import Directory

@Suite(.serialized) struct DirectoryAPITests {
    @Test func postalCodesLeadToTheirOffices() async throws {
        try await withTestApp { app in
            for (code, name, teryt) in [("15-371", "Powiatowy Urząd Pracy w Białymstoku", "2061"),
                                        ("16-300", "Powiatowy Urząd Pracy w Augustowie", "2001"),
                                        ("00-950", "Urząd Pracy m.st. Warszawy", "1465")] {
                try await app.testing().test(.GET, "/api/v1/offices?postal_code=\(code)") { res in
                    #expect(res.status == .ok)
                    let list = try #require(try res.json() as? [[String: Any]])
                    #expect(list.first?["name"] as? String == name)
                    #expect(list.first?["teryt"] as? String == teryt)
                    #expect(list.first?["voivodeship"] as? String == (code == "00-950" ? "mazowieckie" : "podlaskie"))
                    #expect(list.last?["kind"] as? String == "wup")
                }
            }
        }
    }

    @Test func malformedPostalCodeIs400NamingTheFieldInTheVisitorsLanguage() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/api/v1/offices?postal_code=15-37") { res in
                #expect(res.status == .badRequest)
                let body = try #require(try res.json() as? [String: Any])
                let errors = try #require(body["errors"] as? [[String: String]])
                #expect(errors.first?["field"] == "postal_code")
                #expect(errors.first?["reason"]?.contains("Nieprawidłowy format") == true)
            }
            try await app.testing().test(.GET, "/api/v1/offices?postal_code=15-37&lang=en") { res in
                let body = try #require(try res.json() as? [String: Any])
                #expect((body["errors"] as? [[String: String]])?.first?["reason"]?.contains("Wrong format") == true)
            }
        }
    }

    @Test func unknownPostalCodeIs404WithSuggestions() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/api/v1/offices?postal_code=15-999") { res in
                #expect(res.status == .notFound)
                #expect(res.headers.first(name: .contentType)?.hasPrefix("application/problem+json") == true)
                let body = try #require(try res.json() as? [String: Any])
                #expect((body["suggestions"] as? [String])?.count == 3)
            }
        }
    }

    @Test func officeByIdAndUnknownId() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/api/v1/offices/pup-2002") { res in
                let o = try #require(try res.json() as? [String: Any])
                #expect(o["name"] as? String == "Powiatowy Urząd Pracy w Białymstoku")
                #expect((o["powiats"] as? [[String: Any]])?.compactMap { $0["teryt"] as? String } == ["2002", "2061"])
                #expect(o["verified"] as? Bool == false)
            }
            try await app.testing().test(.GET, "/api/v1/offices/pup-0000") { res in
                #expect(res.status == .notFound)
            }
            try await app.testing().test(.GET, "/api/v1/offices?voivodeship=20") { res in
                let list = try #require(try res.json() as? [[String: Any]])
                #expect(list.count == 16, "14 PUPs, the WUP and the voivode's office of podlaskie")
                #expect(list.filter { $0["kind"] as? String == "uw" }.compactMap { $0["id"] as? String } == ["uw-20"])
            }
            try await app.testing().test(.GET, "/api/v1/offices?voivodeship=99") { res in
                #expect(res.status == .badRequest)
            }
        }
    }

    @Test func administratorOverrideRoutesAPostalCodeElsewhereAndSurvivesAReload() async throws {
        try await withTestApp { app in
            try await PostalCodeOverrides(db: app.db).set(code: "16-300", powiatCode: "2002", reason: "test")
            try await app.testing().test(.GET, "/api/v1/offices?postal_code=16-300") { res in
                let list = try #require(try res.json() as? [[String: Any]])
                #expect(list.first?["id"] as? String == "pup-2002")
                #expect((list.first?["matched_postal_code"] as? [String: String])?["powiat_method"] == "override")
            }
            try await ReferenceDataLoader(db: app.db).replacePostalCodes(try ReferenceData.postalCodes())
            #expect(try await FluentDirectoryStore(db: app.db).postalCode("16-300")?.powiatCode == "2002")
            await #expect(throws: PostalCodeOverrides.Failure.unknownPowiat) {
                try await PostalCodeOverrides(db: app.db).set(code: "16-300", powiatCode: "9999", reason: nil)
            }
            #expect(try await FluentDirectoryStore(db: app.db).postalCode("16-300")?.powiatCode == "2002", "a failed change leaves nothing behind")
        }
    }

    @Test func loadingReferenceDataTwiceChangesNothing() async throws {
        try await withTestApp { app in
            let again = try await ReferenceDataLoader(db: app.db).loadBundled()
            #expect(again.loaded.isEmpty)
            #expect(try await PostalCodeRecord.query(on: app.db).count() == 22_090)
            #expect(try await OfficeRecord.query(on: app.db).count() == 376)
            #expect(try await DemoDataLoader(db: app.db).load() == true)
            #expect(try await DemoDataLoader(db: app.db).load() == false)
            #expect(try await OfficeRecord.find("pup-2002", on: app.db)?.hours == "mon-fri 07:30-15:30")
        }
    }

    @Test func calendarListsHolidaysAndHours() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/api/v1/calendar?from=2026-12-20&to=2026-12-31") { res in
                #expect(res.status == .ok)
                let days = try #require(try res.json() as? [[String: Any]])
                #expect(days.count == 12)
                let byDate = Dictionary(uniqueKeysWithValues: days.map { ($0["date"] as! String, $0) })
                #expect(byDate["2026-12-23"]?["open"] as? Bool == true)
                #expect(byDate["2026-12-23"]?["hours"] as? String == "08:00-18:00")
                #expect(byDate["2026-12-24"]?["open"] as? Bool == false)
                #expect(byDate["2026-12-24"]?["holiday"] as? String == "Wigilia Bożego Narodzenia")
                #expect(byDate["2026-12-27"]?["open"] as? Bool == false)
                #expect(byDate["2026-12-27"]?["holiday"] is NSNull)
            }
            try await app.testing().test(.GET, "/api/v1/calendar?from=2026-12-24&to=2026-12-24&lang=en") { res in
                let days = try #require(try res.json() as? [[String: Any]])
                #expect(days.first?["holiday"] as? String == "Christmas Eve")
            }
            for bad in ["from=2026-12-40&to=2026-12-31", "from=2026-12-20", "from=2026-12-20&to=2026-12-01", "from=2026-01-01&to=2027-12-31"] {
                try await app.testing().test(.GET, "/api/v1/calendar?\(bad)") { res in
                    #expect(res.status == .badRequest, "\(bad)")
                    let body = try res.json() as? [String: Any]
                    #expect(body?["errors"] != nil)
                }
            }
        }
    }

    @Test func validateEndpointUsesTheFormValidators() async throws {
        try await withTestApp { app in
            try await app.testing().test(.POST, "/api/v1/validate", beforeRequest: { req in
                try req.content.encode(["type": "pesel", "value": "44051401359"], as: .json)
            }) { res in
                let body = try #require(try res.json() as? [String: Any])
                #expect(body["valid"] as? Bool == true)
                #expect(body["birth_date"] as? String == "1944-05-14")
                #expect(body["sex"] as? String == "male")
            }
            try await app.testing().test(.POST, "/api/v1/validate?lang=en", beforeRequest: { req in
                try req.content.encode(["type": "nip", "value": "123-456-32-19"], as: .json)
            }) { res in
                let body = try #require(try res.json() as? [String: Any])
                #expect(body["valid"] as? Bool == false)
                #expect(body["reason_code"] as? String == "checksum")
                #expect((body["reason"] as? String)?.contains("check digit") == true)
            }
            try await app.testing().test(.POST, "/api/v1/validate", beforeRequest: { req in
                try req.content.encode(["type": "iban", "value": "1"], as: .json)
            }) { res in
                #expect(res.status == .badRequest)
                #expect(res.headers.first(name: .contentType)?.hasPrefix("application/problem+json") == true)
            }
        }
    }

    @Test func directoryPagesFindOfficesByPostalCodeAndName() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/offices?q=15-371") { res in
                #expect(res.body.string.contains("Powiatowy Urząd Pracy w Białymstoku"))
                #expect(res.body.string.contains("href=\"/offices/pup-2002\""))
            }
            try await app.testing().test(.GET, "/offices?q=15-999&lang=en") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("We do not know postal code 15-999"))
            }
            try await app.testing().test(.GET, "/offices?q=augustow") { res in
                #expect(res.body.string.contains("Powiatowy Urząd Pracy w Augustowie"))
                #expect(!res.body.string.contains("Powiatowy Urząd Pracy w Białymstoku"))
            }
            try await app.testing().test(.GET, "/offices/pup-2001?lang=ru") { res in
                #expect(res.body.string.contains("Данные не подтверждены"))
                #expect(res.body.string.contains("Powiatowy Urząd Pracy w Augustowie"))
            }
            try await app.testing().test(.GET, "/offices/nope") { res in
                #expect(res.status == .notFound)
            }
        }
    }
}
