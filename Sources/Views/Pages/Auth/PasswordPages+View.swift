import Plot

/// "Forgot password" (ask for a link) and "reset password" (choose a new one with the link).
public enum PasswordPages {
    public static func forgot(_ form: FormState, notice: String?, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("forgot.title"), main: .group(
            .h1(.text(ctx.t("forgot.title"))),
            .if(notice != nil, Components.notice(notice ?? "")),
            .p(.text(ctx.t("forgot.intro"))),
            Forms.errorSummary(form, ctx),
            .form(.method(.post), .action(SiteRoute.forgotPassword.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                Forms.field("email", label: ctx.t("form.email"), type: .email, state: form, autocomplete: "email", ctx: ctx),
                .button(.type(.submit), .text(ctx.t("forgot.submit"))))
        ))
    }

    public static func reset(_ form: FormState, token: String, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("reset.title"), main: .group(
            .h1(.text(ctx.t("reset.title"))),
            Forms.errorSummary(form, ctx),
            .form(.method(.post), .action(SiteRoute.resetPassword.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                .input(.type(.hidden), .name("token"), .value(token)),
                Forms.field("password", label: ctx.t("form.new_password"), type: .password, state: form, autocomplete: "new-password",
                            hint: ctx.t("form.password_hint", ["min": "10"]), ctx: ctx),
                .button(.type(.submit), .text(ctx.t("reset.submit"))))
        ))
    }
}
