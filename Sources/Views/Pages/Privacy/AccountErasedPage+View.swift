import Plot

extension AccountErasedPage {
    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("account_erased.title"), main: .group(
            .h1(.text(ctx.t("account_erased.title"))),
            .p(.class("notice"), .attribute(named: "role", value: "status"), .text(ctx.t("account_erased.intro"))),
            .h2(.text(ctx.t("account_erased.erased_heading"))),
            .ul(.class("erased"), .forEach(model.erased) { line in .li(.text(ctx.t(line.key, line.values))) }),
            .h2(.text(ctx.t("account_erased.kept_heading"))),
            .if(model.kept.isEmpty, .p(.text(ctx.t("account_erased.nothing_kept")))),
            .ul(.class("kept"), .forEach(model.kept) { line in .li(.text(ctx.t(line.key, line.values))) }),
            .p(.text(ctx.t("account_erased.questions", ["email": model.dpoEmail]))),
            .p(.a(.href(SiteRoute.privacy.path), .text(ctx.t("consent.read_policy"))))
        ))
    }
}
