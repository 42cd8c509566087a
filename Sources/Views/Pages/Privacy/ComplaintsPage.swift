import Plot

/// `/complaints`: a complaint or request about the service, to the office of the postal code
/// given (else the centre), answered within a month; after sending, its reference and deadline.
public enum ComplaintsPage {
    public struct Model: Sendable {
        public let form: FormState
        /// After sending: the reference and the date the answer is due.
        public let sent: (reference: String, due: String)?
        public init(form: FormState, sent: (reference: String, due: String)? = nil) { self.form = form; self.sent = sent }
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("complaints.title"), main: .group(
            .h1(.text(ctx.t("complaints.title"))),
            .unwrap(m.sent) { s in
                Components.notice(ctx.t("complaints.sent", ["reference": s.reference, "due": s.due]))
            },
            .if(m.sent == nil, .group(
                .p(.text(ctx.t("complaints.intro"))),
                Forms.errorSummary(m.form, ctx),
                .form(.method(.post), .action(SiteRoute.complaints.path), .attribute(named: "novalidate", value: "novalidate"),
                    Forms.csrf(ctx),
                    Forms.field("name", label: ctx.t("complaints.name"), state: m.form, autocomplete: "name", ctx: ctx),
                    Forms.field("email", label: ctx.t("form.email"), type: .email, state: m.form, autocomplete: "email", ctx: ctx),
                    Forms.field("postal_code", label: ctx.t("form.postal_code"), state: m.form, required: false, autocomplete: "postal-code",
                                hint: ctx.t("complaints.postal_hint"), ctx: ctx),
                    Forms.textarea("text", label: ctx.t("complaints.text"), state: m.form, hint: ctx.t("complaints.text_hint"), ctx: ctx),
                    Forms.trap(ctx),
                    .p(.class("hint"), .a(.href(SiteRoute.privacy.path), .text(ctx.t("consent.read_policy")))),
                    .button(.type(.submit), .text(ctx.t("complaints.submit"))))))
        ))
    }
}
