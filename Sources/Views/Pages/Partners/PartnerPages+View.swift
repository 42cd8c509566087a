import Plot

extension PartnersPage {
    static func list(_ rows: [Row], _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .ul(.class("partner-list"), .forEach(rows) { r in
            .li(
                // The link's name is the institution's: the logo beside it says the same and is not read twice.
                r.logo.map { p in .img(.src(p.src), .alt(""), .attribute(named: "width", value: "\(min(p.width, 160))"),
                                       .attribute(named: "height", value: "\(p.width > 160 ? p.height * 160 / p.width : p.height)")) } ?? .empty,
                .h2(.a(.href(r.url), .attribute(named: "rel", value: "noopener"), .text(r.name))),
                .if(!r.description.isEmpty, .p(.text(r.description))),
                r.editPath.map { .p(.a(.href($0), .text(ctx.t("partners.staff.edit_named", ["name": r.name])))) } ?? .empty)
        })
    }

    public static func render(_ rows: [Row], _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("partners.title"), main: .group(
            .h1(.text(ctx.t("partners.title"))),
            .p(.class("lead"), .text(ctx.t("partners.lead"))),
            rows.isEmpty ? .p(.text(ctx.t("partners.none"))) : list(rows, ctx)
        ))
    }
}

extension StaffPartnersPage {
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        let f = m.form
        let action = m.editingID.map { SiteRoute.staffPartner($0).path } ?? SiteRoute.staffPartners.path
        return Layout.render(ctx, title: ctx.t("partners.staff.title"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffContent.path), .text("← " + ctx.t("content.staff.title")))),
            .h1(.text(ctx.t("partners.staff.title"))),
            m.notice.map { Components.notice($0) } ?? .empty,
            m.rows.isEmpty ? .p(.text(ctx.t("partners.none"))) : PartnersPage.list(m.rows, ctx),
            .h2(.id("partner-form"), .text(m.editingID == nil ? ctx.t("partners.staff.add") : ctx.t("partners.staff.edit"))),
            Forms.errorSummary(f, ctx),
            .form(.method(.post), .action(action), .attribute(named: "enctype", value: "multipart/form-data"), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                Forms.field("name", label: ctx.t("partners.field.name"), state: f, ctx: ctx),
                Forms.field("url", label: ctx.t("partners.field.url"), type: .url, state: f, hint: ctx.t("partners.url_hint"), ctx: ctx),
                Forms.field("description", label: ctx.t("partners.field.description"), state: f, required: false, ctx: ctx),
                Forms.field("position", label: ctx.t("partners.field.position"), type: .number, state: f, required: false,
                            hint: ctx.t("partners.position_hint"), ctx: ctx),
                Forms.imageFile("logo", label: ctx.t("partners.field.logo"), hint: ctx.t("partners.logo_hint"), state: f),
                .if(m.editingID != nil, Forms.checkbox("remove_logo", label: ctx.t("partners.remove_logo"), state: f)),
                .button(.type(.submit), .text(ctx.t("partners.staff.save")))),
            m.editingID.map { Forms.button(SiteRoute.staffPartnerDelete($0).path, label: ctx.t("partners.staff.delete"), style: .danger, ctx: ctx) } ?? .empty
        ))
    }
}

extension StaffThemePage {
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        let f = m.form
        return Layout.render(ctx, title: ctx.t("theme.staff.title"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffContent.path), .text("← " + ctx.t("content.staff.title")))),
            .h1(.text(ctx.t("theme.staff.title"))),
            .p(.text(ctx.t("theme.staff.lead"))),
            m.notice.map { Components.notice($0) } ?? .empty,
            Forms.errorSummary(f, ctx),
            .form(.method(.post), .action(SiteRoute.staffTheme.path), .attribute(named: "enctype", value: "multipart/form-data"),
                  .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                Forms.field("name", label: ctx.t("theme.field.name"), state: f, required: false, hint: ctx.t("theme.name_hint"), ctx: ctx),
                .fieldset(.element(named: "legend", text: ctx.t("theme.colours")),
                    .p(.class("hint"), .text(ctx.t("theme.colours_hint"))),
                    .forEach(m.colourFields) { c in
                        Forms.field(c.name, label: c.label, state: f, hint: ctx.t("theme.colour_hint"), attributes: [("pattern", "#[0-9a-fA-F]{6}")], ctx: ctx)
                    }),
                m.logo.map { .div(.class("field"), .p(.text(ctx.t("theme.current_logo"))), .img(.src($0), .alt(""), .attribute(named: "height", value: "48"))) } ?? .empty,
                Forms.imageFile("logo", label: ctx.t("theme.field.logo"), hint: ctx.t("theme.logo_hint"), state: f),
                .if(m.logo != nil, Forms.checkbox("remove_logo", label: ctx.t("theme.remove_logo"), state: f)),
                .div(.class("button-row"),
                    .button(.type(.submit), .text(ctx.t("theme.save"))),
                    .button(.type(.submit), .attribute(named: "name", value: "reset"), .attribute(named: "value", value: "on"), .class("secondary"),
                            .text(ctx.t("theme.reset")))))
        ))
    }
}
