import Plot
import Directory

extension OfficeDirectoryPage {
    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("offices.title"), main: .group(
            .h1(.text(ctx.t("offices.title"))),
            .p(.text(ctx.t("offices.intro"))),
            .form(.method(.get), .action(SiteRoute.offices.path), .class("search-form"), .attribute(named: "role", value: "search"),
                .div(.class("field"),
                    .label(.for("q"), .text(ctx.t("offices.search_label"))),
                    .input(.type(.search), .id("q"), .name("q"), .value(model.query),
                           .attribute(named: "aria-describedby", value: "q-hint"))),
                .p(.id("q-hint"), .class("hint"), .text(ctx.t("offices.search_hint"))),
                .div(.class("field"),
                    .label(.for("voivodeship"), .text(ctx.t("offices.voivodeship_label"))),
                    .select(.attribute(named: "id", value: "voivodeship"), .attribute(named: "name", value: "voivodeship"),
                        .choice(value: "", label: ctx.t("offices.all_voivodeships")),
                        .forEach(model.voivodeships) { v in
                            .choice(value: v.code, label: v.name, selected: v.code == model.voivodeship)
                        })),
                .input(.type(.hidden), .name("lang"), .value(ctx.language.rawValue)),
                .button(.type(.submit), .text(ctx.t("offices.search_button")))
            ),
            postal(model.postal, ctx),
            .h2(.id("results-heading"), .text(ctx.plural("offices.count", model.rows.count))),
            .if(model.rows.isEmpty, .p(.text(ctx.t("offices.none")))),
            .raw(model.rowsHTML ?? rows(model.rows, ctx))
        ))
    }

    /// Every office found (all 360 when nothing is asked), written as text.
    public static func rows(_ rows: [Row], _ ctx: PageContext) -> String {
        var list = HTMLText(capacity: 64 + rows.count * 300)
        list.open("ul", ["class": "office-list", "aria-labelledby": "results-heading"])
        let serves = " · " + ctx.t("offices.serves") + " "
        for row in rows {
            list.open("li")
            list.element("a", ["href": SiteRoute.office(id: row.office.id).path], text: row.office.name)
            list.element("span", ["class": "meta"], text: " — " + row.office.locality)
            if !row.powiatNames.isEmpty { list.element("span", ["class": "meta"], text: serves + row.powiatNames.joined(separator: ", ")) }
            list.close("li")
        }
        list.close("ul")
        return list.html
    }

    static func postal(_ result: PostalResult?, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        switch result {
        case nil:
            return .empty
        case let .found(code, locality, powiat, overridden, office):
            return .section(.class("card result"), .attribute(named: "aria-labelledby", value: "postal-heading"),
                .h2(.id("postal-heading"), .text(ctx.t("offices.postal_found_heading", ["code": code]))),
                .p(.text(ctx.t("offices.postal_found", ["code": code, "locality": locality, "powiat": powiat]))),
                .if(overridden, .p(.class("small"), .text(ctx.t("offices.postal_overridden")))),
                .p(.strong(.a(.href(SiteRoute.office(id: office.id).path), .text(office.name)))))
        case let .notFound(code, suggestions):
            return .section(.class("card result"), .attribute(named: "role", value: "alert"),
                .h2(.text(ctx.t("offices.postal_not_found_heading", ["code": code]))),
                .p(.text(ctx.t("offices.postal_not_found"))),
                .if(!suggestions.isEmpty, .p(.text(ctx.t("offices.postal_suggestions") + " "),
                    .forEach(suggestions) { s in .group(.a(.href(SiteRoute.offices.with(["q": s])), .text(s)), .text(" ")) })))
        }
    }
}
