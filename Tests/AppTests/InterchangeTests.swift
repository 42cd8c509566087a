import Testing
import Foundation
import FoundationXML
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import Portal

/// Offers in from an ePraca JSON export (with a report of what was refused) and out as
/// HR-XML 3.2 for EURES.
@Suite(.serialized) struct InterchangeTests {
    static func day(_ days: Int) -> String { DayFormat().string(from: Date().addingTimeInterval(Double(days) * 86_400)) }

    static var export: [Any] { [
        ["identyfikatorOferty": "StPr/24/0815", "stanowisko": "Kierowca samochodu ciężarowego", "kodZawodu": "833203",
         "pracodawca": ["nazwa": "Trans & Spedycja Sp. z o.o.", "nip": "5260250274"], "miejscowosc": "Białystok", "kodPocztowy": "15-062",
         "rodzajUmowy": "Umowa o pracę", "wynagrodzenieBrutto": "6 500,00 - 8 000,00", "dataDodaniaOferty": day(-3), "ofertaWaznaDo": day(20),
         "zakresObowiazkow": "Przewóz ładunków w kraju, załadunek i rozładunek, dbałość o pojazd.", "liczbaMiejsc": 2],
        ["identyfikatorOferty": "StPr/24/0816", "stanowisko": "Magazynier", "pracodawca": "Hurtownia Podlasie", "miejscowosc": "Łomża",
         "kodPocztowy": "18-400", "rodzajUmowy": "umowa zlecenie", "wynagrodzenieBrutto": ["od": 4666, "do": 5200],
         "dataDodaniaOferty": day(-1), "ofertaWaznaDo": day(30), "opis": "Przyjmowanie i wydawanie towaru, obsługa skanera, inwentaryzacje."],
        ["identyfikatorOferty": "StPr/24/0001", "stanowisko": "Kucharz", "kodZawodu": "512001", "pracodawca": "Bar", "miejscowosc": "Białystok",
         "kodPocztowy": "15-062", "rodzajUmowy": "umowa o pracę", "dataDodaniaOferty": day(-60), "ofertaWaznaDo": day(-2),
         "zakresObowiazkow": "Przygotowywanie posiłków zgodnie z kartą dań."],
        ["identyfikatorOferty": "StPr/24/0002", "stanowisko": "Sprzedawca", "kodZawodu": "522301", "pracodawca": "Sklep", "miejscowosc": "Białystok",
         "kodPocztowy": "15-062", "rodzajUmowy": "umowa barterowa", "dataDodaniaOferty": day(-1), "ofertaWaznaDo": day(10),
         "zakresObowiazkow": "Obsługa klientów i kasy fiskalnej."],
        ["identyfikatorOferty": "StPr/24/0003", "stanowisko": "Sprzątaczka", "kodZawodu": "911207", "pracodawca": "Czysto", "miejscowosc": "Białystok",
         "rodzajUmowy": "umowa o pracę", "dataDodaniaOferty": day(-1), "ofertaWaznaDo": day(10), "zakresObowiazkow": "Sprzątanie biur i klatek schodowych."],
        ["identyfikatorOferty": "StPr/24/0004", "stanowisko": "Spawacz", "kodZawodu": "721204", "pracodawca": "Stal", "miejscowosc": "Białystok",
         "kodPocztowy": "15-062", "rodzajUmowy": "umowa o pracę", "wynagrodzenieBrutto": "9000-7000", "dataDodaniaOferty": day(-1),
         "ofertaWaznaDo": day(10), "zakresObowiazkow": "Spawanie konstrukcji stalowych metodą MAG."],
        ["identyfikatorOferty": "StPr/24/0005", "stanowisko": "Astronauta", "pracodawca": "Kosmos", "miejscowosc": "Białystok", "kodPocztowy": "15-062",
         "rodzajUmowy": "umowa o pracę", "dataDodaniaOferty": day(-1), "ofertaWaznaDo": day(10), "zakresObowiazkow": "Loty na orbitę okołoziemską."],
        ["to nie jest oferta"],
    ] }

    @Test func anEPracaExportIsImportedWithAReportOfRejectedRecordsAndAgainWithoutCopies() async throws {
        try await withTestApp { app in
            let data = try JSONSerialization.data(withJSONObject: ["oferty": Self.export])
            let report = try await EPracaImporter(app: app).importFile(data)
            #expect(report.created == 2 && report.updated == 0)
            let rejected = Dictionary(uniqueKeysWithValues: report.rejected.map { ($0.index, $0.field) })
            #expect(rejected == [3: "ofertaWaznaDo", 4: "rodzajUmowy", 5: "kodPocztowy", 6: "wynagrodzenieBrutto", 7: "kodZawodu", 8: "-"])
            #expect(report.rejected.first { $0.index == 4 }?.id == "StPr/24/0002")

            var found: [String: Any] = [:]
            try await app.testing().test(.GET, "/api/v1/offers?q=magazyniera&voivodeship=20") { found = (try? $0.json() as? [String: Any]) ?? [:] }
            let item = try #require((found["items"] as? [[String: Any]])?.first)
            #expect(found["total"] as? Int == 1 && (item["occupation"] as? [String: Any])?["code"] as? String == "432103")
            #expect((item["employer"] as? [String: Any])?["verified"] as? Bool == true && (item["wage"] as? [String: Any])?["min"] as? Double == 4666)

            let again = try await EPracaImporter(app: app).importFile(data)
            #expect(again.created == 0 && again.updated == 2)
            #expect(try await OfferStore(db: app.db).liveOffers(after: nil).offers.count == 2)
            await #expect(throws: EPracaImporter.FileError.self) { try await EPracaImporter(app: app).importFile(Data("{\"x\": 1}".utf8)) }
        }
    }

    @Test func liveOffersAreExportedAsHRXMLPositionOpenings() async throws {
        try await withTestApp { app in
            _ = try await EPracaImporter(app: app).importFile(try JSONSerialization.data(withJSONObject: Self.export))
            var xml = ""
            let count = try await HRXMLExport.export(app: app) { xml += $0 }
            #expect(count == 2)
            let doc = try XMLDocument(xmlString: xml, options: [])
            let root = try #require(doc.rootElement())
            #expect(root.name == "SyncPositionOpening" && root.uri == HRXMLExport.hrNamespace)
            let openings = try root.nodes(forXPath: "//*[local-name()='PositionOpening']")
            #expect(openings.count == 2)
            func values(_ name: String) throws -> [String] {
                try root.nodes(forXPath: "//*[local-name()='\(name)']").compactMap(\.stringValue)
            }
            #expect(Set(try values("PositionTitle")) == ["Kierowca samochodu ciężarowego", "Magazynier"])
            #expect(Set(try values("JobCategoryCode")) == ["8332", "4321"])
            #expect(Set(try values("CountrySubDivisionCode")) == ["PL84"])
            #expect(try values("OrganizationName").contains("Trans & Spedycja Sp. z o.o."), "escaped in the file, read back whole")
            #expect(Set(try values("PositionOfferingTypeCode")) == ["DirectHire", "Contract"])
            #expect(try values("ApplicationCloseDate").contains(Self.day(20)))
        }
    }
}
