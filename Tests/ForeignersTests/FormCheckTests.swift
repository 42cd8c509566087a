import Testing
import Foundation
import Directory
@testable import Foreigners

struct FormCheckTests {
    let library = FormLibrary.shipped
    let today = LocalDate(year: 2026, month: 12, day: 6)
    var declaration: ApplicationForm { library.current(.workDeclaration, on: today)! }
    var permit: ApplicationForm { library.current(.workPermitA, on: today)! }
    var residence: ApplicationForm { library.current(.temporaryResidence, on: today)! }

    /// A declaration every rule accepts: a Ukrainian citizen, full time at 5 000 zł to the end of 2026.
    static let goodDeclaration: [String: String] = [
        "employer_name": "FIRMA BUDOWLANA SP. Z O.O.", "employer_street": "UL. PIOTRKOWSKA 100", "employer_locality": "ŁÓDŹ",
        "employer_postal_code": "90-001", "employer_nip": "7251801126", "employer_phone": "+48 42 123 45 67",
        "surname": "SHEVCHENKO", "given_names": "OLENA", "sex": "F", "birth_date": "1990-04-12", "citizenship": "UA",
        "passport_number": "FX123456", "passport_expiry": "2030-01-01", "position": "MURARZ", "work_place": "ŁÓDŹ, UL. DŁUGA 1",
        "seasonal": "no", "contract": "employment", "weekly_hours": "40", "pay_unit": "monthly", "pay": "5000", "comparable_pay": "yes",
        "work_from": "2026-12-14", "work_to": "2026-12-31",
    ]

    func issues(_ form: ApplicationForm, _ values: [String: String]) -> [FieldIssue] { FormCheck.issues(form, values, today: today) }

    @Test func aCompleteDeclarationHasNothingToFix() {
        #expect(issues(declaration, Self.goodDeclaration).isEmpty)
    }

    @Test func aCitizenOfACountryNotOnTheListIsToldTheRightPath() throws {
        var v = Self.goodDeclaration
        v["citizenship"] = "GE"
        let issue = try #require(issues(declaration, v).first { $0.field == "citizenship" })
        #expect(issue.severity == .wrong && issue.code == "country_not_allowed")
        #expect(issue.message?.en.contains("type A work permit") == true)
        // The version before December 2025 still took Georgia.
        let old = library.current(.workDeclaration, on: LocalDate(year: 2025, month: 10, day: 1))!
        #expect(FormCheck.issues(old, v, today: LocalDate(year: 2025, month: 10, day: 1)).first { $0.field == "citizenship" } == nil)
    }

    @Test func workPeriodsOverTheLimitAndLateStartsAreWrong() {
        var v = Self.goodDeclaration
        v["work_to"] = "2028-12-14"   // 24 months and a day
        #expect(issues(declaration, v).contains { $0.field == "work_to" && $0.code == "within_months" && $0.args["months"] == "24" })
        v["work_to"] = "2028-12-13"   // exactly 24 months
        #expect(!issues(declaration, v).contains { $0.field == "work_to" && $0.code == "within_months" })
        v["work_from"] = "2027-06-07"; v["work_to"] = "2027-12-31"   // more than 6 months after filing
        #expect(issues(declaration, v).contains { $0.field == "work_from" && $0.code == "starts_within_months" })
        var p = Self.goodDeclaration
        p["work_to"] = "2029-12-13"  // the permit allows 3 years
        #expect(!FormCheck.issues(permit, p, today: today).contains { $0.code == "within_months" })
        p["work_to"] = "2029-12-14"
        #expect(FormCheck.issues(permit, p, today: today).contains { $0.code == "within_months" && $0.args["months"] == "36" })
    }

    @Test func payIsComparedWithTheMinimumInForceOverThePeriodAndPartTimeInProportion() {
        var v = Self.goodDeclaration
        v["work_from"] = "2026-12-20"; v["work_to"] = "2027-03-31"
        v["pay"] = "4806"
        // 2027's minimum is not in the table: doubtful, not wrong.
        #expect(issues(declaration, v).filter { $0.field == "pay" }.map(\.code) == ["minimum_wage_unknown"])
        v["pay"] = "4805,99"
        #expect(issues(declaration, v).contains { $0.field == "pay" && $0.severity == .wrong && $0.args["minimum"] == "4806,00" })
        v["weekly_hours"] = "20"; v["pay"] = "2403"
        #expect(!issues(declaration, v).contains { $0.field == "pay" && $0.severity == .wrong })
        v["pay_unit"] = "hourly"; v["pay"] = "31,39"
        #expect(issues(declaration, v).contains { $0.field == "pay" && $0.code == "minimum_hourly" && $0.args["minimum"] == "31,40" })
    }

    @Test func cyrillicNamesGetTheICAOSpellingSuggested() throws {
        var v = Self.goodDeclaration
        v["surname"] = "Шевченко"; v["given_names"] = "Юлія"
        let found = issues(declaration, v)
        #expect(found.first { $0.field == "surname" }?.suggestion == "SHEVCHENKO")
        #expect(found.first { $0.field == "given_names" }?.suggestion == "IULIIA")
        #expect(Transliteration.icaoLatin("Щербаков Ёжик") == "SHCHERBAKOV EZHIK")
        // Other text must be Polish in Latin letters too.
        v["position"] = "Муляр"
        #expect(issues(declaration, v).contains { $0.field == "position" && $0.code == "cyrillic" })
    }

