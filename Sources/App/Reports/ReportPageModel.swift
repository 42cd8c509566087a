import Vapor
import Views
import Localization
import Reporting
import Storage

/// The report page's model: figures against the period before, the four charts with their
/// tables and one-line summaries, the breakdown with drill-down links, staffing, definitions.
struct ReportPageModel {
    let req: Request
    let prepared: ReportsController.Prepared

    var t: Catalogue { req.catalogue }
    var f: ReportFormat { ReportFormat(language: req.language) }
    func metrics(_ c: ReportCounts) -> ContactMetrics { ContactMetrics(counts: c, parameters: prepared.parameters) }

    func model(offices: [(value: String, label: String)], voivodeships: [(value: String, label: String)]) -> ReportsPage.Model {
        let p = prepared, q = p.query, r = p.report
        let now = metrics(r.totals), before = metrics(r.previousTotals)
        let previous = r.period.previous()
        let lastDay = ReportInterval.polishCalendar.date(byAdding: .day, value: -1, to: r.period.until)!
        let periodText = t.text("reports.period", ["from": DateText.date(r.period.from, req.language), "to": DateText.date(lastDay, req.language),
                                                   "previous_from": DateText.date(previous.from, req.language),
                                                   "previous_to": DateText.date(ReportInterval.polishCalendar.date(byAdding: .day, value: -1, to: previous.until)!, req.language)])
        let figures = ReportColumn.all.map { c in
            ReportsPage.Figure(label: t.text("metric." + c.id), value: c.text(now, f),
                               comparison: t.text("reports.previous", ["value": c.text(before, f), "change": f.change(c.json(now), c.json(before))]))
        }
        let slNote: String
        if let channel = q.channel {
            let params = p.parameters
            slNote = t.text("reports.sl_note_channel", ["channel": t.text("channel." + channel), "seconds": "\(Int(params.answerWithin))",
                                                         "target": f.share(params.target), "short": "\(Int(params.shortAbandon))"])
        } else {
            slNote = t.text("reports.sl_note_mixed")
        }
        return ReportsPage.Model(
            heading: t.text("reports.title"), trail: p.trail, filter: FormState(values: q.values),
            intervals: ReportInterval.allCases.map { ($0.rawValue, t.text("reports.interval_" + $0.rawValue)) },
            dimensions: ReportDimension.allCases.filter { p.supervises || ContactReportQuery.ownDimensions.contains($0) }.map { ($0.rawValue, t.text("reports.by_" + $0.rawValue)) },
            channels: ContactReportQuery.channels.map { ($0, t.text("channel." + $0)) },
            voivodeships: voivodeships, offices: offices, periodText: periodText, serviceLevelNote: slNote, figures: figures,
            charts: [volumeChart(), serviceLevelChart(), abandonmentChart(), heatMapChart()],
            breakdown: breakdownTable(), portal: portalTable(), staffing: staffingTable(), staffingNote: staffingNote(),
            definitions: ReportColumn.all.map { (t.text("metric." + $0.id), t.text("metric." + $0.id + ".definition")) },
            downloads: (["series", "breakdown", "heatmap", "staffing"] + (p.portal == nil ? [] : ["portal"])).map { (t.text("reports.csv_" + $0), q.path(.apiReport("contacts"), ["format": "csv", "table": $0])) }
                + [(t.text("reports.json"), q.path(.apiReport("contacts")))])
    }

    var stepLabels: [String] { prepared.report.series.map { f.step($0.start, prepared.query.interval) } }

    func seriesTable(caption: String, _ columns: [ReportColumn]) -> ReportsPage.Table {
        ReportsPage.Table(caption: caption, headers: [t.text("reports.step")] + columns.map { t.text("metric." + $0.id) },
                          rows: prepared.report.series.filter { $0.counts.offered > 0 }.map { s in
                              [.init(f.step(s.start, prepared.query.interval))] + columns.map { .init($0.text(metrics(s.counts), f)) }
                          })
    }

    static func columns(_ ids: [String]) -> [ReportColumn] { ids.compactMap { id in ReportColumn.all.first { $0.id == id } } }

