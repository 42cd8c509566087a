import Plot

extension ErrorPage {
    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let kind = model.status == 404 ? "not_found" : model.status >= 500 ? "server" : "bad_request"
        return Layout.render(ctx, title: ctx.t("error.\(kind).title"), main: .group(
            .h1(.text(ctx.t("error.\(kind).title"))),
            .p(.text(model.message ?? ctx.t("error.\(kind).text"))),
            .if(model.status >= 500 && ctx.requestID != nil,
                .p(.class("small"), .text(ctx.t("error.request_id", ["id": ctx.requestID ?? ""])))),
            .p(.a(.href(SiteRoute.home.path), .text(ctx.t("error.back_home"))),
               .text(" · "),
               .text(ctx.t("error.call_us", ["number": Layout.phoneNumber])))
        ))
    }
}