    @Test func identifiersDatesAndPassportsUseTheirOwnChecks() {
        var v = Self.goodDeclaration
        v["employer_nip"] = "7251801127"; v["employer_postal_code"] = "90001x"; v["passport_number"] = "FX-12"; v["birth_date"] = "2027-01-01"
        let codes = Dictionary(issues(declaration, v).map { ($0.field, $0.code) }, uniquingKeysWith: { a, _ in a })
        #expect(codes["employer_nip"] == "validation.checksum")
        #expect(codes["employer_postal_code"] != nil)
        #expect(codes["passport_number"] == "passport")
        #expect(codes["birth_date"] == "past")
        // Any country's letters-and-digits passport number passes: no per-country guesswork.
        for number in ["AB1234567", "123456789", "FA 123456", "N12345678901"] {
            v["passport_number"] = number
            #expect(!issues(declaration, v).contains { $0.field == "passport_number" }, "\(number)")
        }
    }

    @Test func thePassportShouldCoverTheStayAndTheBirthDateAgreeWithPESEL() {
        var v: [String: String] = ["passport_issued": "2020-01-01", "passport_expiry": "2027-05-01", "stay_until": "2028-01-01",
                                   "pesel": "90041212345", "birth_date": "1990-04-13"]
        var found = issues(residence, v)
        #expect(found.contains { $0.field == "passport_expiry" && $0.severity == .doubtful && $0.code == "covers" })
        // 90041212345 is not a valid PESEL (checksum): the birth date is not compared with it.
        #expect(found.contains { $0.field == "pesel" })
        #expect(!found.contains { $0.code == "pesel_birth" })
        v["pesel"] = "90041212348"
        found = issues(residence, v)
        #expect(!found.contains { $0.field == "pesel" })
        #expect(found.contains { $0.field == "birth_date" && $0.code == "pesel_birth" })
        v["birth_date"] = "1990-04-12"
        #expect(!issues(residence, v).contains { $0.field == "birth_date" })
    }

    @Test func partsThatDoNotApplyAreNeitherAskedNorEmptyButPrintedAsNotApplicable() {
        let v = ["purpose": "studies", "in_poland": "no", "family_in_poland": "no"]
        let found = issues(residence, v)
        #expect(!found.contains { $0.field == "employer_name" || $0.field == "last_entry" || $0.field == "family_members" })
        #expect(found.contains { $0.field == "surname" && $0.severity == .missing })
        let printed = PrintedForm(residence, v)
        let annex = printed.sections.first { $0.heading.hasPrefix("ZAŁĄCZNIK NR 1") }!
        #expect(annex.rows.allSatisfy { $0.value == PrintedForm.notApplicable })
        #expect(printed.sections.flatMap(\.rows).allSatisfy { !$0.value.isEmpty })
        let d = printed.sections.first { $0.heading.hasPrefix("D.") }!
        #expect(d.rows.first { $0.label == "CEL POBYTU" }?.value == "STUDIA")
    }

    @Test func valuesAreKeptInCapitalsAndPrintedInPolish() {
        let surname = residence.field("surname")!
        #expect(FormCheck.normalized("  kowalska-żółć ", for: surname) == "KOWALSKA-ŻÓŁĆ")
        let printed = PrintedForm(declaration, Self.goodDeclaration)
        let rows = Dictionary(printed.sections.flatMap(\.rows).map { ($0.label, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(rows["OBYWATELSTWO"] == "UKRAINA")
        #expect(rows["DATA URODZENIA"] == "12.04.1990")
        #expect(rows["WYSOKOŚĆ WYNAGRODZENIA BRUTTO (ZŁ)"] == "5000,00 ZŁ")
        #expect(rows["CZY PRACA JEST PRACĄ SEZONOWĄ"] == "NIE")
        #expect(rows["REGON"] == PrintedForm.notApplicable)
    }

    @Test func aDraftOnAnEndedVersionIsCarriedFieldByFieldWithTheChangesListed() {
        let old = library.form(.workDeclaration, version: "2025-06")!
        var v = Self.goodDeclaration
        v["citizenship"] = "GE"
        let carried = DraftCarryOver(v, from: old, to: declaration)
        #expect(carried.values == v)
        #expect(carried.changes == [.changed(field: "citizenship")])
        // On the new version the Georgian citizen is now refused, with the right path.
        #expect(issues(declaration, carried.values).contains { $0.field == "citizenship" && $0.code == "country_not_allowed" })
    }

    @Test func draftCodesAreReadBackHoweverTheyAreTyped() {
        let code = DraftCode.random()
        #expect(code.count == 9 && code.dropFirst(4).first == "-")
        #expect(DraftCode.normalized(code.lowercased().replacingOccurrences(of: "-", with: " ")) == code)
        #expect(DraftCode.normalized("ABCD-EFG") == nil)
        #expect(DraftCode.normalized("ABCD-EFG0") == nil)
    }
}
