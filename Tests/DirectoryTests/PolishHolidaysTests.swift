import Testing
@testable import Directory

@Suite struct PolishHolidaysTests {
    @Test(arguments: [(2024, 3, 31), (2025, 4, 20), (2026, 4, 5), (2027, 3, 28), (2038, 4, 25), (2000, 4, 23)])
    func easterDates(year: Int, month: Int, day: Int) {
        #expect(PolishHoliday.easter(year) == LocalDate(year: year, month: month, day: day))
    }

    @Test func movableHolidaysFollowEaster2026() {
        let h = Dictionary(uniqueKeysWithValues: PolishHoliday.holidays(in: 2026).map { ($0.holiday, $0.date) })
        #expect(h[.easterMonday] == LocalDate(year: 2026, month: 4, day: 6))
        #expect(h[.pentecost] == LocalDate(year: 2026, month: 5, day: 24))
        #expect(h[.corpusChristi] == LocalDate(year: 2026, month: 6, day: 4))
        #expect(h.count == 14)
    }

    @Test func christmasEveIsAHolidayFrom2025Only() {
        #expect(PolishHoliday.holiday(on: LocalDate(year: 2024, month: 12, day: 24)) == nil)
        #expect(PolishHoliday.holiday(on: LocalDate(year: 2025, month: 12, day: 24)) == .christmasEve)
    }

    @Test func epiphanyIsAHolidayFrom2011Only() {
        #expect(PolishHoliday.holiday(on: LocalDate(year: 2010, month: 1, day: 6)) == nil)
        #expect(PolishHoliday.holiday(on: LocalDate(year: 2011, month: 1, day: 6)) == .epiphany)
    }

    @Test func localDateArithmeticAndWeekdays() {
        #expect(LocalDate(year: 2026, month: 11, day: 23).weekday == 1)
        #expect(LocalDate(year: 1970, month: 1, day: 1).weekday == 4)
        #expect(LocalDate(year: 2024, month: 2, day: 28).adding(days: 1) == LocalDate(year: 2024, month: 2, day: 29))
        #expect(LocalDate(year: 2026, month: 12, day: 31).adding(days: 1) == LocalDate(year: 2027, month: 1, day: 1))
        #expect(LocalDate(iso: "2026-02-29") == nil)
        #expect(LocalDate(iso: "2026-13-01") == nil)
        #expect(LocalDate(iso: "2026-11-23")?.description == "2026-11-23")
    }
}
