import Foundation

/// Opening hours in Europe/Warsaw with Polish public holidays: answers "open now?" and "when
/// do we open next?" for any instant, across changes to and from summer time.
public struct BusinessCalendar: Sendable {
    public let hours: WeeklyHours
    public let timeZone: TimeZone
    public let closedOnHolidays: Bool
    private let calendar: Calendar

    public static let warsaw = TimeZone(identifier: "Europe/Warsaw")!

    public init(hours: WeeklyHours, timeZone: TimeZone = BusinessCalendar.warsaw, closedOnHolidays: Bool = true) {
        self.hours = hours
        self.timeZone = timeZone
        self.closedOnHolidays = closedOnHolidays
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        calendar = cal
    }

    public static let contactCentre = BusinessCalendar(hours: .contactCentre)

    public struct Day: Sendable, Equatable {
        public let date: LocalDate
        public let holiday: PolishHoliday?
        public let intervals: [WeeklyHours.Interval]
        public var isOpen: Bool { !intervals.isEmpty }
        /// "08:00-18:00", or nil on a closed day.
        public var hoursText: String? { intervals.isEmpty ? nil : intervals.map(\.text).joined(separator: ", ") }
    }

    public func day(_ date: LocalDate) -> Day {
        let holiday = PolishHoliday.holiday(on: date)
        let intervals = (closedOnHolidays && holiday != nil) ? [] : (hours.days[date.weekday] ?? [])
        return Day(date: date, holiday: holiday, intervals: intervals)
    }

    public func localDate(of instant: Date) -> LocalDate {
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        return LocalDate(year: c.year!, month: c.month!, day: c.day!)
    }

    /// The instant at which the local wall clock of `date` shows `minutes` after midnight.
    public func instant(_ date: LocalDate, minutes: Int) -> Date {
        let comps = DateComponents(year: date.year, month: date.month, day: date.day,
                                   hour: minutes / 60, minute: minutes % 60)
        return calendar.date(from: comps)!
    }

    public func isOpen(at instant: Date) -> Bool {
        let date = localDate(of: instant)
        return day(date).intervals.contains { iv in
            instant >= self.instant(date, minutes: iv.open) && instant < self.instant(date, minutes: iv.close)
        }
    }

    /// The first instant at or after `instant` at which it is open: `instant` itself while open.
    /// Nil when nothing opens within `horizonDays` (e.g. hours with no days at all).
    public func nextOpening(after instant: Date, horizonDays: Int = 400) -> Date? {
        if isOpen(at: instant) { return instant }
        let start = localDate(of: instant)
        for offset in 0...horizonDays {
            let date = start.adding(days: offset)
            for iv in day(date).intervals {
                let opens = self.instant(date, minutes: iv.open)
                if opens >= instant { return opens }
            }
        }
        return nil
    }

    /// When the current opening ends, if open now.
    public func closing(after instant: Date) -> Date? {
        let date = localDate(of: instant)
        for iv in day(date).intervals {
            let o = self.instant(date, minutes: iv.open), c = self.instant(date, minutes: iv.close)
            if instant >= o && instant < c { return c }
        }
        return nil
    }

    /// One-hour windows in opening hours (holidays excluded) that start at least `lead` after
    /// `instant`, over the next `days` calendar days: what a caller may choose for a callback.
    public func slots(after instant: Date, lead: TimeInterval = 1_800, days: Int = 14, length: Int = 60) -> [Date] {
        var out: [Date] = []
        let earliest = instant.addingTimeInterval(lead)
        var date = localDate(of: instant)
        for _ in 0..<days {
            for iv in day(date).intervals {
                var start = iv.open
                while start + length <= iv.close {
                    let at = self.instant(date, minutes: start)
                    if at >= earliest { out.append(at) }
                    start += length
                }
            }
            date = date.adding(days: 1)
        }
        return out
    }
}
