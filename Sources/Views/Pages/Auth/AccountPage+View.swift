import Plot

public enum AccountPage {
    public struct Model: Sendable {
        public let email: String
        public let emailVerified: Bool
        public let name: String?
        public let address: String?
        public let passwordForm: FormState
        public let notice: String?
        public init(email: String, emailVerified: Bool, name: String?, address: String?, passwordForm: FormState, notice: String?) {
            self.email = email; self.emailVerified = emailVerified; self.name = name; self.address = address
            self.passwordForm = passwordForm; self.notice = notice
        }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let unknown = ctx.t("offices.unknown")
        return Layout.render(ctx, title: ctx.t("account.title"), main: .group(
            .h1(.text(ctx.t("account.title"))),
            .if(model.notice != nil, Components.notice(model.notice ?? "")),
            .dl(.class("facts"),
                Components.fact(ctx.t("form.email"), model.email, unknown: unknown),
                Components.fact(ctx.t("account.email_status"),
                                ctx.t(model.emailVerified ? "account.email_verified" : "account.email_unverified"), unknown: unknown),
                Components.fact(ctx.t("account.name"), model.name, unknown: unknown),
                Components.fact(ctx.t("offices.address"), model.address, unknown: unknown)),
            .h2(.id("password-heading"), .text(ctx.t("account.change_password"))),
            Forms.errorSummary(model.passwordForm, ctx),
            .form(.method(.post), .action(SiteRoute.account.path + "/password"), .attribute(named: "aria-labelledby", value: "password-heading"),
                  .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                Forms.field("current_password", label: ctx.t("form.current_password"), type: .password, state: model.passwordForm,
                            autocomplete: "current-password", ctx: ctx),
                Forms.field("password", label: ctx.t("form.new_password"), type: .password, state: model.passwordForm,
                            autocomplete: "new-password", hint: ctx.t("form.password_hint", ["min": "10"]), ctx: ctx),
                .button(.type(.submit), .text(ctx.t("account.change_password"))))
        ))
    }
}
