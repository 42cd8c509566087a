import Plot

/// The managers' contact-centre report: a period against the one before, figures per step
/// and per key (with drill-down links), charts each with its table and a one-line summary,
/// staffing by Erlang C, how every figure is computed, and the same as CSV and JSON.
public enum ReportsPage {
    public struct Figure: Sendable {
        public let label: String
        public let value: String
        /// "previous period: 82 % (+4 %)".
        public let comparison: String
        public init(label: String, value: String, comparison: String) { self.label = label; self.value = value; self.comparison = comparison }
    }

    public struct Cell: Sendable {
        public let text: String
        public let link: String?
        public init(_ text: String, link: String? = nil) { self.text = text; self.link = link }
    }

    public struct Table: Sendable {
        public let caption: String
        public let headers: [String]
        public let rows: [[Cell]]
        public init(caption: String, headers: [String], rows: [[Cell]]) { self.caption = caption; self.headers = headers; self.rows = rows }
    }

    public enum ChartKind: Sendable {
        case volume(answered: [Double], abandoned: [Double])
        case shares(series: [(name: String, values: [Double?], style: String)], target: (name: String, value: Double)?)
        case heatMap(rows: [String], values: [[Int]])
    }

    public struct Chart: Sendable {
        public let id: String
        public let title: String
        public let summary: String
        public let labels: [String]
        public let kind: ChartKind
        public let table: Table
        public let names: [String]
        public init(id: String, title: String, summary: String, labels: [String], kind: ChartKind, table: Table, names: [String] = []) {
            self.id = id; self.title = title; self.summary = summary; self.labels = labels; self.kind = kind; self.table = table; self.names = names
        }
    }

