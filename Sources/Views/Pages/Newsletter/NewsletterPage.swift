import Plot

/// The newsletter for visitors: subscribe (e-mail and language; confirmed by a link sent by
/// e-mail), and the pages of the confirmation and unsubscribe links.
public enum NewsletterPage {
    public enum State: Sendable { case form, requested, confirmed, unsubscribed, badLink }

    public struct Model: Sendable {
        public let form: FormState
        public let languages: [(value: String, label: String)]
        public let state: State
        /// The consent the subscription gives (confirmed by the link in the e-mail).
        public var consent: ConsentPrompt?
        public init(form: FormState, languages: [(value: String, label: String)], state: State = .form) {
            self.form = form; self.languages = languages; self.state = state
        }
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("newsletter.title"), main: .group(
            .h1(.text(ctx.t("newsletter.title"))),
            message(m.state, ctx),
            .if(m.state == .form || m.state == .badLink, .group(
                .p(.text(ctx.t("newsletter.intro"))),
                Forms.errorSummary(m.form, ctx),
                .form(.method(.post), .action(SiteRoute.newsletter.path), .attribute(named: "novalidate", value: "novalidate"),
                    Forms.csrf(ctx),
                    Forms.field("email", label: ctx.t("form.email"), type: .email, state: m.form, autocomplete: "email", ctx: ctx),
                    Forms.select("language", label: ctx.t("newsletter.language"), options: m.languages, state: m.form, ctx: ctx),
                    Forms.trap(ctx),
                    .unwrap(m.consent) { c in
                        .p(.class("hint"), .text(ctx.t(c.key) + " "), .a(.href(SiteRoute.privacy.path), .text(ctx.t("consent.read_policy"))))
                    },
                    .button(.type(.submit), .text(ctx.t("newsletter.subscribe"))))))
        ))
    }

    static func message(_ state: State, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        switch state {
        case .form: .empty
        case .requested: Components.notice(ctx.t("newsletter.requested"))
        case .confirmed: Components.notice(ctx.t("newsletter.confirmed"))
        case .unsubscribed: Components.notice(ctx.t("newsletter.unsubscribed"))
        case .badLink: Components.notice(ctx.t("newsletter.bad_link"), role: "alert")
        }
    }
}
