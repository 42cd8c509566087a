import Plot

extension ContactPage {
    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let op = model.operatorInfo
        return Layout.render(ctx, title: ctx.t("contact.title"), main: .group(
            .h1(.text(ctx.t("contact.title"))),
            .section(.attribute(named: "aria-labelledby", value: "phone-heading"),
                .h2(.id("phone-heading"), .text(ctx.t("contact.phone_heading"))),
                .p(.class("big-number"), .a(.href("tel:\(Layout.phoneNumber)"), .text(Layout.phoneNumber))),
                .p(.text(ctx.t("contact.hours", ["hours": model.hours]))),
                .p(.text(ctx.t("contact.cost")))
            ),
            .section(.attribute(named: "aria-labelledby", value: "office-heading"),
                .h2(.id("office-heading"), .text(ctx.t("contact.your_office_heading"))),
                .p(.text(ctx.t("contact.your_office_text"))),
                .p(.a(.href(SiteRoute.offices.path), .text(ctx.t("contact.find_office_link"))))
            ),
            .section(.attribute(named: "aria-labelledby", value: "operator-heading"),
                .h2(.id("operator-heading"), .text(ctx.t("contact.operator_heading"))),
                .element(named: "address", nodes: [
                    .text(op.name), .br(), .text(op.address),
                    .if(op.email != nil, .group(.br(), .a(.href("mailto:\(op.email ?? "")"), .text(op.email ?? "")))),
                ])
            )
        ))
    }
}
