import Testing
import Foundation
@testable import Portal

/// The numbers of an ePraca offer are amounts a person could have meant: an infinite wage or a
/// count of places no integer holds is refused with its field named, not stored or trapped on.
@Suite struct EPracaRecordTests {
    static var offer: [String: Any] { [
        "identyfikatorOferty": "StPr/24/0815", "stanowisko": "Magazynier", "pracodawca": "Hurtownia", "miejscowosc": "Łomża",
        "rodzajUmowy": "umowa o pracę", "dataDodaniaOferty": "2026-12-01", "ofertaWaznaDo": "2026-12-31",
        "zakresObowiazkow": "Przyjmowanie i wydawanie towaru, inwentaryzacje.",
    ] }
    static let now = ISO8601DateFormatter().date(from: "2026-12-05T10:00:00Z")!

    static func field(_ changes: [String: Any]) -> String? {
        do { _ = try EPracaRecord(json: offer.merging(changes) { $1 }, now: now); return nil } catch { return error.field }
    }

    @Test func numbersBeyondReasonAreRefusedByField() throws {
        #expect(Self.field(["liczbaMiejsc": "1e30"]) == "liczbaMiejsc")
        #expect(Self.field(["liczbaMiejsc": 0]) == "liczbaMiejsc")
        #expect(Self.field(["liczbaMiejsc": 2.5]) == "liczbaMiejsc")
        #expect(Self.field(["wymiarEtatu": "nan"]) == "wymiarEtatu")
        #expect(Self.field(["wymiarEtatu": 3]) == "wymiarEtatu")
        #expect(Self.field(["wynagrodzenieBrutto": "1e400"]) == "wynagrodzenieBrutto")
    }

    @Test func datesAreReadInTheirFormatsOnly() throws {
        // Digits with combining marks once trapped inside Foundation's DateFormatter.
        #expect(Self.field(["ofertaWaznaDo": "202\u{0301}\u{0301}7-01-05"]) == "ofertaWaznaDo")
        #expect(Self.field(["dataDodaniaOferty": "2026-12-01T08:00:00+01:00"]) == nil)
        #expect(Self.field(["dataDodaniaOferty": "01.12.2026"]) == nil)
        #expect(Self.field(["dataDodaniaOferty": "1 grudnia 2026"]) == "dataDodaniaOferty")
    }

    @Test func absentOrBlankNumbersTakeTheirDefaults() throws {
        let record = try EPracaRecord(json: Self.offer.merging(["liczbaMiejsc": " ", "wymiarEtatu": NSNull(), "wynagrodzenieBrutto": "4 666,00 - 6 000,00"]) { $1 }, now: Self.now)
        #expect(record.positions == 1 && record.workingTime == 1)
        #expect(record.wageMin == 4666 && record.wageMax == 6000)
        let half = try EPracaRecord(json: Self.offer.merging(["liczbaMiejsc": "3", "wymiarEtatu": "0,5"]) { $1 }, now: Self.now)
        #expect(half.positions == 3 && half.workingTime == 0.5)
        // An object with an unreadable bound keeps the readable one: "from 4000".
        let open = try EPracaRecord(json: Self.offer.merging(["wynagrodzenieBrutto": ["od": 4000, "do": "inf"]]) { $1 }, now: Self.now)
        #expect(open.wageMin == 4000 && open.wageMax == nil)
    }
}
