import Plot

enum ForumParts {
    static func paragraphs(_ ps: [String]) -> Node<HTML.BodyContext> {
        .forEach(ps) { .p(.text($0)) }
    }

    /// Why a reader reports a post (one select per post, so each has its own id).
    static func reportReason(_ post: String, _ ctx: PageContext) -> Node<HTML.FormContext> {
        let id = "reason-" + post
        return .div(.class("field"), .label(.for(id), .text(ctx.t("forum.report_reason"))),
                    .element(named: "select", nodes: [.attribute(named: "id", value: id), .attribute(named: "name", value: "reason")]
                             + ForumReport.reasons.map { r in .raw("<option value=\"" + r + "\">" + Markup.escape(ctx.t("forum.report_reason." + r)) + "</option>") }))
    }

    static func breadcrumb(_ items: [(path: String, label: String)]) -> Node<HTML.BodyContext> {
        .nav(.class("breadcrumb"), .attribute(named: "aria-label", value: "breadcrumb"),
             .forEach(Array(items.enumerated())) { i, item in .group(.if(i > 0, .text(" › ")), .a(.href(item.path), .text(item.label))) })
    }

    /// The fields a member writes in: nickname (first post), title (a new thread), text,
    /// replies by e-mail, and — when the text looked like personal data — the confirmation.
    static func fields(_ w: ForumWriting, title: Bool, _ ctx: PageContext) -> Node<HTML.FormContext> {
        .group(
            .if(w.needsNickname, Forms.field("nickname", label: ctx.t("forum.field.nickname"), state: w.form, autocomplete: "nickname",
                                             hint: ctx.t("forum.field.nickname_hint"), ctx: ctx)),
            .if(title, Forms.field("title", label: ctx.t("forum.field.title"), state: w.form, ctx: ctx)),
            Forms.textarea("body", label: ctx.t("forum.field.body"), state: w.form, hint: ctx.t("forum.field.body_hint"), ctx: ctx),
            Forms.checkbox("notify", label: ctx.t("forum.field.notify"), state: w.form),
            .if(!w.warning.isEmpty, Forms.checkbox("confirm", label: ctx.t("forum.field.confirm"), state: w.form))
        )
    }

    static func warning(_ w: ForumWriting, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        guard !w.warning.isEmpty else { return .empty }
        return .div(.class("notice warning"), .attribute(named: "role", value: "alert"),
                    .p(.text(ctx.t("forum.warning.lead"))), .ul(.forEach(w.warning) { .li(.text($0)) }), .p(.text(ctx.t("forum.warning.ask"))))
    }
}

extension ForumHomePage {
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        func list(_ cs: [Category]) -> Node<HTML.BodyContext> {
            .ul(.class("offer-list"), .forEach(cs) { c in
                .li(.h3(.a(.href(c.path), .text(c.name))), .p(.text(c.hint)),
                    .p(.class("meta"), .text(ctx.plural("forum.threads_count", c.threads, ["count": "\(c.threads)"]))))
            })
        }
        return Layout.render(ctx, title: ctx.t("forum.title"), main: .group(
            .h1(.text(ctx.t("forum.title"))),
            .p(.text(ctx.t("forum.lead"))),
            .p(.a(.href(SiteRoute.forumRules.path), .text(ctx.t("forum.rules.title")))),
            .form(.method(.get), .action(SiteRoute.forumSearch.path), .attribute(named: "role", value: "search"),
                  .div(.class("field"), .label(.for("forum-q"), .text(ctx.t("forum.search.label"))),
                       .input(.type(.search), .id("forum-q"), .name("q"))),
                  .button(.type(.submit), .text(ctx.t("forum.search.submit")))),
            m.ownOffice.map { c in .group(.h2(.text(ctx.t("forum.own_office"))), list([c])) } ?? .empty,
            .h2(.text(ctx.t("forum.shared"))),
            list(m.shared),
            .h2(.text(ctx.t("forum.offices"))),
            m.offices.isEmpty ? .p(.text(ctx.t("forum.offices_empty"))) : list(m.offices),
            .p(.class("hint"), .text(ctx.t("forum.offices_hint")))
        ))
    }
}

