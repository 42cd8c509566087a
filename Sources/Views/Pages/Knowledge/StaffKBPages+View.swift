import Plot

/// Editors' list of knowledge-base entries in their scope, with what needs attention: drafts,
/// translations behind their source, entries marked for review; and the searches that found
/// nothing and the most helpful entries.
public enum StaffKBListPage {
    public struct Row: Sendable {
        public let id: String, title: String, language: String, status: String, scope: String, flags: String, updated: String
        public init(id: String, title: String, language: String, status: String, scope: String, flags: String, updated: String) {
            self.id = id; self.title = title; self.language = language; self.status = status; self.scope = scope; self.flags = flags; self.updated = updated
        }
    }

    public struct Model: Sendable {
        public let rows: [Row]
        public let misses: [(query: String, language: String, count: Int)]
        public let helpful: [(title: String, yes: Int, no: Int)]
        public let notice: String?
        public init(rows: [Row], misses: [(query: String, language: String, count: Int)], helpful: [(title: String, yes: Int, no: Int)], notice: String?) {
            self.rows = rows; self.misses = misses; self.helpful = helpful; self.notice = notice
        }
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("kb.staff.title"), main: .group(
            .h1(.text(ctx.t("kb.staff.title"))),
            m.notice.map { Components.notice($0) } ?? .empty,
            .p(.a(.href(SiteRoute.staffKBNew.path), .text(ctx.t("kb.staff.new")))),
            Tables.table(caption: ctx.t("kb.staff.entries"),
                         headers: [ctx.t("kb.staff.question"), ctx.t("desktop.language"), ctx.t("kb.staff.status"), ctx.t("faq.scope"),
                                   ctx.t("kb.staff.attention"), ctx.t("faq.updated")],
                         rows: m.rows.map { r in
                             [.a(.href(SiteRoute.staffKBEdit(r.id).path), .text(r.title)), .text(r.language), .text(r.status), .text(r.scope), .text(r.flags), .text(r.updated)]
                         }, empty: ctx.t("kb.staff.none")),
            .h2(.text(ctx.t("kb.staff.misses"))),
            Tables.table(caption: ctx.t("kb.staff.misses"), headers: [ctx.t("faq.search.q"), ctx.t("desktop.language"), ctx.t("kb.staff.times")],
                         rows: m.misses.map { [.text($0.query), .text($0.language), .text("\($0.count)")] }, empty: ctx.t("kb.staff.no_misses")),
            .h2(.text(ctx.t("kb.staff.most_helpful"))),
            Tables.table(caption: ctx.t("kb.staff.most_helpful"), headers: [ctx.t("kb.staff.question"), ctx.t("faq.yes"), ctx.t("faq.no")],
                         rows: m.helpful.map { [.text($0.title), .text("\($0.yes)"), .text("\($0.no)")] }, empty: ctx.t("kb.staff.no_votes"))
        ))
    }
}

