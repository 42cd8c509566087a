import Directory
import Localization

/// Opening hours in words of the visitor's language, from the one setting that governs them
/// (`CONTACT_CENTRE_HOURS`, an office's hours): "pon.–pt. 8:00–18:00; sob. 9:00–13:00" or
/// "poniedziałek–piątek 8:00–18:00". Never the notation the setting is written in.
public enum HoursText {
    public enum Style: Sendable { case short, long }

    public static func text(_ hours: WeeklyHours, _ style: Style, _ ctx: PageContext) -> String { text(hours, style, ctx.catalogue) }

    public static func text(_ hours: WeeklyHours, _ style: Style, _ t: Catalogue) -> String {
        let groups = groups(hours)
        guard !groups.isEmpty else { return t.text("hours.none") }
        return groups.map { g in
            let name: (Int) -> String = { style == .short ? t.text("weekday.short.\($0)") : t.text("weekday.\($0)") }
            let days = g.first == g.last ? name(g.first) : name(g.first) + "–" + name(g.last)
            return days + " " + g.intervals.map { time($0.open) + "–" + time($0.close) }.joined(separator: ", ")
        }.joined(separator: "; ")
    }

    /// Consecutive days with the same hours, Monday first.
    static func groups(_ hours: WeeklyHours) -> [(first: Int, last: Int, intervals: [WeeklyHours.Interval])] {
        var out: [(first: Int, last: Int, intervals: [WeeklyHours.Interval])] = []
        for day in 1...7 {
            guard let iv = hours.days[day], !iv.isEmpty else { continue }
            if let last = out.last, last.last == day - 1, last.intervals == iv { out[out.count - 1].last = day } else { out.append((day, day, iv)) }
        }
        return out
    }

    /// "8:00", "17:30": minutes after midnight as people write the hour.
    static func time(_ minutes: Int) -> String {
        let m = minutes % 60
        return "\(minutes / 60):" + (m < 10 ? "0\(m)" : "\(m)")
    }
}