extension ForumCategoryPage {
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: m.name, main: .group(
            ForumParts.breadcrumb([(SiteRoute.forum.path, ctx.t("forum.title"))]),
            .h1(.text(m.name)),
            .p(.text(m.hint)),
            m.notice.map { Components.notice($0) } ?? .empty,
            m.signedIn ? .p(.a(.class("button"), .href(SiteRoute.forumNewThread(m.slug).path), .text(ctx.t("forum.new_thread"))))
                : .p(.text(ctx.t("forum.sign_in_to_write") + " "), .a(.href(SiteRoute.login.path), .text(ctx.t("nav.login")))),
            Tables.table(caption: m.name, headers: [ctx.t("forum.thread"), ctx.t("forum.started_by"), ctx.t("forum.replies"), ctx.t("forum.last_post")],
                         rows: m.threads.map { t in
                             [.group(.a(.href(t.path), .text(t.title)), .if(t.locked, .span(.class("meta"), .text(" (" + ctx.t("forum.locked_short") + ")")))),
                              .text(t.author), .text("\(t.replies)"), .text(t.lastPost)]
                         }, empty: ctx.t("forum.no_threads")),
            Components.pagination(path: SiteRoute.forumCategory(m.slug).path, total: m.total, page: m.page, perPage: m.perPage, ctx)
        ))
    }
}

extension ForumNewThreadPage {
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("forum.new_thread"), main: .group(
            ForumParts.breadcrumb([(SiteRoute.forum.path, ctx.t("forum.title")), (SiteRoute.forumCategory(m.slug).path, m.categoryName)]),
            .h1(.text(ctx.t("forum.new_thread"))),
            .p(.text(ctx.t("forum.write_lead") + " "), .a(.href(SiteRoute.forumRules.path), .text(ctx.t("forum.rules.title")))),
            Forms.errorSummary(m.writing.form, ctx),
            ForumParts.warning(m.writing, ctx),
            .form(.method(.post), .action(SiteRoute.forumNewThread(m.slug).path), .attribute(named: "novalidate", value: "novalidate"),
                  Forms.csrf(ctx), ForumParts.fields(m.writing, title: true, ctx),
                  .button(.type(.submit), .text(ctx.t("forum.publish"))))
        ))
    }
}

extension ForumThreadPage {
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: m.title, main: .group(
            ForumParts.breadcrumb([(SiteRoute.forum.path, ctx.t("forum.title")), (m.categoryPath, m.categoryName)]),
            .h1(.text(m.title)),
            .if(m.locked, Components.notice(ctx.t("forum.locked"))),
            m.notice.map { Components.notice($0) } ?? .empty,
            m.error.map { Components.notice($0, role: "alert") } ?? .empty,
            .forEach(m.posts) { p in
                .article(.class("forum-post"), .id("post-" + p.id), .attribute(named: "aria-labelledby", value: "post-" + p.id + "-by"),
                    .h2(.id("post-" + p.id + "-by"), .class("meta"), .text(p.author + " · " + p.date)),
                    ForumParts.paragraphs(p.paragraphs),
                    p.note.map { .p(.class("hint"), .text($0)) } ?? .empty,
                    .if(p.mayReport, .details(.summary(.text(ctx.t("forum.report"))),
                        .form(.method(.post), .action(SiteRoute.forumReport(p.id).path), Forms.csrf(ctx),
                              ForumParts.reportReason(p.id, ctx),
                              .button(.type(.submit), .text(ctx.t("forum.report_send"))))))
                )
            },
            m.subscribed.map { on in
                Forms.button(SiteRoute.forumNotifications(m.id).path, label: ctx.t(on ? "forum.notify_off" : "forum.notify_on"),
                             hidden: [("on", on ? "0" : "1")], style: .secondary, ctx: ctx)
            } ?? .empty,
            m.reply.map { w in
                .section(.attribute(named: "aria-labelledby", value: "reply-heading"),
                    .h2(.id("reply-heading"), .text(ctx.t("forum.reply"))),
                    Forms.errorSummary(w.form, ctx),
                    ForumParts.warning(w, ctx),
                    .form(.method(.post), .action(SiteRoute.forumReply(m.id).path), .attribute(named: "novalidate", value: "novalidate"),
                          Forms.csrf(ctx), ForumParts.fields(w, title: false, ctx),
                          .button(.type(.submit), .text(ctx.t("forum.publish")))))
            } ?? (m.signedIn || m.locked ? .empty : .p(.text(ctx.t("forum.sign_in_to_write") + " "), .a(.href(SiteRoute.login.path), .text(ctx.t("nav.login")))))
        ))
    }
}

