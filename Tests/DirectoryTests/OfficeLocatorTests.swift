import Testing
import Foundation
@testable import Directory
import TextSearch

@Suite struct OfficeLocatorTests {
    static let store = try! InMemoryDirectoryStore.bundled()
    let locator = OfficeLocator(store: OfficeLocatorTests.store)

    @Test(arguments: [
        ("15-371", "Białystok", "2061", "Powiatowy Urząd Pracy w Białymstoku"),
        ("16-300", "Augustów", "2001", "Powiatowy Urząd Pracy w Augustowie"),
        ("00-950", "Warszawa", "1465", "Urząd Pracy m.st. Warszawy"),
        ("31-019", "Kraków", "1261", "Grodzki Urząd Pracy w Krakowie"),
        ("22-400", "Zamość", "0664", "Powiatowy Urząd Pracy w Zamościu"),
        ("81-301", "Gdynia", "2262", "Powiatowy Urząd Pracy w Gdyni"),
        ("43-100", "Tychy", "2477", "Powiatowy Urząd Pracy w Tychach"),
        ("34-500", "Zakopane", "1217", "Powiatowy Urząd Pracy w Zakopanem"),
        ("19-300", "Ełk", "2805", "Powiatowy Urząd Pracy w Ełku"),
    ])
    func postalCodeLeadsToTheServingOffice(code: String, locality: String, powiat: String, office: String) async throws {
        let loc = try await locator.locate(code)
        #expect(loc.postalCode.locality == locality)
        #expect(loc.powiat.code == powiat)
        #expect(loc.office.name == office)
        #expect(loc.regionalOffice?.kind == .wup)
        #expect(loc.regionalOffice?.voivodeshipCode == loc.powiat.voivodeshipCode)
    }

    @Test func unknownPostalCodeSuggestsNeighbours() async {
        await #expect(throws: OfficeLocatorError.self) { try await locator.locate("15-999") }
        do {
            _ = try await locator.locate("15-999")
        } catch OfficeLocatorError.unknownPostalCode(let suggestions) {
            #expect(suggestions.count == 3)
            #expect(suggestions.allSatisfy { $0.hasPrefix("15-") || $0.hasPrefix("16-") })
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func registerHasEveryVoivodeshipAndPowiat() {
        let r = Self.store.register
        #expect(r.voivodeships.count == 16)
        #expect(r.powiats.count == 380)
        #expect(r.powiats.filter(\.isCity).count == 66)
        #expect(r.voivodeship("20")?.name == "podlaskie")
    }

    @Test func everyPowiatIsServedByExactlyOnePUPAndEveryVoivodeshipHasAWUP() {
        let offices = Self.store.officeList
        for p in Self.store.register.powiats {
            #expect(offices.filter { $0.kind == .pup && $0.powiatCodes.contains(p.code) }.count == 1, "\(p.code)")
        }
        #expect(offices.filter { $0.kind == .wup }.count == 16)
        #expect(Set(offices.map(\.id)).count == offices.count)
        // Cities that share an office with the surrounding powiat, as in Białystok.
        #expect(offices.first { $0.id == "pup-2002" }?.powiatCodes == ["2002", "2061"])
    }

    @Test func unverifiedRecordsSayWhatIsNotKnown() {
        let o = Self.store.officeList.first { $0.id == "pup-2001" }!
        #expect(!o.verified)
        #expect(o.phone == nil && o.street == nil && o.hours == nil)
        #expect(o.note?.contains("not verified") == true)
    }

    @Test func officeSearchIgnoresCaseAndDiacritics() async throws {
        let hits = try await Self.store.offices(matching: "LODZ", voivodeship: nil)
        #expect(hits.contains { $0.name == "Powiatowy Urząd Pracy w Łodzi" })
        let byPowiat = try await Self.store.offices(matching: "powiat augustowski", voivodeship: nil)
        #expect(byPowiat.map(\.id) == ["pup-2001"])
    }

    @Test func officeCSVReportsTheLineAndFieldOfBadRows() {
        let csv = OfficeCSV.columns.joined(separator: ",") + "\n"
            + "pup-x,pup,Test,Miasto,20,2001,,,,,,,false,\n"
            + "pup-y,zup,Test,Miasto,20,2001,,,,,,,false,\n"
            + "pup-z,pup,Test,Miasto,20,9999,,,,,,,false,\n"
            + "pup-w,pup,Test,Miasto,20,2001,,,,,,mon-fri 9-17,false,\n"
        let parsed = OfficeCSV.parse(csv, register: Self.store.register)
        #expect(parsed.offices.map(\.id) == ["pup-x"])
        #expect(parsed.errors.map(\.line) == [3, 4, 5])
        #expect(parsed.errors.map(\.field) == ["kind", "powiats", "hours"])
    }

    @Test func foldingMapsLettersWithoutDecomposition() {
        #expect(PolishFolding.fold("Łódź") == "lodz")
        #expect(PolishFolding.fold("ZAŻÓŁĆ GĘŚLĄ JAŹŃ") == "zazolc gesla jazn")
    }
}
