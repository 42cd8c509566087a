import Plot
import Directory

extension OfficeDetailPage {
    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let o = model.office
        let unknown = ctx.t("offices.unknown")
        let address = o.street.map { [$0, [o.postalCode, o.locality].compactMap { $0 }.joined(separator: " ")].joined(separator: ", ") }
        return Layout.render(ctx, title: o.name, main: .group(
            .h1(.text(o.name)),
            SitePagePage.sectionMenu(model.menu, name: o.name, ctx),
            .p(.class(o.verified ? "badge verified" : "badge unverified"),
               .text(ctx.t(o.verified ? "offices.verified" : "offices.unverified"))),
            .dl(.class("facts"),
                Components.fact(ctx.t("offices.kind"), ctx.t("offices.kind_\(o.kind.rawValue)"), unknown: unknown),
                Components.fact(ctx.t("offices.locality"), o.locality, unknown: unknown),
                Components.fact(ctx.t("offices.voivodeship_label"), model.voivodeshipName, unknown: unknown),
                .if(!model.powiatNames.isEmpty,
                    Components.fact(ctx.t("offices.serves"), model.powiatNames.joined(separator: ", "), unknown: unknown)),
                Components.fact(ctx.t("offices.address"), address, unknown: unknown),
                Components.fact(ctx.t("offices.phone"), o.phone, unknown: unknown),
                Components.fact(ctx.t("offices.email"), o.email, unknown: unknown),
                Components.fact(ctx.t("offices.website"), o.website, unknown: unknown)
            ),
            .h2(.id("hours-heading"), .text(ctx.t("offices.hours"))),
            .if(model.isOpenNow != nil,
                .p(.class(model.isOpenNow == true ? "status open" : "status closed"),
                   .text(ctx.t(model.isOpenNow == true ? "offices.open_now" : "offices.closed_now")))),
            model.week.isEmpty
                ? .p(.em(.class("unknown"), .text(ctx.t("offices.hours_unknown"))))
                : .table(.class("hours"), .attribute(named: "aria-labelledby", value: "hours-heading"),
                    .tbody(.forEach(model.week) { d in
                        .tr(.th(.attribute(named: "scope", value: "row"), .text(d.dayName)),
                            .td(.text(d.hours ?? ctx.t("offices.closed"))))
                    })),
            .p(.class("small"), .text(ctx.t("offices.holidays_note"))),
            .if(o.note != nil && !o.verified, .p(.class("small"), .text(ctx.t("offices.unverified_note")))),
            .if(model.regionalOffice != nil,
                .p(.text(ctx.t("offices.regional") + " "),
                   .a(.href(SiteRoute.office(id: model.regionalOffice?.id ?? "").path), .text(model.regionalOffice?.name ?? "")))),
            NewsCard.section(model.news, morePath: SiteRoute.officeNews(o.id).path, feedPath: SiteRoute.officeNewsFeed(o.id).path, ctx),
            .p(.a(.href(SiteRoute.forumCategory(o.id).path), .text(ctx.t("forum.office_link")))),
            .p(.a(.href(SiteRoute.offices.path), .text(ctx.t("offices.back"))))
        ))
    }
}