extension ForumSearchPage {
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("forum.search.title"), main: .group(
            ForumParts.breadcrumb([(SiteRoute.forum.path, ctx.t("forum.title"))]),
            .h1(.text(ctx.t("forum.search.title"))),
            .form(.method(.get), .action(SiteRoute.forumSearch.path), .attribute(named: "role", value: "search"),
                  Forms.field("q", label: ctx.t("forum.search.label"), type: .search, state: FormState(values: ["q": m.query],
                              errors: m.error.map { [("q", $0)] } ?? []), ctx: ctx),
                  .button(.type(.submit), .text(ctx.t("forum.search.submit")))),
            m.hits.map { hits in
                hits.isEmpty ? .p(.text(ctx.t("forum.search.none"))) : .ul(.class("offer-list"), .forEach(hits) { h in
                    .li(.h2(.a(.href(h.path), .text(h.title))), .p(.text(h.excerpt)), .p(.class("meta"), .text(h.date)))
                })
            } ?? .empty
        ))
    }
}

public enum ForumRulesPage {}

/// The reasons a reader may give for a report.
public enum ForumReport {
    public static let reasons = ["spam", "offensive", "personal_data", "other"]
}

extension ForumRulesPage {
    /// The house rules, numbered, in the reader's language.
    public static let ruleKeys = (1...7).map { "forum.rules.\($0)" }

    public static func render(_ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("forum.rules.title"), main: .group(
            ForumParts.breadcrumb([(SiteRoute.forum.path, ctx.t("forum.title"))]),
            .h1(.text(ctx.t("forum.rules.title"))),
            .ol(.forEach(ruleKeys) { .li(.text(ctx.t($0))) }),
            .p(.text(ctx.t("forum.rules.moderation")))
        ))
    }
}

extension StaffForumQueue {
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("forum.staff.title"), main: .group(
            .h1(.text(ctx.t("forum.staff.title"))),
            .h2(.text(ctx.t("forum.staff.waiting"))),
            Tables.table(caption: ctx.t("forum.staff.waiting"),
                         headers: [ctx.t("forum.thread"), ctx.t("forum.staff.category"), ctx.t("forum.staff.author"), ctx.t("forum.staff.excerpt"),
                                   ctx.t("forum.staff.state"), ctx.t("forum.staff.date")],
                         rows: m.waiting.map { r in [.a(.href(r.path), .text(r.thread)), .text(r.category), .text(r.author), .text(r.excerpt), .text(r.state), .text(r.date)] },
                         empty: ctx.t("forum.staff.nothing_waiting")),
            .h2(.text(ctx.t("forum.staff.threads"))),
            Tables.table(caption: ctx.t("forum.staff.threads"),
                         headers: [ctx.t("forum.thread"), ctx.t("forum.staff.category"), ctx.t("forum.last_post")],
                         rows: m.threads.map { t in [.a(.href(t.path), .text(t.title)), .text(t.category), .text(t.date)] },
                         empty: ctx.t("forum.no_threads"))
        ))
    }
}

