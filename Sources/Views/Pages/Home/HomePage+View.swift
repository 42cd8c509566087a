import Plot

extension HomePage {
    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.siteName, main: .group(
            .h1(.text(ctx.t("home.title"))),
            .p(.class("lead"), .text(ctx.t("home.lead"))),
            .forEach(model.blocks) { block -> Node<HTML.BodyContext> in
                switch block {
                case .hotline: return hotline(model, ctx)
                case .findOffice: return findOffice(ctx)
                case .news: return NewsCard.section(model.news, morePath: SiteRoute.news.path, feedPath: SiteRoute.newsFeed.path, ctx)
                case .who: return who(ctx)
                case .partners(let rows):
                    return .section(.attribute(named: "aria-labelledby", value: "partners-heading"),
                        .h2(.id("partners-heading"), .text(ctx.t("partners.title"))), PartnersPage.list(rows, ctx),
                        .p(.a(.href(SiteRoute.partners.path), .text(ctx.t("partners.all")))))
                case .page(let title, let blocks, let path):
                    return .section(.class("card"), .h2(.a(.href(path), .text(title))), KBMarkupView.nodes(blocks))
                }
            }
        ))
    }

    static func hotline(_ model: Model, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .section(.class("card hotline-card"), .attribute(named: "aria-labelledby", value: "call-heading"),
                .h2(.id("call-heading"), .text(ctx.t("home.call_heading"))),
                .p(.class("big-number"), .a(.href("tel:\(Layout.phoneNumber)"), .text(Layout.phoneNumber))),
                .p(.text(ctx.t("home.hours", ["hours": ctx.hoursLongText]))),
                .p(.class(model.isOpenNow ? "status open" : "status closed"),
                   .text(model.isOpenNow
                         ? ctx.t("home.open_now", ["time": model.closesAt ?? ""])
                         : ctx.t("home.closed_now", ["time": model.nextOpening ?? "—"])))
            )
    }

    static func findOffice(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        .section(.class("card"), .attribute(named: "aria-labelledby", value: "find-heading"),
                .h2(.id("find-heading"), .text(ctx.t("home.find_office_heading"))),
                .form(.method(.get), .action(SiteRoute.offices.path), .class("inline-form"),
                    .label(.for("home-q"), .text(ctx.t("offices.search_label"))),
                    .input(.type(.text), .id("home-q"), .name("q"), .attribute(named: "autocomplete", value: "postal-code"),
                           .attribute(named: "aria-describedby", value: "home-q-hint")),
                    .input(.type(.hidden), .name("lang"), .value(ctx.language.rawValue)),
                    .button(.type(.submit), .text(ctx.t("offices.search_button")))
                ),
                .p(.id("home-q-hint"), .class("hint"), .text(ctx.t("offices.search_hint")))
            )
    }

    static func who(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        .section(.attribute(named: "aria-labelledby", value: "who-heading"),
                .h2(.id("who-heading"), .text(ctx.t("home.who_heading"))),
                .ul(
                    .li(.text(ctx.t("home.who_seekers"))),
                    .li(.text(ctx.t("home.who_employers"))),
                    .li(.text(ctx.t("home.who_everyone")))
                ),
                .p(.text(ctx.t("home.topics")))
            )
    }
}