/// The entry editor: every field, saved as a draft or published (the review step), with the
/// version it was opened at so a colleague's save in between is not overwritten.
public enum StaffKBFormPage {
    public struct Model: Sendable {
        public let form: FormState
        /// nil: a new entry.
        public let editingID: String?
        public let kinds: [(value: String, label: String)]
        public let categories: [(value: String, label: String)]
        public let languages: [(value: String, label: String)]
        public let offices: [(value: String, label: String)]
        /// National entries may be chosen (national editors).
        public let allowNational: Bool
        public let sourceTitle: String?
        public let outdated: Bool
        public let translations: [(label: String, path: String)]
        public let conflict: String?
        public init(form: FormState, editingID: String?, kinds: [(value: String, label: String)], categories: [(value: String, label: String)],
                    languages: [(value: String, label: String)], offices: [(value: String, label: String)], allowNational: Bool,
                    sourceTitle: String?, outdated: Bool, translations: [(label: String, path: String)], conflict: String?) {
            self.form = form; self.editingID = editingID; self.kinds = kinds; self.categories = categories; self.languages = languages
            self.offices = offices; self.allowNational = allowNational; self.sourceTitle = sourceTitle; self.outdated = outdated
            self.translations = translations; self.conflict = conflict
        }
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        let f = m.form
        let title = m.editingID == nil ? ctx.t("kb.staff.new") : ctx.t("kb.staff.edit")
        let action = m.editingID.map { SiteRoute.staffKBEntry($0).path } ?? SiteRoute.staffKB.path
        return Layout.render(ctx, title: title, main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffKB.path), .text("← " + ctx.t("kb.staff.title")))),
            .h1(.text(title)),
            m.conflict.map { Components.notice($0, role: "alert") } ?? .empty,
            .if(m.outdated, Components.notice(ctx.t("kb.staff.outdated"))),
            m.sourceTitle.map { .p(.text(ctx.t("kb.staff.translation_of", ["title": $0]))) } ?? .empty,
            Forms.errorSummary(f, ctx),
            .form(.method(.post), .action(action), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                .input(.type(.hidden), .name("version"), .value(f["version"])),
                .input(.type(.hidden), .name("translation_of"), .value(f["translation_of"])),
                Forms.select("kind", label: ctx.t("kb.staff.kind"), options: m.kinds, state: f, ctx: ctx),
                Forms.select("category", label: ctx.t("faq.search.category"), options: m.categories, state: f, ctx: ctx),
                Forms.select("language", label: ctx.t("desktop.language"), options: m.languages, state: f, ctx: ctx),
                Forms.select("office_id", label: ctx.t("faq.scope"), options: m.offices, state: f,
                             blank: m.allowNational ? ctx.t("faq.national") : nil, ctx: ctx),
                Forms.field("title", label: ctx.t("kb.staff.question"), state: f, ctx: ctx),
                Forms.textarea("body", label: ctx.t("kb.staff.answer"), state: f, hint: ctx.t("kb.staff.markup_hint"), ctx: ctx),
                Forms.field("tags", label: ctx.t("kb.staff.tags"), state: f, required: false, hint: ctx.t("kb.staff.tags_hint"), ctx: ctx),
                Forms.field("legal_basis", label: ctx.t("faq.legal_basis"), state: f, required: false, ctx: ctx),
                Forms.textarea("internal_note", label: ctx.t("kb.staff.internal_note"), state: f, hint: ctx.t("kb.staff.internal_note_hint"),
                               required: false, ctx: ctx),
                Forms.field("valid_from", label: ctx.t("kb.staff.valid_from"), type: .date, state: f, required: false, ctx: ctx),
                Forms.field("valid_until", label: ctx.t("kb.staff.valid_until"), type: .date, state: f, required: false, ctx: ctx),
                Forms.checkbox("needs_review", label: ctx.t("kb.staff.needs_review"), state: f),
                Forms.checkbox("phone", label: ctx.t("kb.staff.phone"), state: f),
                .div(.class("button-row"),
                    .button(.type(.submit), .attribute(named: "name", value: "status"), .attribute(named: "value", value: "draft"), .class("secondary"), .text(ctx.t("kb.staff.save_draft"))),
                    .button(.type(.submit), .attribute(named: "name", value: "status"), .attribute(named: "value", value: "published"), .text(ctx.t("kb.staff.publish"))))),
            m.editingID.map { id in
                .group(
                    .h2(.text(ctx.t("kb.staff.more"))),
                    .ul(.class("link-list"),
                        .li(.a(.href(SiteRoute.staffKBVersions(id).path), .text(ctx.t("kb.staff.versions")))),
                        .if(m.sourceTitle == nil, .li(.a(.href(SiteRoute.staffKBNew.with(["translation_of": id])), .text(ctx.t("kb.staff.translate"))))),
                        .forEach(m.translations) { t in .li(.a(.href(t.path), .text(t.label))) }),
                    Forms.button(SiteRoute.staffKBDelete(id).path, label: ctx.t("kb.staff.delete"), ctx: ctx))
            } ?? .empty
        ))
    }
}

/// Every saved version of an entry: who, when, the status and the text then.
public enum StaffKBVersionsPage {
    public struct Version: Sendable {
        public let number: Int, when: String, who: String, status: String, title: String, body: String
        public init(number: Int, when: String, who: String, status: String, title: String, body: String) {
            self.number = number; self.when = when; self.who = who; self.status = status; self.title = title; self.body = body
        }
    }

    public static func render(id: String, title: String, versions: [Version], _ ctx: PageContext) -> String {
        render(backPath: SiteRoute.staffKBEdit(id).path, title: title, versions: versions, ctx)
    }

    /// The versions of any edited text (an entry, a news item), back to `backPath`.
    public static func render(backPath: String, title: String, versions: [Version], _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("kb.staff.versions"), main: .group(
            .p(.class("breadcrumb"), .a(.href(backPath), .text("← " + title))),
            .h1(.text(ctx.t("kb.staff.versions"))),
            .ol(.class("offer-list"), .forEach(versions) { v in
                .li(.article(
                    .h2(.text(ctx.t("kb.staff.version", ["number": "\(v.number)", "when": v.when, "who": v.who]))),
                    .p(.class("hint"), .text(v.status)),
                    .h3(.text(v.title)),
                    .p(.class("prewrap"), .text(v.body))))
            })
        ))
    }
}
