import Foundation
import Localization
import Directory

/// Dates and times as people in each language write them, in Polish time.
enum DateText {
    static func dateTime(_ date: Date, _ language: Language) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: language.locale)
        f.timeZone = BusinessCalendar.warsaw
        f.dateStyle = .full
        f.timeStyle = .short
        return f.string(from: date)
    }

    static func time(_ date: Date, _ language: Language) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: language.locale)
        f.timeZone = BusinessCalendar.warsaw
        f.dateStyle = .none
        f.timeStyle = .short
        return f.string(from: date)
    }
}
