import Foundation

/// The time steps a report can go by, in the centre's own time zone (Europe/Warsaw: a day is a
/// Polish day, also on the days the clocks change).
public enum ReportInterval: String, Sendable, CaseIterable {
    case quarterHour = "15m", hour, day, week, month

    public func start(of date: Date, in calendar: Calendar) -> Date {
        switch self {
        case .quarterHour:
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            var d = c; d.minute = (c.minute ?? 0) / 15 * 15
            return calendar.date(from: d) ?? date
        case .hour: return calendar.dateInterval(of: .hour, for: date)?.start ?? date
        case .day: return calendar.startOfDay(for: date)
        case .week: return calendar.dateInterval(of: .weekOfYear, for: date)?.start ?? date
        case .month: return calendar.dateInterval(of: .month, for: date)?.start ?? date
        }
    }

    /// The Polish calendar: weeks from Monday, Warsaw time.
    public static var polishCalendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "Europe/Warsaw")!
        c.firstWeekday = 2
        c.minimumDaysInFirstWeek = 4
        return c
    }
}

/// What a report can be broken down by.
public enum ReportDimension: String, Sendable, CaseIterable {
    case channel, office, voivodeship, topic, language, consultant
    /// The number a call came in on (contacts of other channels have none).
    case line

    /// The key of a contact; `voivodeshipOf` names an office's voivodeship (the directory knows).
    public func key(_ t: ContactTrace, voivodeshipOf: (String) -> String?) -> String? {
        switch self {
        case .channel: t.channel
        case .office: t.officeID
        case .voivodeship: voivodeshipOf(t.officeID)
        case .topic: t.topic
        case .language: t.language
        case .consultant: t.outcome.agent
        case .line: t.line
        }
    }
}

public enum ReportBreakdown {
    /// The figures per key of a dimension, keys in order; contacts without a key (a consultant
    /// for a contact nobody answered) are left out of that breakdown only.
    public static func by(_ dimension: ReportDimension, _ contacts: [ContactTrace], earlier: [ContactTrace] = [],
                          parameters: ContactMetrics.Parameters = .init(),
                          voivodeshipOf: (String) -> String? = { _ in nil }) -> [(key: String, metrics: ContactMetrics)] {
        let repeats = ContactMetrics.repeatContacts(contacts, earlier: earlier, window: parameters.repeatWindow)
        let groups = Dictionary(grouping: contacts.compactMap { t in dimension.key(t, voivodeshipOf: voivodeshipOf).map { ($0, t) } }) { $0.0 }
        return groups.keys.sorted().map { key in (key, ContactMetrics(groups[key]!.map(\.1), repeats: repeats, parameters: parameters)) }
    }

    /// The figures per time step from `from` (inclusive) to `until` (exclusive), every step
    /// present, empty ones too, so a chart's axis has no holes.
    public static func series(_ contacts: [ContactTrace], every interval: ReportInterval, from: Date, until: Date,
                              calendar: Calendar = ReportInterval.polishCalendar, earlier: [ContactTrace] = [],
                              parameters: ContactMetrics.Parameters = .init()) -> [(start: Date, metrics: ContactMetrics)] {
        let inPeriod = contacts.filter { let a = $0.outcome.arrived; return a >= from && a < until }
        let groups = Dictionary(grouping: inPeriod) { interval.start(of: $0.outcome.arrived, in: calendar) }
        let repeats = ContactMetrics.repeatContacts(inPeriod, earlier: earlier + contacts, window: parameters.repeatWindow)
        var out: [(Date, ContactMetrics)] = []
        var step = interval.start(of: from, in: calendar)
        while step < until {
            out.append((step, ContactMetrics(groups[step] ?? [], repeats: repeats, parameters: parameters)))
            step = next(after: step, interval, calendar)
        }
        return out
    }

    static func next(after d: Date, _ interval: ReportInterval, _ calendar: Calendar) -> Date {
        switch interval {
        case .quarterHour: calendar.date(byAdding: .minute, value: 15, to: d)!
        case .hour: calendar.date(byAdding: .hour, value: 1, to: d)!
        case .day: calendar.date(byAdding: .day, value: 1, to: d)!
        case .week: calendar.date(byAdding: .weekOfYear, value: 1, to: d)!
        case .month: calendar.date(byAdding: .month, value: 1, to: d)!
        }
    }
}
