import Plot

/// National editors' newsletter page: subscribers per language, the editions sent or being
/// sent, and the form for a new edition (it goes out in batches once saved).
public enum NewsletterAdminPage {
    public struct Row: Sendable {
        public let subject: String
        public let language: String
        public let created: String
        public let state: String
        public init(subject: String, language: String, created: String, state: String) {
            self.subject = subject; self.language = language; self.created = created; self.state = state
        }
    }

    public struct Model: Sendable {
        public let form: FormState
        public let languages: [(value: String, label: String)]
        public let subscribers: [(language: String, count: Int)]
        public let editions: [Row]
        public let notice: String?
        public init(form: FormState, languages: [(value: String, label: String)], subscribers: [(language: String, count: Int)], editions: [Row],
                    notice: String?) {
            self.form = form; self.languages = languages; self.subscribers = subscribers; self.editions = editions; self.notice = notice
        }
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("newsletter.staff_title"), main: .group(
            .h1(.text(ctx.t("newsletter.staff_title"))),
            m.notice.map { Components.notice($0) } ?? .empty,
            .section(.attribute(named: "aria-labelledby", value: "subscribers-heading"),
                .h2(.id("subscribers-heading"), .text(ctx.t("newsletter.staff_subscribers"))),
                .ul(.forEach(m.subscribers) { s in .li(.text("\(s.language): \(s.count)")) })),
            .section(.attribute(named: "aria-labelledby", value: "editions-heading"),
                .h2(.id("editions-heading"), .text(ctx.t("newsletter.staff_editions"))),
                m.editions.isEmpty ? .p(.class("empty"), .text(ctx.t("newsletter.staff_none"))) :
                .table(
                    .thead(.tr(.th(.text(ctx.t("newsletter.staff_subject"))), .th(.text(ctx.t("newsletter.language"))),
                               .th(.text(ctx.t("newsletter.staff_created"))), .th(.text(ctx.t("newsletter.staff_state"))))),
                    .tbody(.forEach(m.editions) { r in .tr(.td(.text(r.subject)), .td(.text(r.language)), .td(.text(r.created)), .td(.text(r.state))) }))),
            .section(.attribute(named: "aria-labelledby", value: "new-heading"),
                .h2(.id("new-heading"), .text(ctx.t("newsletter.staff_new"))),
                Forms.errorSummary(m.form, ctx),
                .form(.method(.post), .action(SiteRoute.staffNewsletter.path), .attribute(named: "novalidate", value: "novalidate"),
                    Forms.csrf(ctx),
                    Forms.select("language", label: ctx.t("newsletter.language"), options: m.languages, state: m.form, ctx: ctx),
                    Forms.field("subject", label: ctx.t("newsletter.staff_subject"), state: m.form, ctx: ctx),
                    Forms.textarea("body", label: ctx.t("newsletter.staff_body"), state: m.form, hint: ctx.t("newsletter.staff_body_hint"), ctx: ctx),
                    .button(.type(.submit), .text(ctx.t("newsletter.staff_send")))))
        ))
    }
}
