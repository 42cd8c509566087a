import Foundation
import Localization
import Directory

/// Dates and times as people in each language write them, in Polish time.
enum DateText {
    /// "5 grudnia 2026 o 18:43": no weekday in front, so it reads right after a preposition
    /// ("Rozmowa z 5 grudnia…", not "Rozmowa z sobota…").
    static func dateTime(_ date: Date, _ language: Language) -> String { format(date, language, date: .long, time: .short) }

    /// "sobota, 5 grudnia 2026 o 18:43": for a slot chosen or booked, where the weekday helps
    /// (a list of hours, a confirmation after a colon).
    static func dayAndTime(_ date: Date, _ language: Language) -> String { format(date, language, date: .full, time: .short) }

    static func date(_ date: Date, _ language: Language) -> String { format(date, language, date: .medium, time: .none) }

    static func time(_ date: Date, _ language: Language) -> String { format(date, language, date: .none, time: .short) }

    private static func format(_ value: Date, _ language: Language, date: DateFormatter.Style, time: DateFormatter.Style) -> String {
        formatter(language, date: date, time: time).string(from: value)
    }

    /// One formatter per thread, language and style: making one (a locale, ICU patterns) costs far
    /// more than formatting with it, and a formatter is not safe to share between threads.
    private static func formatter(_ language: Language, date: DateFormatter.Style, time: DateFormatter.Style) -> DateFormatter {
        let key = "zl.datetext.\(language.rawValue).\(date.rawValue).\(time.rawValue)"
        let cache = Thread.current.threadDictionary
        if let f = cache[key] as? DateFormatter { return f }
        let f = DateFormatter()
        f.locale = Locale(identifier: language.locale)
        f.timeZone = BusinessCalendar.warsaw
        f.dateStyle = date
        f.timeStyle = time
        cache[key] = f
        return f
    }
}
