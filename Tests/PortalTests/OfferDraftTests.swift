import Testing
import Foundation
@testable import Portal

@Suite struct OfferDraftTests {
    static let today = ISO8601DateFormatter().date(from: "2026-11-24T10:00:00Z")!

    static func draft() -> OfferDraft {
        OfferDraft(title: "Kierowca C+E", occupationCode: "833203", duties: "Transport krajowy, załadunek i rozładunek towarów.",
                   postalCode: "15-371", locality: "Białystok", country: nil, contract: .employment, workingTime: 1, shifts: .single,
                   wageMin: 6000, wageMax: 8000, wageType: .monthly, positions: 2, positionsForDisabled: 0, education: .vocational,
                   languages: [LanguageRequirement(language: "en", level: .a2)], experienceMonths: 12, licences: "prawo jazdy kat. C+E",
                   startDate: nil, validUntil: today.addingTimeInterval(30 * 86_400), howToApply: "CV na adres rekrutacja@example.org",
                   employerVisible: true)
    }

    @Test func aGoodOfferHasNoProblems() {
        #expect(Self.draft().problems(today: Self.today, occupationExists: { _ in true }) == [])
    }

    @Test func eachBadFieldIsNamed() {
        var d = Self.draft()
        d.wageMin = 9000; d.wageMax = 5000
        d.validUntil = Self.today.addingTimeInterval(-3 * 86_400)
        d.occupationCode = "999999"
        d.positionsForDisabled = 5
        d.languages = [LanguageRequirement(language: "English", level: .b2)]
        let fields = d.problems(today: Self.today, occupationExists: { $0 == "833203" }).map(\.field)
        #expect(fields == ["occupation", "wage_max", "positions_disabled", "valid_until", "languages"])
    }

    @Test func abroadNeedsACountryAndPolandAPostalCode() {
        var d = Self.draft()
        d.postalCode = nil
        #expect(d.problems(today: Self.today, occupationExists: { _ in true }).map(\.field) == ["postal_code"])
        d.country = "DE"
        #expect(d.problems(today: Self.today, occupationExists: { _ in true }) == [])
        d.country = "Germany"
        #expect(d.problems(today: Self.today, occupationExists: { _ in true }).map(\.field) == ["country"])
    }

    @Test func moderationMovesOnlyPendingOffers() {
        #expect(OfferLifecycle.afterSubmission(employerVerified: true) == .published)
        #expect(OfferLifecycle.afterSubmission(employerVerified: false) == .pending)
        #expect(OfferLifecycle.after(.requestChanges, from: .pending) == .changesRequested)
        #expect(OfferLifecycle.after(.publish, from: .closed) == nil)
    }

    @Test func theShippedClassificationHasTheOccupationsOffersUse() throws {
        let list = try OccupationList.bundled()
        #expect(list.count > 3000)
        let codes = Dictionary(uniqueKeysWithValues: list.map { ($0.code, $0) })
        #expect(codes["721204"]?.name == "Spawacz")
        #expect(codes["832201"]?.name == "Kierowca mechanik" && codes["832201"]?.schoolOccupation == true)
        #expect(list.filter(\.isOccupation).count > 2500)
        #expect(throws: OccupationList.Failure.badRow(line: 3, reason: "code 11 repeated")) {
            try OccupationList.parse("code,name\n11,A\n11,B\n")
        }
    }
}
