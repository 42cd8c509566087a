import Plot

public enum RegisterEmployerPage {
    public static func render(_ form: FormState, consent: ConsentPrompt, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("employer.title"), main: .group(
            .h1(.text(ctx.t("employer.title"))),
            .p(.text(ctx.t("employer.intro"))),
            Forms.errorSummary(form, ctx),
            .form(.method(.post), .action(SiteRoute.registerEmployer.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                .fieldset(.element(named: "legend", nodes: [Node<HTML.BodyContext>.text(ctx.t("register.account_legend"))]),
                    Forms.field("email", label: ctx.t("form.email"), type: .email, state: form, autocomplete: "email", ctx: ctx),
                    Forms.field("password", label: ctx.t("form.password"), type: .password, state: form, autocomplete: "new-password",
                                hint: ctx.t("form.password_hint", ["min": "10"]), ctx: ctx),
                    Forms.field("contact_person", label: ctx.t("employer.contact_person"), state: form, autocomplete: "name", ctx: ctx)),
                .fieldset(.element(named: "legend", nodes: [Node<HTML.BodyContext>.text(ctx.t("employer.company_legend"))]),
                    Forms.field("company_name", label: ctx.t("employer.company_name"), state: form, autocomplete: "organization", ctx: ctx),
                    Forms.field("nip", label: "NIP", state: form, required: false, hint: ctx.t("employer.nip_regon_hint"), ctx: ctx),
                    Forms.field("regon", label: "REGON", state: form, required: false, ctx: ctx),
                    Forms.field("street", label: ctx.t("form.street"), state: form, autocomplete: "address-line1", ctx: ctx),
                    Forms.field("house_number", label: ctx.t("form.house_number"), state: form, ctx: ctx),
                    Forms.field("postal_code", label: ctx.t("form.postal_code"), state: form, autocomplete: "postal-code", ctx: ctx),
                    Forms.field("locality", label: ctx.t("form.locality"), state: form, autocomplete: "address-level2", ctx: ctx)),
                Forms.consent("consent", consent, required: true, state: form, ctx: ctx),
                .button(.type(.submit), .text(ctx.t("register.submit")))),
            .p(.text(ctx.t("register.have_account") + " "), .a(.href(SiteRoute.login.path), .text(ctx.t("nav.login"))))
        ))
    }
}
