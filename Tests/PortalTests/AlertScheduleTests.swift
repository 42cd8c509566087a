import Testing
import Foundation
import Portal

struct AlertScheduleTests {
    static func warsaw(_ text: String) -> Date {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX"); f.timeZone = TimeZone(identifier: "Europe/Warsaw"); f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.date(from: text)!
    }

    @Test func alertsGoOutAtSevenPolishTime() {
        #expect(AlertSchedule.nextRun(after: Self.warsaw("2026-11-24 06:59"), .daily) == Self.warsaw("2026-11-24 07:00"))
        #expect(AlertSchedule.nextRun(after: Self.warsaw("2026-11-24 07:00"), .daily) == Self.warsaw("2026-11-25 07:00"))
        #expect(AlertSchedule.nextRun(after: Self.warsaw("2026-11-24 18:00"), .weekly) == Self.warsaw("2026-12-01 07:00"))
        // Across the change to summer time the hour stays 7:00 in Warsaw.
        #expect(AlertSchedule.nextRun(after: Self.warsaw("2027-03-27 12:00"), .daily) == Self.warsaw("2027-03-28 07:00"))
    }

    @Test func theSavedQueryKeepsFiltersOnly() {
        let q = AlertSchedule.canonicalQuery([("page", "3"), ("q", " kierowca C+E "), ("voivodeship", "20"), ("lang", "en"), ("contract", ""),
                                              ("sort", "date")])
        #expect(q == "q=kierowca%20C%2BE&voivodeship=20")
    }
}
