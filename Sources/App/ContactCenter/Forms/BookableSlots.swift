import Foundation
import NIOConcurrencyHelpers
import Directory
import Localization

/// The hours one may book (callbacks, video calls): opening hours, holidays left out, each with
/// the value the form sends and its label in the visitor's language.
enum BookableSlots {
    static let valueFormat = "yyyy-MM-dd'T'HH:mm"

    /// The same hundred hours are offered to every visitor for a day: their texts are made once
    /// (formatting them was a quarter of the booking pages' cost). Bounded: when full, start again.
    private static let texts = NIOLockedValueBox([Key: (value: String, label: String)]())
    private struct Key: Hashable { let language: Language; let at: Int }

    static func list(_ calendar: BusinessCalendar, now: Date, language: Language) -> [(date: Date, value: String, label: String)] {
        let dates = calendar.slots(after: now, days: 10)
        let known = texts.withLockedValue { cache in dates.map { cache[key($0, language)] } }
        return zip(dates, known).map { date, text in
            if let text { return (date, text.value, text.label) }
            let made = (value: value(date), label: DateText.dayAndTime(date, language))
            texts.withLockedValue { cache in
                if cache.count >= 20_000 { cache.removeAll(keepingCapacity: true) }
                cache[key(date, language)] = made
            }
            return (date, made.value, made.label)
        }
    }

    private static func key(_ date: Date, _ language: Language) -> Key { Key(language: language, at: Int(date.timeIntervalSince1970)) }

    private static func value(_ date: Date) -> String {
        let f = DateFormatter(); f.locale = Locale(identifier: "en_US_POSIX"); f.timeZone = BusinessCalendar.warsaw; f.dateFormat = valueFormat
        return f.string(from: date)
    }
}
