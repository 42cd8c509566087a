import Foundation

/// How finely the stored sums are kept: what a report reads for a step and a period.
public enum ReportGrain: String, Sendable, CaseIterable { case quarter, day, month }

/// A report's period: whole Polish days from `from` to `until` (exclusive), never in the future.
public struct ReportPeriod: Sendable, Equatable {
    public let from: Date
    public let until: Date

    public enum Problem: String, Error, Sendable {
        /// The last day is before the first.
        case reversed
        /// The first day is after today.
        case future
        /// Longer than `longest` days.
        case tooLong
        /// More steps than a chart can show (15 minutes over more than 7 days, hours over 31).
        case tooFine
    }

    public static let longestDays = 400

    /// The days `first` through `last` (both included), the part after today cut off.
    public init(first: Date, last: Date, today: Date, calendar: Calendar = ReportInterval.polishCalendar) throws(Problem) {
        let start = calendar.startOfDay(for: first), lastDay = calendar.startOfDay(for: last), todayStart = calendar.startOfDay(for: today)
        guard lastDay >= start else { throw .reversed }
        guard start <= todayStart else { throw .future }
        let end = calendar.date(byAdding: .day, value: 1, to: min(lastDay, todayStart))!
        guard calendar.dateComponents([.day], from: start, to: end).day! <= Self.longestDays else { throw .tooLong }
        from = start; until = end
    }

    init(from: Date, until: Date) { self.from = from; self.until = until }

    public func days(_ calendar: Calendar = ReportInterval.polishCalendar) -> Int { calendar.dateComponents([.day], from: from, to: until).day! }

    /// The same number of days just before: what the report compares with.
    public func previous(_ calendar: Calendar = ReportInterval.polishCalendar) -> ReportPeriod {
        ReportPeriod(from: calendar.date(byAdding: .day, value: -days(calendar), to: from)!, until: from)
    }

    /// The parts to read, each from the coarsest sums that still give every step: months that
    /// lie whole inside the period from the monthly sums, the rest from the daily ones; steps
    /// under a day from the 15-minute sums.
    public func segments(for interval: ReportInterval?, calendar: Calendar = ReportInterval.polishCalendar) throws(Problem) -> [(grain: ReportGrain, from: Date, until: Date)] {
        switch interval {
        case .quarterHour?, .hour?:
            guard days(calendar) <= (interval == .quarterHour ? 7 : 31) else { throw .tooFine }
            return [(.quarter, from, until)]
        case .day?, .week?:
            return [(.day, from, until)]
        case .month?, nil:
            var out: [(ReportGrain, Date, Date)] = []
            var cursor = from
            while cursor < until {
                let monthStart = ReportInterval.month.start(of: cursor, in: calendar)
                let monthEnd = calendar.date(byAdding: .month, value: 1, to: monthStart)!
                if monthStart == cursor && monthEnd <= until {
                    out.append((.month, cursor, monthEnd))
                } else {
                    out.append((.day, cursor, min(monthEnd, until)))
                }
                cursor = min(monthEnd, until)
            }
            return out
        }
    }
}

/// A contact-centre report put together from stored sums: the period's totals against the
/// period before, the figures per step and per key of a dimension, and the arrivals per
/// weekday and hour.
public struct ContactReport: Sendable {
    public struct Part: Sendable, Equatable {
        public let periodStart: Date
        public let key: String?
        public let counts: ReportCounts
        public init(periodStart: Date, key: String?, counts: ReportCounts) { self.periodStart = periodStart; self.key = key; self.counts = counts }
    }

    public let period: ReportPeriod
    public let totals: ReportCounts
    public let previousTotals: ReportCounts
    public let series: [(start: Date, counts: ReportCounts)]
    public let breakdown: [(key: String, counts: ReportCounts)]
    /// [weekday 0 = Monday … 6 = Sunday][hour 0–23]: arrivals.
    public let heatMap: [[Int]]

    /// `series` parts are read at the interval's grain, `totals` and `previous` at any;
    /// `keyOf` turns a stored key into the reported one or drops it (nil); `days` are the
    /// arrivals per day and hour.
    public init(period: ReportPeriod, interval: ReportInterval, series parts: [Part], totals: [Part], previous: [Part], breakdown: [Part],
                keyOf: (String) -> String? = { $0 }, days: [(day: Date, hours: [Int])], calendar: Calendar = ReportInterval.polishCalendar) {
        self.period = period
        self.totals = totals.reduce(into: ReportCounts()) { $0 += $1.counts }
        previousTotals = previous.reduce(into: ReportCounts()) { $0 += $1.counts }
        var steps: [Date: ReportCounts] = [:]
        for p in parts { steps[interval.start(of: p.periodStart, in: calendar), default: ReportCounts()] += p.counts }
        var out: [(Date, ReportCounts)] = []
        var step = interval.start(of: period.from, in: calendar)
        while step < period.until {
            out.append((step, steps[step] ?? ReportCounts()))
            step = ReportBreakdown.next(after: step, interval, calendar)
        }
        series = out
        var keyed: [String: ReportCounts] = [:]
        for p in breakdown { if let raw = p.key, let key = keyOf(raw) { keyed[key, default: ReportCounts()] += p.counts } }
        self.breakdown = keyed.keys.sorted().map { ($0, keyed[$0]!) }
        var heat = [[Int]](repeating: [Int](repeating: 0, count: 24), count: 7)
        for d in days {
            let weekday = (calendar.component(.weekday, from: d.day) + 5) % 7
            for (h, n) in d.hours.enumerated() where h < 24 { heat[weekday][h] += n }
        }
        heatMap = heat
    }

    /// Change from the previous period as a share (nil: nothing to compare with).
    public static func change(_ now: Double?, _ before: Double?) -> Double? {
        guard let now, let before, before != 0 else { return nil }
        return (now - before) / before
    }
}
