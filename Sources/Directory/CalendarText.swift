import Foundation

/// Dates as people type them into forms and files: `YYYY-MM-DD` (and `YYYY-MM-DD HH:mm` or
/// `…THH:mm`), in Polish time. Strict: four-digit years from 1900 to 2199, a day the calendar
/// has, nothing before or after. A lenient formatter read `99999-01-01` as a date 98 000 years on.
public enum CalendarText {
    public static let years = 1900...2199

    public static func day(_ text: String) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.utf8.count == 10 else { return nil }
        return components(t, hasTime: false)
    }

    /// The day of `date` in Polish time as `YYYY-MM-DD` (what a date field shows).
    public static func dayString(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = BusinessCalendar.warsaw
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(c.year!)-\(two(c.month!))-\(two(c.day!))"
    }

    /// `date` in Polish time as `YYYY-MM-DDTHH:MM` (what a date-and-time field shows).
    public static func minuteString(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = BusinessCalendar.warsaw
        let c = calendar.dateComponents([.hour, .minute], from: date)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return dayString(date) + "T" + two(c.hour!) + ":" + two(c.minute!)
    }

    public static func minute(_ text: String) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.utf8.count == 10 { return components(t, hasTime: false) }
        guard t.utf8.count == 16 else { return nil }
        return components(t, hasTime: true)
    }

    private static func components(_ t: String, hasTime: Bool) -> Date? {
        let b = Array(t.utf8)
        func number(_ r: Range<Int>) -> Int? {
            guard b[r].allSatisfy({ (48...57).contains($0) }) else { return nil }
            return b[r].reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let y = number(0..<4), let m = number(5..<7), let d = number(8..<10), years.contains(y), (1...12).contains(m) else { return nil }
        var c = DateComponents(year: y, month: m, day: d, hour: 0, minute: 0)
        if hasTime {
            guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "), b[13] == UInt8(ascii: ":"),
                  let h = number(11..<13), let mi = number(14..<16), (0...23).contains(h), (0...59).contains(mi) else { return nil }
            c.hour = h; c.minute = mi
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = BusinessCalendar.warsaw
        // The calendar rolls 31 February over into March; a real day survives the round trip.
        guard let date = calendar.date(from: c), calendar.component(.day, from: date) == d, calendar.component(.month, from: date) == m else { return nil }
        return date
    }
}
