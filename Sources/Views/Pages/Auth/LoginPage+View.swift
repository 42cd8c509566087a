import Plot

public enum LoginPage {
    public struct Model: Sendable {
        public let form: FormState
        public let notice: String?
        public init(form: FormState, notice: String? = nil) { self.form = form; self.notice = notice }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("login.title"), main: .group(
            .h1(.text(ctx.t("login.title"))),
            .if(model.notice != nil, Components.notice(model.notice ?? "")),
            Forms.errorSummary(model.form, ctx),
            .form(.method(.post), .action(SiteRoute.login.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                Forms.field("email", label: ctx.t("form.email"), type: .email, state: model.form, autocomplete: "username", ctx: ctx),
                Forms.field("password", label: ctx.t("form.password"), type: .password, state: model.form,
                            autocomplete: "current-password", ctx: ctx),
                .button(.type(.submit), .text(ctx.t("login.submit")))),
            .p(.a(.href(SiteRoute.forgotPassword.path), .text(ctx.t("login.forgot")))),
            .p(.text(ctx.t("login.no_account") + " "), .a(.href(SiteRoute.register.path), .text(ctx.t("nav.register"))))
        ))
    }
}