    public struct Model: Sendable {
        public let heading: String
        /// Where the report stands in the drill-down, widest first (the last is the current one).
        public let trail: [(label: String, path: String?)]
        public let filter: FormState
        public let intervals: [(value: String, label: String)]
        public let dimensions: [(value: String, label: String)]
        public let channels: [(value: String, label: String)]
        public let voivodeships: [(value: String, label: String)]
        public let offices: [(value: String, label: String)]
        public let periodText: String
        public let serviceLevelNote: String
        public let figures: [Figure]
        public let charts: [Chart]
        public let breakdown: Table
        /// Offers, CVs, registrations, alerts and searches (supervisors).
        public let portal: Table?
        public let staffing: Table
        public let staffingNote: String
        public let definitions: [(term: String, definition: String)]
        public let downloads: [(label: String, path: String)]
        /// Whether the member gets the weekly summary by e-mail; a notice after changing it.
        public var weekly = false
        public var notice: String? = nil
        public init(heading: String, trail: [(label: String, path: String?)], filter: FormState, intervals: [(value: String, label: String)],
                    dimensions: [(value: String, label: String)], channels: [(value: String, label: String)],
                    voivodeships: [(value: String, label: String)], offices: [(value: String, label: String)], periodText: String,
                    serviceLevelNote: String, figures: [Figure], charts: [Chart], breakdown: Table, portal: Table?, staffing: Table, staffingNote: String,
                    definitions: [(term: String, definition: String)], downloads: [(label: String, path: String)]) {
            self.heading = heading; self.trail = trail; self.filter = filter; self.intervals = intervals; self.dimensions = dimensions
            self.channels = channels; self.voivodeships = voivodeships; self.offices = offices; self.periodText = periodText
            self.serviceLevelNote = serviceLevelNote; self.figures = figures; self.charts = charts; self.breakdown = breakdown
            self.portal = portal; self.staffing = staffing; self.staffingNote = staffingNote; self.definitions = definitions; self.downloads = downloads
        }
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: m.heading, main: .group(
            .h1(.text(m.heading)),
            m.notice.map { Components.notice($0) } ?? .empty,
            m.trail.count > 1 ? .nav(.attribute(named: "aria-label", value: ctx.t("reports.trail")), .class("no-print"),
                .ol(.class("inline-list"), .forEach(m.trail) { step in
                    .li(step.path.map { .a(.href($0), .text(step.label)) } ?? .span(.attribute(named: "aria-current", value: "page"), .text(step.label)))
                })) : .empty,
            Forms.errorSummary(m.filter, ctx),
            .form(.method(.get), .action(SiteRoute.staffReports.path), .class("filters no-print"),
                Forms.field("from", label: ctx.t("reports.from"), type: .date, state: m.filter, ctx: ctx),
                Forms.field("to", label: ctx.t("reports.to"), type: .date, state: m.filter, ctx: ctx),
                Forms.select("interval", label: ctx.t("reports.interval"), options: m.intervals, state: m.filter, ctx: ctx),
                Forms.select("by", label: ctx.t("reports.by"), options: m.dimensions, state: m.filter, ctx: ctx),
                Forms.select("channel", label: ctx.t("reports.channel"), options: m.channels, state: m.filter, blank: ctx.t("wallboard.all"), ctx: ctx),
                m.voivodeships.isEmpty ? .empty
                    : Forms.select("voivodeship", label: ctx.t("wallboard.voivodeship"), options: m.voivodeships, state: m.filter, blank: ctx.t("wallboard.all"), ctx: ctx),
                m.offices.isEmpty ? .empty
                    : Forms.select("office", label: ctx.t("wallboard.office"), options: m.offices, state: m.filter, blank: ctx.t("wallboard.all"), ctx: ctx),
                .button(.type(.submit), .text(ctx.t("reports.show")))),
            .p(.text(m.periodText)),
            .p(.class("hint"), .text(m.serviceLevelNote)),
            .h2(.text(ctx.t("reports.key_figures"))),
            .ul(.class("figures"), .forEach(m.figures) { f in
                .li(.class("figure"), .span(.text(f.label)), .span(.class("figure-value"), .text(f.value)), .span(.class("hint"), .text(f.comparison)))
            }),
            .forEach(m.charts) { c in
                .section(.attribute(named: "aria-labelledby", value: c.id + "-heading"),
                    .h2(.id(c.id + "-heading"), .text(c.title)),
                    chart(c),
                    table(c.table, ctx))
            },
            .h2(.text(m.breakdown.caption)),
            table(m.breakdown, ctx),
            m.portal.map { p in .group(.h2(.text(p.caption)), table(p, ctx)) } ?? .empty,
            .h2(.text(m.staffing.caption)),
            .p(.class("hint"), .text(m.staffingNote)),
            table(m.staffing, ctx),
            .h2(.text(ctx.t("reports.downloads"))),
            .ul(.class("link-list no-print"), .forEach(m.downloads) { .li(.a(.href($0.path), .text($0.label))) }),
            .h2(.id("weekly-heading"), .text(ctx.t("reports.weekly_heading"))),
            .p(.text(ctx.t(m.weekly ? "reports.weekly_on" : "reports.weekly_off"))),
            .form(.method(.post), .action(SiteRoute.staffReportsSubscription.path), .class("no-print"), .attribute(named: "aria-labelledby", value: "weekly-heading"),
                Forms.csrf(ctx),
                .input(.type(.hidden), .name("weekly"), .value(m.weekly ? "off" : "on")),
                .button(.type(.submit), .text(ctx.t(m.weekly ? "reports.weekly_unsubscribe" : "reports.weekly_subscribe")))),
            .h2(.text(ctx.t("reports.definitions"))),
            .dl(.class("definitions"), .forEach(m.definitions) { d in .group(.dt(.text(d.term)), .dd(.text(d.definition))) })
        ))
    }

    static func chart(_ c: Chart) -> Node<HTML.BodyContext> {
        let every = max(1, c.labels.count / 12)
        switch c.kind {
        case .volume(let answered, let abandoned):
            return SVGChart.stackedBars(id: c.id, title: c.title, description: c.summary, labels: c.labels,
                                        series: [.init(name: c.names.first ?? "", values: answered, style: "bar-answered"),
                                                 .init(name: c.names.dropFirst().first ?? "", values: abandoned, style: "bar-abandoned")],
                                        labelEvery: every)
        case .shares(let series, let target):
            return SVGChart.lines(id: c.id, title: c.title, description: c.summary, labels: c.labels, series: series, target: target, labelEvery: every)
        case .heatMap(let rows, let values):
            return SVGChart.heatMap(id: c.id, title: c.title, description: c.summary, rows: rows, values: values)
        }
    }

    static func table(_ t: Table, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        Tables.table(caption: t.caption, headers: t.headers, rows: t.rows.map { row in
            row.map { cell in cell.link.map { .a(.href($0), .text(cell.text)) } ?? .text(cell.text) }
        }, empty: ctx.t("reports.nothing"))
    }
}
