import Plot

extension SiteFormPage {
    static func input(_ f: Field, _ state: FormState, _ ctx: PageContext) -> Node<HTML.FormContext> {
        switch f.kind {
        case .text: return Forms.field(f.name, label: f.label, state: state, required: f.required, ctx: ctx)
        case .email: return Forms.field(f.name, label: f.label, type: .email, state: state, required: f.required, autocomplete: "email", ctx: ctx)
        case .phone: return Forms.field(f.name, label: f.label, type: .tel, state: state, required: f.required, autocomplete: "tel", ctx: ctx)
        case .number: return Forms.field(f.name, label: f.label, state: state, required: f.required, attributes: [("inputmode", "decimal")], ctx: ctx)
        case .date: return Forms.field(f.name, label: f.label, type: .date, state: state, required: f.required, ctx: ctx)
        case .longText: return Forms.textarea(f.name, label: f.label, state: state, required: f.required, ctx: ctx)
        case .checkbox: return Forms.checkbox(f.name, label: f.label, state: state, required: f.required)
        case .choice: return choice(f, state, ctx)
        }
    }

    /// A question with one answer to choose: radio buttons in a fieldset, its legend the question.
    static func choice(_ f: Field, _ state: FormState, _ ctx: PageContext) -> Node<HTML.FormContext> {
        let error = state.error(f.name)
        var h = HTMLText(capacity: 512)
        h.open("fieldset", ["class": error == nil ? "field" : "field has-error", "id": f.name,
                            "aria-describedby": error == nil ? nil : f.name + "-error"])
        h.open("legend")
        h.text(f.label)
        if !f.required { h.element("span", ["class": "optional"], text: " " + ctx.t("form.optional")) }
        h.close("legend")
        if let error { h.element("p", ["id": f.name + "-error", "class": "field-error"], text: error) }
        for (i, option) in f.options.enumerated() {
            let id = "\(f.name)-\(i)"
            h.open("div", ["class": "field checkbox"])
            h.void("input", ["type": "radio", "id": id, "name": f.name, "value": "\(i)", "checked": state[f.name] == "\(i)" ? "checked" : nil])
            h.element("label", ["for": id], text: option)
            h.close("div")
        }
        h.close("fieldset")
        return .raw(h.html)
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: m.title, main: .group(
            .h1(.text(m.title)),
            .forEach(m.intro) { .p(.text($0)) },
            .if(m.thanks, Components.notice(ctx.t("forms.thanks"))),
            m.open && !m.thanks ? .group(
                Forms.errorSummary(m.form, ctx),
                .form(.method(.post), .action(SiteRoute.siteForm(m.id).path), .attribute(named: "novalidate", value: "novalidate"),
                      Forms.csrf(ctx),
                      .forEach(m.fields) { input($0, m.form, ctx) },
                      .p(.class("hint"), .text(ctx.t("forms.privacy", ["days": "\(m.retentionDays)"]) + " "),
                         .a(.href(SiteRoute.privacy.path), .text(ctx.t("privacy.footer_link")))),
                      .button(.type(.submit), .text(ctx.t("forms.send"))))
            ) : .if(!m.open, Components.notice(ctx.t("forms.closed")))
        ))
    }
}

extension StaffSiteFormsPage {
    public static func render(_ rows: [Row], notice: String?, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("forms.staff.title"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffContent.path), .text("← " + ctx.t("content.staff.title")))),
            .h1(.text(ctx.t("forms.staff.title"))),
            notice.map { Components.notice($0) } ?? .empty,
            .p(.a(.class("button"), .href(SiteRoute.staffFormNew.path), .text(ctx.t("forms.staff.new")))),
            Tables.table(caption: ctx.t("forms.staff.title"),
                         headers: [ctx.t("forms.field.title"), ctx.t("pages.field.section"), ctx.t("news.staff.status"), ctx.t("forms.staff.answers"),
                                   ctx.t("forms.field.retention_days"), ctx.t("forms.staff.export")],
                         rows: rows.map { r in
                             [.group(.a(.href(r.editPath), .text(r.title)), .text(" · "), .a(.href(r.publicPath), .text(ctx.t("forms.staff.public_page")))),
                              .text(r.section), .text(r.state), .text("\(r.answers)"), .text(r.retention),
                              .a(.href(r.csvPath), .text(ctx.t("forms.staff.csv")))]
                         }, empty: ctx.t("forms.staff.none"))
        ))
    }
}

extension StaffSiteFormPage {
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        let f = m.form
        let title = m.editingID == nil ? ctx.t("forms.staff.new") : ctx.t("forms.staff.edit")
        return Layout.render(ctx, title: title, main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffForms.path), .text("← " + ctx.t("forms.staff.title")))),
            .h1(.text(title)),
            m.notice.map { Components.notice($0) } ?? .empty,
            .if(m.fieldsFixed, Components.notice(ctx.t("forms.staff.fields_fixed"))),
            Forms.errorSummary(f, ctx),
            .form(.method(.post), .action(m.editingID.map { SiteRoute.staffForm($0).path } ?? SiteRoute.staffForms.path),
                  .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                Forms.select("section", label: ctx.t("pages.field.section"), options: m.sections, state: f, ctx: ctx),
                .fieldset(.element(named: "legend", text: ctx.t("forms.field.title")),
                    .forEach(["pl", "en", "ru", "uk"]) { l in Forms.field("title_" + l, label: ctx.t("polls.in_language." + l), state: f, required: l == "pl", ctx: ctx) }),
                .fieldset(.element(named: "legend", text: ctx.t("forms.field.intro")),
                    .forEach(["pl", "en", "ru", "uk"]) { l in Forms.textarea("intro_" + l, label: ctx.t("polls.in_language." + l), state: f, required: false, ctx: ctx) }),
                .forEach(Array(0..<m.fieldRows)) { i in
                    .fieldset(.element(named: "legend", text: ctx.t("forms.field.question", ["number": "\(i + 1)"])),
                        .forEach(["pl", "en", "ru", "uk"]) { l in
                            Forms.field("field\(i)_label_" + l, label: ctx.t("polls.in_language." + l), state: f, required: false, ctx: ctx)
                        },
                        Forms.select("field\(i)_kind", label: ctx.t("forms.field.kind"), options: m.kinds, state: f, ctx: ctx),
                        Forms.checkbox("field\(i)_required", label: ctx.t("forms.field.required"), state: f),
                        .forEach(["pl", "en", "ru", "uk"]) { l in
                            Forms.textarea("field\(i)_options_" + l, label: ctx.t("forms.field.options", ["language": ctx.t("polls.in_language." + l)]), state: f,
                                           hint: l == "pl" ? ctx.t("forms.field.options_hint") : nil, required: false, ctx: ctx)
                        })
                },
                Forms.field("retention_days", label: ctx.t("forms.field.retention_days"), type: .number, state: f,
                            hint: ctx.t("forms.field.retention_hint", ["max": "\(m.maximumRetention)"]), ctx: ctx),
                Forms.checkbox("open", label: ctx.t("forms.field.open"), state: f),
                .button(.type(.submit), .text(ctx.t("forms.staff.save")))),
            m.editingID.map { Forms.button(SiteRoute.staffFormDelete($0).path, label: ctx.t("forms.staff.delete"), style: .danger, ctx: ctx) } ?? .empty
        ))
    }
}
