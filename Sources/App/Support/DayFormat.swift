import Foundation
import Directory

/// Calendar days as `yyyy-MM-dd` in Polish time, and instants as ISO 8601. The format styles
/// are values built once: a DateFormatter per call costs more than the rest of an API row.
struct DayFormat: Sendable {
    static let day = Date.ISO8601FormatStyle(timeZone: BusinessCalendar.warsaw).year().month().day()
    static let timestamp = Date.ISO8601FormatStyle()

    func string(from date: Date) -> String { date.formatted(Self.day) }

    /// Parses what people type into date fields (forms only, so not worth caching).
    func date(from text: String) -> Date? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX"); f.timeZone = BusinessCalendar.warsaw; f.dateFormat = "yyyy-MM-dd"
        return f.date(from: text)
    }
}
