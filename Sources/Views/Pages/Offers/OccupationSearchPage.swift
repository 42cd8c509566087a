import Plot

/// The occupation codes (KZiS) found by words of their names: what the type-ahead of the CV and
/// offer forms offers, as a page that works without any script.
public enum OccupationSearchPage {
    public struct Model: Sendable {
        public let query: String
        public let results: [(code: String, name: String)]
        public let error: String?
        public init(query: String, results: [(code: String, name: String)], error: String?) {
            self.query = query; self.results = results; self.error = error
        }
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        let state = FormState(values: ["q": m.query], errors: m.error.map { [("q", $0)] } ?? [])
        return Layout.render(ctx, title: ctx.t("occupations.title"), main: .group(
            .h1(.text(ctx.t("occupations.title"))),
            .p(.text(ctx.t("occupations.intro"))),
            .form(.method(.get), .action(SiteRoute.occupations.path), .class("search-form"), .attribute(named: "role", value: "search"),
                Forms.field("q", label: ctx.t("occupations.search_label"), type: .search, state: state, required: false,
                            hint: ctx.t("occupations.search_hint"), ctx: ctx),
                .input(.type(.hidden), .name("lang"), .value(ctx.language.rawValue)),
                .button(.type(.submit), .text(ctx.t("occupations.search_button")))),
            m.query.isEmpty || m.error != nil ? .empty : .group(
                .h2(.id("results-heading"), .text(ctx.plural("occupations.count", m.results.count, ["count": "\(m.results.count)"]))),
                m.results.isEmpty ? .p(.text(ctx.t("occupations.none"))) :
                Tables.table(caption: ctx.t("occupations.title"), headers: [ctx.t("occupations.code"), ctx.t("occupations.name")],
                             rows: m.results.map { [.strong(.text($0.code)), .text($0.name)] }, empty: ctx.t("occupations.none")))
        ))
    }
}
