import Plot

extension StaffContentPage {
    public static func render(_ links: [Link], _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("content.staff.title"), main: .group(
            .h1(.text(ctx.t("content.staff.title"))),
            .ul(.class("link-list"), .forEach(links) { l in .li(.a(.href(l.path), .text(l.label)), .p(.class("hint"), .text(l.hint))) })
        ))
    }
}

extension StaffNewsListPage {
    public static func render(_ rows: [Row], notice: String?, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("news.staff.title"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffContent.path), .text("← " + ctx.t("content.staff.title")))),
            .h1(.text(ctx.t("news.staff.title"))),
            notice.map { Components.notice($0) } ?? .empty,
            .p(.a(.class("button"), .href(SiteRoute.staffNewsNew.path), .text(ctx.t("news.staff.new")))),
            Tables.table(caption: ctx.t("news.staff.title"),
                         headers: [ctx.t("news.staff.field.title"), ctx.t("desktop.language"), ctx.t("news.staff.status"), ctx.t("news.staff.field.scope"),
                                   ctx.t("news.staff.field.publish_at"), ctx.t("news.staff.flags")],
                         rows: rows.map { r in [.a(.href(r.editPath), .text(r.title)), .text(r.language), .text(r.status), .text(r.scope),
                                                .text(r.publishAt), .text(r.flags)] },
                         empty: ctx.t("news.none"))
        ))
    }
}

extension StaffNewsFormPage {
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        let f = m.form
        let title = m.editingID == nil ? ctx.t("news.staff.new") : ctx.t("news.staff.edit")
        let action = m.editingID.map { SiteRoute.staffNewsEntry($0).path } ?? SiteRoute.staffNews.path
        let translation = m.sourceTitle != nil
        return Layout.render(ctx, title: title, main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffNews.path), .text("← " + ctx.t("news.staff.title")))),
            .h1(.text(title)),
            m.notice.map { Components.notice($0, role: "alert") } ?? .empty,
            .if(m.outdated, Components.notice(ctx.t("news.staff.outdated"))),
            m.sourceTitle.map { .p(.text(ctx.t("news.staff.translation_of", ["title": $0]))) } ?? .empty,
            m.livePath.map { .p(.a(.href($0), .text(ctx.t("news.staff.view_live")))) } ?? .empty,
            Forms.errorSummary(f, ctx),
            .form(.method(.post), .action(action), .attribute(named: "enctype", value: "multipart/form-data"), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                .input(.type(.hidden), .name("version"), .value(f["version"])),
                .input(.type(.hidden), .name("translation_of"), .value(f["translation_of"])),
                Forms.select("language", label: ctx.t("desktop.language"), options: m.languages, state: f, ctx: ctx),
                Forms.field("title", label: ctx.t("news.staff.field.title"), state: f, ctx: ctx),
                Forms.textarea("lead", label: ctx.t("news.staff.field.lead"), state: f, hint: ctx.t("news.staff.lead_hint"), ctx: ctx),
                Forms.textarea("body", label: ctx.t("news.staff.field.body"), state: f, hint: ctx.t("kb.staff.markup_hint"), ctx: ctx),
                .if(!translation, .group(
                    Forms.select("scope", label: ctx.t("news.staff.field.scope"), options: m.scopes, state: f, ctx: ctx),
                    Forms.select("audience", label: ctx.t("news.staff.field.audience"), options: m.audiences, state: f,
                                 hint: ctx.t("news.staff.audience_hint"), ctx: ctx),
                    Forms.field("publish_at", label: ctx.t("news.staff.field.publish_at"), type: .datetimeLocal, state: f,
                                hint: ctx.t("news.staff.publish_hint"), ctx: ctx),
                    Forms.field("expires_at", label: ctx.t("news.staff.field.expires_at"), type: .datetimeLocal, state: f, required: false,
                                hint: ctx.t("news.staff.expires_hint"), ctx: ctx))),
                m.picture.map { p in .div(.class("field"), .p(.text(ctx.t("news.staff.current_picture"))),
                                          .img(.src(p.src), .alt(p.alt), .attribute(named: "width", value: "\(min(p.width, 320))"))) } ?? .empty,
                .if(!translation, .group(
                    Forms.imageFile("image", label: ctx.t("news.staff.field.image"), hint: ctx.t("news.staff.image_hint"), state: f),
                    .if(m.picture != nil, Forms.checkbox("remove_image", label: ctx.t("news.staff.remove_image"), state: f)))),
                Forms.field("image_alt", label: ctx.t("news.staff.field.image_alt"), state: f, required: false, hint: ctx.t("news.staff.alt_hint"), ctx: ctx),
                editorialButtons(ctx)),
            m.editingID.map { id in
                editorialMore(versions: SiteRoute.staffNewsVersions(id).path, translate: translation ? nil : SiteRoute.staffNewsNew.with(["translation_of": id]),
                              translations: m.translations, delete: SiteRoute.staffNewsDelete(id).path, deleteLabel: ctx.t("news.staff.delete"), ctx)
            } ?? .empty
        ))
    }
}

/// What every edited text's form ends with: draft, review or publish, and its versions,
/// translations and deletion.
extension StaffNewsFormPage {
    static func editorialButtons(_ ctx: PageContext) -> Node<HTML.FormContext> {
        .div(.class("button-row"),
            .button(.type(.submit), .attribute(named: "name", value: "status"), .attribute(named: "value", value: "draft"), .class("secondary"),
                    .text(ctx.t("kb.staff.save_draft"))),
            .button(.type(.submit), .attribute(named: "name", value: "status"), .attribute(named: "value", value: "review"), .class("secondary"),
                    .text(ctx.t("news.staff.to_review"))),
            .button(.type(.submit), .attribute(named: "name", value: "status"), .attribute(named: "value", value: "published"),
                    .text(ctx.t("news.staff.publish"))))
    }

    static func editorialMore(versions: String, translate: String?, translations: [(label: String, path: String)], delete: String, deleteLabel: String,
                              _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .h2(.text(ctx.t("kb.staff.more"))),
            .ul(.class("link-list"),
                .li(.a(.href(versions), .text(ctx.t("kb.staff.versions")))),
                translate.map { .li(.a(.href($0), .text(ctx.t("kb.staff.translate")))) } ?? .empty,
                .forEach(translations) { t in .li(.a(.href(t.path), .text(t.label))) }),
            Forms.button(delete, label: deleteLabel, style: .danger, ctx: ctx))
    }
}
