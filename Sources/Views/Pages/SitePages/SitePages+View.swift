import Plot

extension SitePagePage {
    /// A section's menu as a navigation landmark named after the section.
    public static func sectionMenu(_ links: [MenuLink], name: String, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        guard !links.isEmpty else { return .empty }
        var h = HTMLText(capacity: 1024)
        h.open("nav", ["class": "section-menu", "aria-label": ctx.t("pages.section_menu", ["section": name])])
        Layout.menuList(&h, links, ctx, top: true)
        h.close("nav")
        return .raw(h.html)
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: m.title, main: .group(
            .if(m.sectionPath != nil, .p(.class("breadcrumb"), .a(.href(m.sectionPath ?? ""), .text("← " + (m.sectionName ?? ""))))),
            sectionMenu(m.menu, name: m.sectionName ?? ctx.siteName, ctx),
            .article(
                .if(m.language != nil, .attribute(named: "lang", value: m.language ?? "")),
                .h1(.text(m.title)),
                .if(m.zone != nil, .p(.class("meta"), .text(m.zone ?? ""))),
                .if(m.language != nil, .p(.class("hint"), .attribute(named: "lang", value: ctx.language.rawValue), .text(ctx.t("pages.not_translated")))),
                KBMarkupView.nodes(m.blocks))
        ))
    }
}

extension StaffPagesListPage {
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("pages.staff.title"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffContent.path), .text("← " + ctx.t("content.staff.title")))),
            .h1(.text(ctx.t("pages.staff.title"))),
            m.notice.map { Components.notice($0) } ?? .empty,
            .p(.a(.class("button"), .href(SiteRoute.staffPageNew.path), .text(ctx.t("pages.staff.new")))),
            Tables.table(caption: ctx.t("pages.staff.title"),
                         headers: [ctx.t("pages.field.title"), ctx.t("pages.field.slug"), ctx.t("desktop.language"), ctx.t("news.staff.status"),
                                   ctx.t("pages.field.section"), ctx.t("news.staff.flags")],
                         rows: m.rows.map { r in [.a(.href(r.editPath), .text(r.title)), .text(r.address), .text(r.language), .text(r.status),
                                                  .text(r.section), .text(r.flags)] },
                         empty: ctx.t("pages.none")),
            .h2(.text(ctx.t("pages.staff.sections"))),
            .ul(.class("link-list"), .forEach(m.sections) { s in
                .li(.text(s.label + ": "), .a(.href(SiteRoute.staffMenus.with(["section": s.key])), .text(ctx.t("menus.staff.edit_menu"))),
                    .if(s.key.hasPrefix("office:"), .group(.text(" · "),
                        .a(.href(SiteRoute.staffOfficeDetails.with(["office": String(s.key.dropFirst(7))])), .text(ctx.t("offices.staff.confirm_details"))))),
                    .if(s.key == "portal", .group(.text(" · "), .a(.href(SiteRoute.staffHomeBlocks.path), .text(ctx.t("home.staff.title"))))))
            })
        ))
    }
}

extension StaffPageFormPage {
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        let f = m.form
        let title = m.editingID == nil ? ctx.t("pages.staff.new") : ctx.t("pages.staff.edit")
        let action = m.editingID.map { SiteRoute.staffPage($0).path } ?? SiteRoute.staffPages.path
        let translation = m.sourceTitle != nil
        return Layout.render(ctx, title: title, main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffPages.path), .text("← " + ctx.t("pages.staff.title")))),
            .h1(.text(title)),
            m.notice.map { Components.notice($0, role: "alert") } ?? .empty,
            .if(m.outdated, Components.notice(ctx.t("news.staff.outdated"))),
            m.sourceTitle.map { .p(.text(ctx.t("pages.staff.translation_of", ["title": $0]))) } ?? .empty,
            m.livePath.map { .p(.a(.href($0), .text(ctx.t("news.staff.view_live")))) } ?? .empty,
            Forms.errorSummary(f, ctx),
            .form(.method(.post), .action(action), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                .input(.type(.hidden), .name("version"), .value(f["version"])),
                .input(.type(.hidden), .name("translation_of"), .value(f["translation_of"])),
                Forms.select("language", label: ctx.t("desktop.language"), options: m.languages, state: f, ctx: ctx),
                .if(!translation, .group(
                    Forms.select("section", label: ctx.t("pages.field.section"), options: m.sections, state: f, ctx: ctx),
                    Forms.field("slug", label: ctx.t("pages.field.slug"), state: f, hint: ctx.t("pages.slug_hint"), ctx: ctx),
                    Forms.select("audience", label: ctx.t("news.staff.field.audience"), options: m.audiences, state: f,
                                 hint: ctx.t("pages.audience_hint"), ctx: ctx))),
                Forms.field("title", label: ctx.t("pages.field.title"), state: f, ctx: ctx),
                Forms.textarea("body", label: ctx.t("pages.field.body"), state: f, hint: ctx.t("pages.body_hint"), ctx: ctx),
                StaffNewsFormPage.editorialButtons(ctx)),
            m.editingID.map { id in
                StaffNewsFormPage.editorialMore(versions: SiteRoute.staffPageVersions(id).path,
                                                translate: translation ? nil : SiteRoute.staffPageNew.with(["translation_of": id]),
                                                translations: m.translations, delete: SiteRoute.staffPageDelete(id).path, deleteLabel: ctx.t("pages.staff.delete"), ctx)
            } ?? .empty
        ))
    }
}

