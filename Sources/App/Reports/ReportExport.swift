import Foundation
import Localization
import Reporting

/// A report for a spreadsheet (one CSV per table) or a script (one JSON document with every
/// part and how each figure is computed).
struct ReportExport {
    let prepared: ReportsController.Prepared
    let format: ReportFormat
    let catalogue: Catalogue

    func metrics(_ c: ReportCounts) -> ContactMetrics { ContactMetrics(counts: c, parameters: prepared.parameters) }
    var headers: [String] { ReportColumn.all.map { catalogue.text("metric." + $0.id) } }

    func csv(_ table: String) -> String? {
        let r = prepared.report
        switch table {
        case "series":
            return ReportCSV.render(header: [catalogue.text("reports.step")] + headers, rows: r.series.map { s in
                [.text(Self.timestamp(s.start))] + ReportColumn.all.map { $0.csv(metrics(s.counts)) }
            })
        case "breakdown":
            return ReportCSV.render(header: [catalogue.text("reports.key"), catalogue.text("reports.name")] + headers, rows: r.breakdown.map { b in
                [.text(b.key), .text(prepared.labels[b.key] ?? b.key)] + ReportColumn.all.map { $0.csv(metrics(b.counts)) }
            })
        case "heatmap":
            return ReportCSV.render(header: [catalogue.text("reports.weekday")] + (0..<24).map { "\($0):00" }, rows: r.heatMap.enumerated().map { d, row in
                [.text(catalogue.text("weekday." + ReportPageModel.weekdays[d]))] + row.map { .integer($0) }
            })
        case "staffing":
            return ReportCSV.render(header: [catalogue.text("reports.hour"), catalogue.text("reports.arrivals_per_hour"), catalogue.text("reports.agents_needed"),
                                             catalogue.text("reports.predicted_sl"), catalogue.text("reports.predicted_asa"), catalogue.text("reports.occupancy"),
                                             catalogue.text("reports.agents_needed_a"), catalogue.text("reports.predicted_sl_a"), catalogue.text("reports.predicted_abandonment_a")],
                                    rows: prepared.staffing.map { s in
                                        [.integer(s.hour), .decimal(s.arrivals, places: 2), s.need.map { .integer($0.agents) } ?? .none,
                                         s.need.map { .decimal($0.serviceLevel, places: 4) } ?? .none, s.need.map { .decimal($0.averageSpeedOfAnswer, places: 1) } ?? .none,
                                         s.need.map { .decimal($0.occupancy, places: 4) } ?? .none, s.withAbandonment.map { .integer($0.agents) } ?? .none,
                                         s.withAbandonment.map { .decimal($0.serviceLevel, places: 4) } ?? .none,
                                         s.withAbandonment.map { .decimal($0.abandonment, places: 4) } ?? .none]
                                    })
        case "portal":
            guard let portal = prepared.portal else { return nil }
            return ReportCSV.render(header: [catalogue.text("reports.figure"), catalogue.text("reports.this_period"), catalogue.text("reports.previous_period")],
                                    rows: ReportPageModel.portalRows(portal, wholePortal: prepared.query.offices == nil).map { r in
                                        [.text(catalogue.text("reports.portal_" + r.key)), .integer(r.now), .integer(r.before)]
                                    })
        default: return nil
        }
    }

    static func timestamp(_ d: Date) -> String { d.formatted(.iso8601) }

    func figures(_ c: ReportCounts) -> [String: Double?] {
        let m = metrics(c)
        var out: [String: Double?] = [:]
        for col in ReportColumn.all { out[col.id] = col.json(m) }
        out["answered_within_t"] = Double(c.answeredWithinT); out["abandoned_after_t"] = Double(c.abandonedAfterT)
        out["expired"] = Double(c.expired); out["transferred"] = Double(c.transferred); out["csat_answers"] = Double(c.ratings)
        return out
    }

    struct Document: Encodable {
        struct Period: Encodable { let from: String; let until: String }
        struct Step: Encodable { let start: String; let figures: [String: Double?] }
        struct Key: Encodable { let key: String; let label: String; let figures: [String: Double?] }
        struct Staffing: Encodable {
            let hour: Int; let arrivals_per_hour: Double; let agents_needed: Int?; let service_level: Double?; let asa_seconds: Double?
            /// Erlang A, with the patience observed.
            let agents_needed_with_abandonment: Int?; let service_level_with_abandonment: Double?; let abandonment: Double?
        }
        let period: Period
        let previous_period: Period
        let interval: String
        let by: String
        let filter: [String: String]
        let definitions: [String: String]
        let totals: [String: Double?]
        let previous_totals: [String: Double?]
        let series: [Step]
        let breakdown: [Key]
        /// Monday first, hours 0–23.
        let arrivals_by_weekday_and_hour: [[Int]]
        let staffing_channel: String
        let staffing: [Staffing]
        /// The callers' mean patience on the staffing channel, seconds (null: nobody hung up).
        let patience_seconds: Double?
        /// Supervisors: the portal's figures, this period and the one before.
        let portal: [String: [String: Int]]?
    }

    func json() throws -> Data {
        let p = prepared, r = p.report, previous = r.period.previous()
        let doc = Document(
            period: .init(from: Self.timestamp(r.period.from), until: Self.timestamp(r.period.until)),
            previous_period: .init(from: Self.timestamp(previous.from), until: Self.timestamp(previous.until)),
            interval: p.query.interval.rawValue, by: p.query.dimension.rawValue, filter: p.query.values,
            definitions: Dictionary(uniqueKeysWithValues: ReportColumn.all.map { ($0.id, catalogue.text("metric." + $0.id + ".definition")) }),
            totals: figures(r.totals), previous_totals: figures(r.previousTotals),
            series: r.series.map { .init(start: Self.timestamp($0.start), figures: figures($0.counts)) },
            breakdown: r.breakdown.map { .init(key: $0.key, label: p.labels[$0.key] ?? $0.key, figures: figures($0.counts)) },
            arrivals_by_weekday_and_hour: r.heatMap, staffing_channel: p.staffingChannel,
            staffing: p.staffing.map { .init(hour: $0.hour, arrivals_per_hour: ($0.arrivals * 100).rounded() / 100, agents_needed: $0.need?.agents,
                                             service_level: $0.need.map { ($0.serviceLevel * 10_000).rounded() / 10_000 },
                                             asa_seconds: $0.need.map { ($0.averageSpeedOfAnswer * 10).rounded() / 10 },
                                             agents_needed_with_abandonment: $0.withAbandonment?.agents,
                                             service_level_with_abandonment: $0.withAbandonment.map { ($0.serviceLevel * 10_000).rounded() / 10_000 },
                                             abandonment: $0.withAbandonment.map { ($0.abandonment * 10_000).rounded() / 10_000 }) },
            patience_seconds: p.patience.map { ($0 * 10).rounded() / 10 },
            portal: p.portal.map { portal in
                Dictionary(uniqueKeysWithValues: ReportPageModel.portalRows(portal, wholePortal: p.query.offices == nil).map { ($0.key, ["period": $0.now, "previous_period": $0.before]) })
            })
        let e = JSONEncoder(); e.outputFormatting = [.sortedKeys]
        return try e.encode(doc)
    }
}
