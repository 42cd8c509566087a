import Fluent
import Foundation
import Reporting
import Storage

/// Puts a report together from the stored sums, each part read from the coarsest sums that
/// give it: the series at its interval, the totals, the period before and the breakdown from
/// whole months where it can, the heat map from the days; a whole voivodeship or the country
/// from the sums kept for it.
struct ContactReportBuilder: Sendable {
    let db: any Database
    let targets: ServiceTargets
    /// Every office's voivodeship: which offices make a whole voivodeship (none known: the
    /// offices are read one by one).
    var voivodeshipOf: [String: String] = [:]
    var calendar = ReportInterval.polishCalendar

    func filter(_ q: ContactReportQuery) -> ReportAggregates.Filter {
        .init(area: ReportArea.covering(q.offices, voivodeshipOf: voivodeshipOf), channel: q.channel, agent: q.agent)
    }

    /// The stored column a dimension is read from (a voivodeship from its offices).
    static func column(_ d: ReportDimension) -> ReportAggregates.Column {
        switch d {
        case .channel: .channel
        case .office: .office
        case .voivodeship: .voivodeship
        case .topic: .topic
        case .language: .language
        case .consultant: .agent
        case .line: .line
        }
    }

    func build(_ q: ContactReportQuery) async throws -> ContactReport {
        let sums = ReportAggregates(db: db)
        // Sums at most a minute old: the background job keeps them so; if it has not run, now.
        try await sums.refresh(targets: targets, calendar: calendar, ifOlderThan: 90)
        let filter = filter(q)
        func read(_ period: ReportPeriod, _ interval: ReportInterval?, by column: ReportAggregates.Column? = nil) async throws -> [ContactReport.Part] {
            var parts: [ContactReport.Part] = []
            for s in try period.segments(for: interval, calendar: calendar) {
                parts += try await sums.sums(s.grain, from: s.from, until: s.until, filter: filter, by: column)
                    .map { ContactReport.Part(periodStart: $0.periodStart, key: $0.key, counts: $0.counts) }
            }
            return parts
        }
        let series = try await read(q.period, q.interval)
        let totals = try await read(q.period, nil)
        let previous = try await read(q.period.previous(calendar), nil)
        let breakdown = try await read(q.period, nil, by: Self.column(q.dimension))
        let days = try await sums.arrivalsByHour(from: q.period.from, until: q.period.until, filter: filter)
        let dimension = q.dimension
        return ContactReport(period: q.period, interval: q.interval, series: series, totals: totals, previous: previous, breakdown: breakdown,
                             keyOf: { key in dimension == .consultant && key.isEmpty ? nil : key }, days: days, calendar: calendar)
    }

    /// Per hour of the day, the consultants a queue needs for its target.
    struct StaffingHour: Sendable {
        let hour: Int
        /// The arrivals of that hour averaged over the days that had any.
        let arrivals: Double
        /// Erlang C: nobody hangs up.
        let need: StaffingNeed?
        /// Erlang A: callers hang up after the patience observed.
        let withAbandonment: StaffingNeed?
    }

    /// A channel's staffing over the period: its handle time and the callers' patience
    /// observed (nil: nobody hung up), each hour's arrivals, Erlang C and Erlang A.
    func staffing(_ q: ContactReportQuery, channel: String) async throws -> (hours: [StaffingHour], patience: TimeInterval?) {
        var filter = filter(q)
        filter.channel = channel
        let sums = ReportAggregates(db: db)
        let days = try await sums.arrivalsByHour(from: q.period.from, until: q.period.until, filter: filter)
        let active = days.filter { $0.hours.reduce(0, +) > 0 }
        guard !active.isEmpty else { return ([], nil) }
        var counts = ReportCounts()
        for s in try q.period.segments(for: nil, calendar: calendar) {
            for row in try await sums.sums(s.grain, from: s.from, until: s.until, filter: filter) { counts += row.counts }
        }
        let observed = ContactMetrics(counts: counts)
        guard let aht = observed.averageHandleTime, aht > 0 else { return ([], nil) }
        let p = targets.parameters(for: channel), patience = observed.observedPatience.flatMap { $0 > 0 ? $0 : nil }
        let hours = (0..<24).compactMap { h -> StaffingHour? in
            let arrivals = Double(active.reduce(0) { $0 + $1.hours[h] }) / Double(active.count)
            guard arrivals > 0 else { return nil }
            return StaffingHour(hour: h, arrivals: arrivals,
                                need: StaffingNeed.forTarget(p.target, within: p.answerWithin, arrivalsPerHour: arrivals, handleTime: aht),
                                withAbandonment: patience.flatMap {
                                    StaffingNeed.forTarget(p.target, within: p.answerWithin, arrivalsPerHour: arrivals, handleTime: aht, patience: $0)
                                })
        }
        return (hours, patience)
    }
}