    func volumeChart() -> ReportsPage.Chart {
        let series = prepared.report.series
        let busiest = series.max { $0.counts.offered < $1.counts.offered }
        let total = prepared.report.totals.offered
        let summary = total == 0 ? t.text("reports.nothing")
            : t.text("reports.volume_summary", ["count": "\(total)", "answered": "\(prepared.report.totals.answered)",
                                                "step": busiest.map { f.step($0.start, prepared.query.interval) } ?? "–",
                                                "most": "\(busiest?.counts.offered ?? 0)"])
        return .init(id: "chart-volume", title: t.text("reports.chart_volume"), summary: summary, labels: stepLabels,
                     kind: .volume(answered: series.map { Double($0.counts.answered) },
                                   abandoned: series.map { Double($0.counts.abandoned + $0.counts.shortAbandons) }),
                     table: seriesTable(caption: t.text("reports.chart_volume"), Self.columns(["offered", "answered", "abandoned", "short_abandons", "asa", "aht"])),
                     names: [t.text("metric.answered"), t.text("reports.abandoned_all")])
    }

    func serviceLevelChart() -> ReportsPage.Chart {
        let series = prepared.report.series.map { metrics($0.counts) }
        let judged = series.compactMap(\.serviceLevel)
        let target = prepared.query.channel.map { _ in prepared.parameters.target }
        let met = target.map { tv in judged.filter { $0 >= tv }.count }
        let summary = judged.isEmpty ? t.text("reports.nothing")
            : t.text(target == nil ? "reports.sl_summary" : "reports.sl_summary_target",
                     ["level": f.share(metrics(prepared.report.totals).serviceLevel), "target": f.share(target),
                      "met": "\(met ?? 0)", "steps": "\(judged.count)"])
        return .init(id: "chart-sl", title: t.text("reports.chart_sl"), summary: summary, labels: stepLabels,
                     kind: .shares(series: [(t.text("metric.service_level"), series.map(\.serviceLevel), "line-sl"),
                                            (t.text("metric.service_level_of_answered"), series.map(\.serviceLevelOfAnswered), "line-sl-answered")],
                                   target: target.map { (t.text("reports.target"), $0) }),
                     table: seriesTable(caption: t.text("reports.chart_sl"), Self.columns(["answered", "service_level", "service_level_of_answered"])))
    }

    func abandonmentChart() -> ReportsPage.Chart {
        let series = prepared.report.series
        let rates = series.map { metrics($0.counts).abandonmentRate }
        let worst = zip(series, rates).compactMap { s, r in r.map { (s.start, $0) } }.max { $0.1 < $1.1 }
        let summary = worst == nil ? t.text("reports.nothing")
            : t.text("reports.abandon_summary", ["rate": f.share(metrics(prepared.report.totals).abandonmentRate),
                                                 "worst": f.share(worst?.1), "step": worst.map { f.step($0.0, prepared.query.interval) } ?? "–"])
        return .init(id: "chart-abandon", title: t.text("reports.chart_abandon"), summary: summary, labels: stepLabels,
                     kind: .shares(series: [(t.text("metric.abandonment_rate"), rates, "line-abandon")], target: nil),
                     table: seriesTable(caption: t.text("reports.chart_abandon"), Self.columns(["offered", "abandoned", "short_abandons", "abandonment_rate", "longest_wait"])))
    }

    /// The catalogue's weekdays, Monday first (`weekday.1` … `weekday.7`).
    static let weekdays = (1...7).map(String.init)

    func heatMapChart() -> ReportsPage.Chart {
        let heat = prepared.report.heatMap
        let names = Self.weekdays.map { t.text("weekday." + $0) }
        var best: (day: Int, hour: Int, n: Int)?
        for (d, row) in heat.enumerated() { for (h, n) in row.enumerated() where n > (best?.n ?? 0) { best = (d, h, n) } }
        let summary = best.map { t.text("reports.heat_summary", ["on_day": t.text("weekday.on.\($0.day + 1)"), "hour": "\($0.hour):00", "count": "\($0.n)"]) } ?? t.text("reports.nothing")
        let hours = (0..<24).filter { h in heat.contains { $0[h] > 0 } }
        let table = ReportsPage.Table(caption: t.text("reports.chart_heat"), headers: [t.text("reports.weekday")] + hours.map { "\($0):00" },
                                      rows: hours.isEmpty ? [] : heat.enumerated().map { d, row in [.init(names[d])] + hours.map { .init("\(row[$0])") } })
        return .init(id: "chart-heat", title: t.text("reports.chart_heat"), summary: summary, labels: [], kind: .heatMap(rows: names, values: heat), table: table)
    }