extension StaffForumPostPage {
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("forum.staff.post"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffForum.path), .text("← " + ctx.t("forum.staff.title")))),
            .h1(.text(ctx.t("forum.staff.post"))),
            m.notice.map { Components.notice($0) } ?? .empty,
            Forms.errorSummary(m.form, ctx),
            .dl(Components.fact(ctx.t("forum.thread"), m.threadTitle, unknown: ""), Components.fact(ctx.t("forum.staff.category"), m.category, unknown: ""),
                Components.fact(ctx.t("forum.staff.author"), m.author, unknown: ""), Components.fact(ctx.t("forum.staff.date"), m.date, unknown: ""),
                Components.fact(ctx.t("forum.staff.state"), m.state, unknown: "")),
            .p(.a(.href(m.threadPath), .text(ctx.t("forum.staff.open_thread")))),
            .section(.attribute(named: "aria-labelledby", value: "text-heading"), .h2(.id("text-heading"), .text(ctx.t("forum.field.body"))),
                     ForumParts.paragraphs(m.paragraphs)),
            .if(!m.reports.isEmpty, .group(.h2(.text(ctx.t("forum.staff.reports"))), .ul(.forEach(m.reports) { .li(.text($0)) }))),
            .h2(.text(ctx.t("forum.staff.decide"))),
            .form(.method(.post), .action(SiteRoute.staffForumDecision(m.id).path), .attribute(named: "novalidate", value: "novalidate"),
                  Forms.csrf(ctx),
                  Forms.select("decision", label: ctx.t("forum.staff.decision"),
                               options: [("approve", ctx.t("forum.staff.decision.approve")), ("hide", ctx.t("forum.staff.decision.hide"))], state: m.form, ctx: ctx),
                  Forms.field("reason", label: ctx.t("forum.staff.reason"), state: m.form, required: false, hint: ctx.t("forum.staff.reason_hint"), ctx: ctx),
                  .button(.type(.submit), .text(ctx.t("forum.staff.save_decision")))),
            .h2(.text(ctx.t("forum.staff.edit"))),
            .form(.method(.post), .action(SiteRoute.staffForumPost(m.id).path), .attribute(named: "novalidate", value: "novalidate"),
                  Forms.csrf(ctx),
                  Forms.textarea("body", label: ctx.t("forum.field.body"), state: m.form, ctx: ctx),
                  Forms.field("edit_reason", label: ctx.t("forum.staff.edit_reason"), state: m.form, ctx: ctx),
                  .button(.type(.submit), .text(ctx.t("forum.staff.save_edit"))))
        ))
    }
}

extension StaffForumThreadPage {
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: m.title, main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffForum.path), .text("← " + ctx.t("forum.staff.title")))),
            .h1(.text(m.title)),
            m.notice.map { Components.notice($0) } ?? .empty,
            Forms.errorSummary(m.form, ctx),
            .p(.text(m.category + " · "), .a(.href(m.publicPath), .text(ctx.t("forum.staff.public_page")))),
            .if(m.locked, Components.notice(ctx.t("forum.locked"))),
            Tables.table(caption: ctx.t("forum.staff.posts"),
                         headers: [ctx.t("forum.staff.author"), ctx.t("forum.staff.excerpt"), ctx.t("forum.staff.state"), ctx.t("forum.staff.date")],
                         rows: m.posts.map { r in [.a(.href(r.path), .text(r.author)), .text(r.excerpt), .text(r.state), .text(r.date)] },
                         empty: ctx.t("forum.no_threads")),
            .h2(.text(ctx.t("forum.staff.thread_actions"))),
            .form(.method(.post), .action(SiteRoute.staffForumThread(m.id).path), .attribute(named: "novalidate", value: "novalidate"),
                  Forms.csrf(ctx),
                  Forms.checkbox("locked", label: ctx.t("forum.staff.locked"), state: m.form),
                  Forms.select("category", label: ctx.t("forum.staff.move_to"), options: m.categories, state: m.form, ctx: ctx),
                  Forms.field("reason", label: ctx.t("forum.staff.reason"), state: m.form, ctx: ctx),
                  .button(.type(.submit), .text(ctx.t("forum.staff.save_thread"))))
        ))
    }
}
