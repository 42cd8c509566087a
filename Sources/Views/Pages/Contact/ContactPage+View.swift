import Plot

extension ContactPage {
    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let op = model.operatorInfo
        return Layout.render(ctx, title: ctx.t("contact.title"), main: .group(
            .h1(.text(ctx.t("contact.title"))),
            model.sent.map { sent in
                .div(.class("notice"), .attribute(named: "role", value: "status"),
                     .p(.strong(.text(ctx.t("contact.sent", ["case": sent.caseNumber])))),
                     .p(.text(ctx.t("contact.sent_office", ["office": sent.office]))))
            } ?? .empty,
            model.notice.map { Components.notice($0) } ?? .empty,
            form(model, ctx),
            .section(.attribute(named: "aria-labelledby", value: "phone-heading"),
                .h2(.id("phone-heading"), .text(ctx.t("contact.phone_heading"))),
                .p(.class("big-number"), .a(.href("tel:\(Layout.phoneNumber)"), .text(Layout.phoneNumber))),
                .p(.text(ctx.t("contact.hours", ["hours": ctx.hoursLongText]))),
                .p(.text(ctx.t("contact.cost"))),
                .p(.a(.href(SiteRoute.callback.path), .text(ctx.t("callback.link")))),
                .p(.a(.href(SiteRoute.video.path), .text(ctx.t("video.title")))),
                .p(.a(.href(SiteRoute.returns.path), .text(ctx.t("contact.returns_link"))))
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

    /// Required: e-mail and powiat (as the seeds ask); the hidden `website` field is a trap for
    /// robots (people never see it), so no CAPTCHA stands in the way of blind users.
    static func form(_ m: Model, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        let f = m.form
        return .section(.attribute(named: "aria-labelledby", value: "form-heading"),
            .h2(.id("form-heading"), .text(ctx.t("contact.form_heading"))),
            .p(.text(ctx.t("contact.form_intro"))),
            Forms.errorSummary(f, ctx),
            .form(.method(.post), .action(SiteRoute.contact.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                Forms.field("email", label: ctx.t("form.email"), type: .email, state: f, autocomplete: "email", ctx: ctx),
                Forms.select("powiat", label: ctx.t("contact.powiat"), options: m.powiats, state: f, blank: ctx.t("form.choose"), ctx: ctx),
                Forms.field("name", label: ctx.t("contact.name"), state: f, required: false, autocomplete: "name", ctx: ctx),
                Forms.select("topic", label: ctx.t("desktop.topic"), options: m.topics, state: f, ctx: ctx),
                Forms.textarea("message", label: ctx.t("contact.message"), state: f, ctx: ctx),
                Forms.trap(ctx),
                .button(.type(.submit), .text(ctx.t("contact.send"))))
        )
    }
}
