import Testing
import Foundation
import Directory
@testable import Foreigners

struct FormLibraryTests {
    let library = FormLibrary.shipped
    let today = LocalDate(year: 2026, month: 12, day: 6)

    @Test func everyApplicationHasAVersionInForceWithFourLanguagesEverywhere() throws {
        for kind in ApplicationKind.allCases {
            let form = try #require(library.current(kind, on: today), "\(kind)")
            for text in [form.title, form.summary, form.filing, form.fee] + form.fields.flatMap({ [$0.label, $0.help] }) + form.sections.map(\.title)
                + form.fields.flatMap({ ($0.options ?? []).map(\.label) }) + form.reviewNotes.map(\.text) {
                #expect(text.all.allSatisfy { !$0.isEmpty }, "\(form.id): \(text.pl)")
            }
            // The printed form is Polish capitals.
            for official in [form.official] + form.sections.map(\.official) + form.fields.map(\.official) {
                #expect(official == official.uppercased(with: Locale(identifier: "pl")), "\(official)")
            }
        }
    }

    @Test func theDeclarationVersionOfDecemberDropsGeorgiaAndKeepsTheRest() throws {
        let old = try #require(library.current(.workDeclaration, on: LocalDate(year: 2025, month: 11, day: 30)))
        let new = try #require(library.current(.workDeclaration, on: LocalDate(year: 2025, month: 12, day: 1)))
        #expect(old.version == "2025-06" && new.version == "2025-12")
        #expect(old.field("citizenship")?.rules.first?.values?.contains("GE") == true)
        #expect(new.field("citizenship")?.rules.first?.values == ["AM", "BY", "MD", "UA"])
        // Everything else came from the earlier version (basedOn).
        #expect(new.fields.map(\.id) == old.fields.map(\.id))
        #expect(new.field("work_to") == old.field("work_to"))
        #expect(new.fee != old.fee && new.validUntil == nil && old.validUntil == LocalDate(year: 2025, month: 11, day: 30))
    }

    @Test func aDefinitionReferringToAFieldItLacksIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("forms-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = #"{"pl":"a","en":"a","ru":"a","uk":"a"}"#
        let form = """
        {"kind":"work-declaration","version":"2030-01","official":"X","title":\(t),"summary":\(t),"legalBasis":"x","validFrom":"2030-01-01",
         "authority":"labour_office_of_employer_seat","authorityPostalCode":"pc","filing":\(t),"fee":\(t),
         "sections":[{"id":"1","official":"1","title":\(t),"fields":[
           {"id":"pc","kind":"postal_code","official":"KOD","label":\(t),"help":\(t)},
           {"id":"to","kind":"date","official":"DO","label":\(t),"help":\(t),"rules":[{"check":"not_before","field":"from"}]}]}]}
        """
        try form.write(to: dir.appendingPathComponent("f.json"), atomically: true, encoding: .utf8)
        #expect(throws: FormLibrary.DefinitionError.self) { try FormLibrary(directory: dir) }
    }
}

struct VoivodeOfficeTests {
    @Test func everyVoivodeshipHasOneVoivodesOfficeAnsweringItsOwnLineWithAnAddressInIt() throws {
        let offices = try ReferenceData.offices().filter { $0.kind == .uw }
        #expect(offices.count == 16)
        let codes = Dictionary(try ReferenceData.postalCodes().map { ($0.code, $0.voivodeshipCode) }, uniquingKeysWith: { a, _ in a })
        for v in ReferenceData.register.voivodeships {
            let here = offices.filter { $0.voivodeshipCode == v.code }
            #expect(here.count == 1, "\(v.code)")
            guard let office = here.first else { continue }
            #expect(office.id == "uw-" + v.code && office.answersOwnLine && office.powiatCodes.isEmpty)
            #expect(office.name.contains("Urząd Wojewódzki") && office.name.contains("Cudzoziemców") && office.postalCode?.count == 6)
            // The office's own postal code lies in its voivodeship (a typo would send people to the wrong voivode).
            if let code = office.postalCode, let woj = codes[code] { #expect(woj == v.code, "\(office.name)") }
        }
    }

    @Test func onlyAVoivodesOfficeHasAnIdOfItsOwnLine() {
        let header = OfficeCSV.columns.joined(separator: ",")
        let bad = OfficeCSV.parse(header + "\nuw-10,pup,X,Łódź,10,1061,,,,,,,false,\npup-x,uw,Y,Łódź,10,,,,,,,,false,\n", register: ReferenceData.register)
        #expect(bad.offices.isEmpty && bad.errors.map(\.field) == ["id", "id"])
    }
}
