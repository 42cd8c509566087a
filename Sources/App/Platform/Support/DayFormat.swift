import Foundation
import Directory

/// Calendar days as `yyyy-MM-dd` in Polish time, and instants as ISO 8601. The format styles
/// are values built once: a DateFormatter per call costs more than the rest of an API row.
struct DayFormat: Sendable {
    static let day = Date.ISO8601FormatStyle(timeZone: BusinessCalendar.warsaw).year().month().day()
    static let timestamp = Date.ISO8601FormatStyle()

    func string(from date: Date) -> String { date.formatted(Self.day) }

    /// Parses what people type into date fields.
    func date(from text: String) -> Date? { CalendarText.day(text) }
}
