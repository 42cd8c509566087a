import Plot

extension ReturnsPage {
    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let f = model.form
        return Layout.render(ctx, title: ctx.t("returns.title"), main: .group(
            .h1(.text(ctx.t("returns.title"))),
            .p(.text(ctx.t("returns.intro"))),
            model.sentCase.map { number in
                .div(.class("notice"), .attribute(named: "role", value: "status"),
                     .p(.strong(.text(ctx.t("returns.sent", ["case": number])))),
                     .p(.text(ctx.t("returns.sent_next"))))
            } ?? .empty,
            .section(.attribute(named: "aria-labelledby", value: "form-heading"),
                .h2(.id("form-heading"), .text(ctx.t("returns.form_heading"))),
                Forms.errorSummary(f, ctx),
                .form(.method(.post), .action(SiteRoute.returns.path), .attribute(named: "novalidate", value: "novalidate"),
                    Forms.csrf(ctx),
                    Forms.field("email", label: ctx.t("form.email"), type: .email, state: f, autocomplete: "email", ctx: ctx),
                    Forms.field("name", label: ctx.t("returns.name"), state: f, autocomplete: "name", ctx: ctx),
                    Forms.select("country", label: ctx.t("returns.country"), options: model.countries, state: f, blank: ctx.t("form.choose"),
                                 hint: ctx.t("returns.country_hint"), ctx: ctx),
                    Forms.textarea("question", label: ctx.t("returns.question"), state: f, ctx: ctx),
                    .p(.class("hint"), .text(ctx.t("returns.privacy")), .text(" "), .a(.href(SiteRoute.privacy.path), .text(ctx.t("returns.privacy_link")))),
                    Forms.trap(ctx),
                    .button(.type(.submit), .text(ctx.t("returns.send"))))
            ),
            .section(.attribute(named: "aria-labelledby", value: "more-heading"),
                .h2(.id("more-heading"), .text(ctx.t("returns.more_heading"))),
                .ul(
                    .li(.a(.href(SiteRoute.offers.path), .text(ctx.t("returns.more_offers")))),
                    .li(.a(.href(SiteRoute.faq.path), .text(ctx.t("returns.more_faq")))),
                    .li(.a(.href(SiteRoute.offices.path), .text(ctx.t("returns.more_offices"))))
                ))
        ))
    }
}
