import Plot

/// Visit statistics for editors: views and unique visitors per day, the sections, the most
/// viewed pages (of their own offices for an office's editor), referrers and site searches.
public enum StatisticsPage {
    public struct Model: Sendable {
        public let days: Int
        public let perDay: [(day: String, views: Int, visitors: Int)]
        public let sections: [(name: String, views: Int)]
        public let pages: [(page: String, views: Int)]
        public let referrers: [(host: String, views: Int)]
        public let searches: Int, emptySearches: Int
        /// An office's editor sees their offices' pages only.
        public let scopeNote: String?
        public init(days: Int, perDay: [(day: String, views: Int, visitors: Int)], sections: [(name: String, views: Int)], pages: [(page: String, views: Int)],
                    referrers: [(host: String, views: Int)], searches: Int, emptySearches: Int, scopeNote: String?) {
            self.days = days; self.perDay = perDay; self.sections = sections; self.pages = pages; self.referrers = referrers
            self.searches = searches; self.emptySearches = emptySearches; self.scopeNote = scopeNote
        }
    }

    public static let periods = [7, 30, 90]

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        let views = m.perDay.reduce(0) { $0 + $1.views }
        return Layout.render(ctx, title: ctx.t("stats.title"), main: .group(
            .h1(.text(ctx.t("stats.title"))),
            .p(.text(ctx.t("stats.intro"))),
            .nav(.attribute(named: "aria-label", value: ctx.t("stats.period")),
                 .ul(.class("inline-list"), .forEach(periods) { d in
                     .li(d == m.days ? .strong(.attribute(named: "aria-current", value: "page"), .text(ctx.t("stats.days", ["n": "\(d)"])))
                                     : .a(.href(SiteRoute.staffStatistics.with(["days": "\(d)"])), .text(ctx.t("stats.days", ["n": "\(d)"]))))
                 })),
            .ul(.class("figures"),
                .li(.class("figure"), .span(.class("figure-value"), .text("\(views)")), .text(ctx.t("stats.views"))),
                .li(.class("figure"), .span(.class("figure-value"), .text("\(m.searches)")), .text(ctx.t("stats.searches"))),
                .li(.class("figure"), .span(.class("figure-value"), .text("\(m.emptySearches)")), .text(ctx.t("stats.empty_searches")))),
            Tables.table(caption: ctx.t("stats.per_day"), headers: [ctx.t("stats.day"), ctx.t("stats.views"), ctx.t("stats.visitors")],
                         rows: m.perDay.map { [.text($0.day), .text("\($0.views)"), .text("\($0.visitors)")] }, empty: ctx.t("stats.none")),
            Tables.table(caption: ctx.t("stats.sections"), headers: [ctx.t("stats.section"), ctx.t("stats.views")],
                         rows: m.sections.map { [.text($0.name), .text("\($0.views)")] }, empty: ctx.t("stats.none")),
            m.scopeNote.map { .p(.class("hint"), .text($0)) } ?? .empty,
            Tables.table(caption: ctx.t("stats.pages"), headers: [ctx.t("stats.page"), ctx.t("stats.views")],
                         rows: m.pages.map { [.text($0.page), .text("\($0.views)")] }, empty: ctx.t("stats.none")),
            Tables.table(caption: ctx.t("stats.referrers"), headers: [ctx.t("stats.referrer"), ctx.t("stats.views")],
                         rows: m.referrers.map { [.text($0.host), .text("\($0.views)")] }, empty: ctx.t("stats.none")),
            .p(.class("hint"), .text(ctx.t("stats.how")))
        ))
    }
}
