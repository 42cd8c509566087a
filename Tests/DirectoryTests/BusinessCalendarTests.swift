import Testing
import Foundation
@testable import Directory

@Suite struct BusinessCalendarTests {
    let cal = BusinessCalendar.contactCentre

    static func utc(_ s: String) -> Date { ISO8601DateFormatter().date(from: s)! }

    @Test func openOnWeekdaysFromEightToSixWarsawTime() {
        // 23 Nov 2026 is a Monday; Warsaw is UTC+1 in winter.
        #expect(cal.isOpen(at: Self.utc("2026-11-23T07:00:00Z")))     // 08:00
        #expect(!cal.isOpen(at: Self.utc("2026-11-23T06:59:59Z")))    // 07:59:59
        #expect(cal.isOpen(at: Self.utc("2026-11-23T16:59:59Z")))     // 17:59:59
        #expect(!cal.isOpen(at: Self.utc("2026-11-23T17:00:00Z")))    // 18:00
        #expect(!cal.isOpen(at: Self.utc("2026-11-28T10:00:00Z")))    // Saturday
    }

    @Test func closedOnPublicHolidays() {
        #expect(!cal.isOpen(at: Self.utc("2026-11-11T10:00:00Z")))    // Independence Day, a Wednesday
        #expect(!cal.isOpen(at: Self.utc("2026-06-04T10:00:00Z")))    // Corpus Christi
    }

    @Test func summerTimeShiftsOpeningHoursInUTC() {
        // After the change on 29 March 2026, 08:00 in Warsaw is 06:00 UTC.
        #expect(cal.isOpen(at: Self.utc("2026-03-30T06:00:00Z")))
        #expect(!cal.isOpen(at: Self.utc("2026-03-30T05:59:00Z")))
        #expect(!cal.isOpen(at: Self.utc("2026-03-30T16:00:00Z")))
        // The Friday before, still winter time: 08:00 is 07:00 UTC.
        #expect(!cal.isOpen(at: Self.utc("2026-03-27T06:30:00Z")))
        #expect(cal.isOpen(at: Self.utc("2026-03-27T07:00:00Z")))
    }

    @Test func nextOpeningAcrossTheSpringChange() {
        let next = cal.nextOpening(after: Self.utc("2026-03-27T18:30:00Z"))
        #expect(next == Self.utc("2026-03-30T06:00:00Z"))
    }

    @Test func nextOpeningAcrossTheAutumnChange() {
        let next = cal.nextOpening(after: Self.utc("2026-10-23T17:30:00Z"))
        #expect(next == Self.utc("2026-10-26T07:00:00Z"))
    }

    @Test func nextOpeningSkipsEasterMondayAndChristmas() {
        #expect(cal.nextOpening(after: Self.utc("2026-04-03T17:00:00Z")) == Self.utc("2026-04-07T06:00:00Z"))
        #expect(cal.nextOpening(after: Self.utc("2026-12-23T17:00:00Z")) == Self.utc("2026-12-28T07:00:00Z"))
    }

    @Test func nextOpeningWhileOpenIsNowAndClosingIsSixOClock() {
        let now = Self.utc("2026-11-23T10:00:00Z")
        #expect(cal.nextOpening(after: now) == now)
        #expect(cal.closing(after: now) == Self.utc("2026-11-23T17:00:00Z"))
    }

    @Test func weeklyHoursNotationRoundTrips() throws {
        let h = try #require(WeeklyHours(notation: "mon-thu 07:30-15:30; fri 07:30-14:00 15:00-17:00"))
        #expect(h.days[1] == [.init(open: 450, close: 930)])
        #expect(h.days[5]?.count == 2)
        #expect(h.days[6] == nil)
        #expect(WeeklyHours(notation: h.notation) == h)
        #expect(WeeklyHours(notation: "mon-fri 18:00-08:00") == nil)
        #expect(WeeklyHours(notation: "xyz 08:00-10:00") == nil)
        #expect(WeeklyHours(notation: "fri-mon 08:00-10:00") == nil)
    }

    @Test func dayDescribesHolidayAndHours() {
        let d = cal.day(LocalDate(year: 2026, month: 12, day: 24))
        #expect(d.holiday == .christmasEve)
        #expect(!d.isOpen)
        #expect(cal.day(LocalDate(year: 2026, month: 12, day: 23)).hoursText == "08:00-18:00")
    }

    @Test func callbackSlotsAreWholeHoursInOpeningHoursAfterTheHolidays() {
        // Wednesday 23 Dec 2026, 16:45 in Warsaw: 17:00 is too soon (30 min lead), then
        // Christmas Eve (a holiday from 2025), Christmas, the weekend — Monday 28 Dec at 8:00.
        let slots = cal.slots(after: Self.utc("2026-12-23T15:45:00Z"), days: 7)
        #expect(slots.first == Self.utc("2026-12-28T07:00:00Z"))
        #expect(slots.count == 2 * 10, "the seven days 23–29 Dec leave Monday 28 and Tuesday 29, ten hours each")
        #expect(slots.allSatisfy { cal.isOpen(at: $0) && cal.isOpen(at: $0.addingTimeInterval(3_599)) })
    }
}