    func breakdownTable() -> ReportsPage.Table {
        let p = prepared, q = p.query
        let columns = Self.columns(["offered", "answered", "service_level", "abandonment_rate", "asa", "aht", "transfer_rate", "fcr", "csat"])
        return ReportsPage.Table(caption: t.text("reports.breakdown", ["by": t.text("reports.by_" + q.dimension.rawValue)]),
                                 headers: [t.text("reports.by_" + q.dimension.rawValue)] + columns.map { t.text("metric." + $0.id) },
                                 rows: p.report.breakdown.map { b in
                                     let label = p.labels[b.key] ?? b.key
                                     var link: String?
                                     if p.supervises {
                                         switch q.dimension {
                                         case .voivodeship: link = q.path(.staffReports, ["voivodeship": b.key, "office": nil, "by": "office"])
                                         case .office: link = q.path(.staffReports, ["office": b.key, "by": "consultant"])
                                         case .channel: link = q.path(.staffReports, ["channel": b.key, "by": "topic"])
                                         default: link = nil
                                         }
                                     }
                                     return [.init(label, link: link)] + columns.map { .init($0.text(metrics(b.counts), f)) }
                                 })
    }

    /// The portal's figures as (key, value now, value before): shared by the page, CSV and JSON.
    static func portalRows(_ p: (now: PortalFigures, before: PortalFigures), wholePortal: Bool) -> [(key: String, now: Int, before: Int)] {
        var rows: [(String, KeyPath<PortalFigures, Int>)] = [("offers_posted", \.offersPosted), ("offers_published", \.offersPublished),
                                                              ("offers_pending", \.offersPending)]
        if wholePortal {
            rows += [("cvs", \.cvs), ("seeker_registrations", \.seekerRegistrations), ("employer_registrations", \.employerRegistrations),
                     ("alerts_sent", \.alertsSent), ("searches", \.searches), ("empty_searches", \.emptySearches),
                     ("page_views", \.pageViews), ("daily_visitors", \.dailyVisitors)]
        }
        return rows.map { ($0.0, p.now[keyPath: $0.1], p.before[keyPath: $0.1]) }
    }

    func portalTable() -> ReportsPage.Table? {
        guard let portal = prepared.portal else { return nil }
        return ReportsPage.Table(caption: t.text(prepared.query.offices == nil ? "reports.portal" : "reports.portal_offices"),
                                 headers: [t.text("reports.figure"), t.text("reports.this_period"), t.text("reports.previous_period")],
                                 rows: Self.portalRows(portal, wholePortal: prepared.query.offices == nil).map { r in
                                     [.init(t.text("reports.portal_" + r.key)), .init("\(r.now)"), .init("\(r.before)")]
                                 })
    }

    func staffingTable() -> ReportsPage.Table {
        ReportsPage.Table(caption: t.text("reports.staffing", ["channel": t.text("channel." + prepared.staffingChannel)]),
                          headers: [t.text("reports.hour"), t.text("reports.arrivals_per_hour"), t.text("reports.agents_needed"),
                                    t.text("reports.predicted_sl"), t.text("reports.predicted_asa"), t.text("reports.occupancy"),
                                    t.text("reports.agents_needed_a"), t.text("reports.predicted_sl_a"), t.text("reports.predicted_abandonment_a")],
                          rows: prepared.staffing.map { s in
                              [.init("\(s.hour):00–\(s.hour + 1):00"), .init(f.decimal(s.arrivals)), .init(s.need.map { "\($0.agents)" } ?? "–"),
                               .init(f.share(s.need?.serviceLevel)), .init(f.seconds(s.need?.averageSpeedOfAnswer)), .init(f.share(s.need?.occupancy)),
                               .init(s.withAbandonment.map { "\($0.agents)" } ?? "–"), .init(f.share(s.withAbandonment?.serviceLevel)),
                               .init(f.share(s.withAbandonment?.abandonment))]
                          })
    }

    func staffingNote() -> String {
        let params = req.application.services.config.reportTargets.parameters(for: prepared.staffingChannel)
        return t.text("reports.staffing_note", ["seconds": "\(Int(params.answerWithin))", "target": f.share(params.target),
                                                 "logged_in": "\(prepared.loggedIn)"]) + " "
            + (prepared.patience.map { t.text("reports.staffing_note_a", ["patience": "\(Int($0.rounded()))"]) } ?? t.text("reports.staffing_note_no_patience"))
    }
}
