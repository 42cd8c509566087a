import Foundation
import Localization
import Directory

/// Dates and times as people in each language write them, in Polish time.
enum DateText {
    static func dateTime(_ date: Date, _ language: Language) -> String { format(date, language, date: .full, time: .short) }

    static func date(_ date: Date, _ language: Language) -> String { format(date, language, date: .medium, time: .none) }

    static func time(_ date: Date, _ language: Language) -> String { format(date, language, date: .none, time: .short) }

    private static func format(_ value: Date, _ language: Language, date: DateFormatter.Style, time: DateFormatter.Style) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: language.locale)
        f.timeZone = BusinessCalendar.warsaw
        f.dateStyle = date
        f.timeStyle = time
        return f.string(from: value)
    }
}