extension StaffMenuPage {
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        let f = m.form
        return Layout.render(ctx, title: ctx.t("menus.staff.title", ["section": m.sectionName]), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffPages.path), .text("← " + ctx.t("pages.staff.title")))),
            .h1(.text(ctx.t("menus.staff.title", ["section": m.sectionName]))),
            .p(.text(ctx.t("menus.staff.lead"))),
            m.notice.map { Components.notice($0) } ?? .empty,
            .if(!m.preview.isEmpty, SitePagePage.sectionMenu(m.preview, name: m.sectionName, ctx)),
            Forms.errorSummary(f, ctx),
            .form(.method(.post), .action(SiteRoute.staffMenus.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                .input(.type(.hidden), .name("section"), .value(m.section)),
                .input(.type(.hidden), .name("version"), .value("\(m.version)")),
                .forEach(m.rows) { r in
                    let p = "item\(r.index)_"
                    return .fieldset(.element(named: "legend", text: r.depthLabel),
                        .input(.type(.hidden), .name(p + "id"), .value(r.id)),
                        Forms.field(p + "label_pl", label: ctx.t("menus.field.label_pl"), state: f, required: false, ctx: ctx),
                        Forms.field(p + "label_en", label: ctx.t("menus.field.label_en"), state: f, required: false, ctx: ctx),
                        Forms.field(p + "label_ru", label: ctx.t("menus.field.label_ru"), state: f, required: false, ctx: ctx),
                        Forms.field(p + "label_uk", label: ctx.t("menus.field.label_uk"), state: f, required: false, ctx: ctx),
                        Forms.field(p + "target", label: ctx.t("menus.field.target"), state: f, required: false, hint: ctx.t("menus.target_hint"), ctx: ctx),
                        Forms.select(p + "parent", label: ctx.t("menus.field.parent"), options: m.parents.filter { $0.value != r.id }, state: f,
                                     blank: ctx.t("menus.top_level"), ctx: ctx),
                        Forms.field(p + "position", label: ctx.t("partners.field.position"), type: .number, state: f, required: false, ctx: ctx),
                        .if(!r.id.isEmpty, Forms.checkbox(p + "remove", label: ctx.t("menus.field.remove"), state: f)))
                },
                .button(.type(.submit), .text(ctx.t("menus.staff.save"))))
        ))
    }
}

extension StaffOfficeDetailsPage {
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        let f = m.form
        return Layout.render(ctx, title: ctx.t("offices.staff.details_title", ["office": m.officeName]), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffPages.path), .text("← " + ctx.t("pages.staff.title")))),
            .h1(.text(ctx.t("offices.staff.details_title", ["office": m.officeName]))),
            .p(.text(ctx.t("offices.staff.details_lead"))),
            m.confirmedAt.map { .p(.class("meta"), .text(ctx.t("offices.staff.confirmed_at", ["when": $0]))) } ?? .empty,
            m.notice.map { Components.notice($0) } ?? .empty,
            Forms.errorSummary(f, ctx),
            .form(.method(.post), .action(SiteRoute.staffOfficeDetails.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                .input(.type(.hidden), .name("office_id"), .value(m.officeID)),
                Forms.field("street", label: ctx.t("offices.address"), state: f, autocomplete: "street-address", ctx: ctx),
                Forms.field("postal_code", label: ctx.t("offices.staff.postal_code"), state: f, autocomplete: "postal-code", ctx: ctx),
                Forms.field("locality", label: ctx.t("offices.locality"), state: f, ctx: ctx),
                Forms.field("phone", label: ctx.t("offices.phone"), type: .tel, state: f, ctx: ctx),
                Forms.field("email", label: ctx.t("offices.email"), type: .email, state: f, ctx: ctx),
                Forms.field("website", label: ctx.t("offices.website"), type: .url, state: f, required: false, ctx: ctx),
                Forms.field("hours", label: ctx.t("offices.hours"), state: f, hint: ctx.t("offices.staff.hours_hint"), ctx: ctx),
                .button(.type(.submit), .text(ctx.t("offices.staff.confirm"))))
        ))
    }
}

extension StaffHomeBlocksPage {
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("home.staff.title"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffPages.path), .text("← " + ctx.t("pages.staff.title")))),
            .h1(.text(ctx.t("home.staff.title"))),
            .p(.text(ctx.t("home.staff.lead"))),
            m.notice.map { Components.notice($0) } ?? .empty,
            Forms.errorSummary(m.form, ctx),
            .form(.method(.post), .action(SiteRoute.staffHomeBlocks.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                .forEach(Array(m.blocks.enumerated())) { i, b in
                    .fieldset(.element(named: "legend", text: b.label),
                        Forms.checkbox("show_" + b.value, label: ctx.t("home.staff.show"), state: FormState(values: ["show_" + b.value: b.shown ? "on" : ""])),
                        Forms.field("position_" + b.value, label: ctx.t("partners.field.position"), type: .number,
                                    state: FormState(values: ["position_" + b.value: "\(i + 1)"], errors: m.form.errors), required: false, ctx: ctx))
                },
                .button(.type(.submit), .text(ctx.t("home.staff.save"))))
        ))
    }
}
