import Plot

extension RegisterPage {
    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let f = model.form
        let selected = f["voivodeship"]
        let wojError = f.error("voivodeship")
        return Layout.render(ctx, title: ctx.t("register.title"), main: .group(
            .h1(.text(ctx.t("register.title"))),
            .p(.text(ctx.t("register.intro"))),
            .p(.text(ctx.t("register.employer_prompt") + " "), .a(.href(SiteRoute.registerEmployer.path), .text(ctx.t("employer.title")))),
            Forms.errorSummary(f, ctx),
            .form(.method(.post), .action(SiteRoute.register.path), .attribute(named: "novalidate", value: "novalidate"),
                  .attribute(named: "enctype", value: "multipart/form-data"),
                Forms.csrf(ctx),
                .fieldset(.element(named: "legend", nodes: [Node<HTML.BodyContext>.text(ctx.t("register.account_legend"))]),
                    Forms.field("email", label: ctx.t("form.email"), type: .email, state: f, autocomplete: "email", ctx: ctx),
                    Forms.field("password", label: ctx.t("form.password"), type: .password, state: f, autocomplete: "new-password",
                                hint: ctx.t("form.password_hint", ["min": "10"]), ctx: ctx)),
                .fieldset(.element(named: "legend", nodes: [Node<HTML.BodyContext>.text(ctx.t("register.person_legend"))]),
                    Forms.field("first_name", label: ctx.t("form.first_name"), state: f, autocomplete: "given-name", ctx: ctx),
                    Forms.field("last_name", label: ctx.t("form.last_name"), state: f, autocomplete: "family-name", ctx: ctx),
                    .div(.class(wojError == nil ? "field" : "field has-error"),
                        .label(.for("voivodeship"), .text(ctx.t("offices.voivodeship_label"))),
                        .if(wojError != nil, .p(.id("voivodeship-error"), .class("field-error"), .text(wojError ?? ""))),
                        .select(.attribute(named: "id", value: "voivodeship"), .attribute(named: "name", value: "voivodeship"),
                                .attribute(named: "required", value: "required"),
                                .if(wojError != nil, .attribute(named: "aria-describedby", value: "voivodeship-error")),
                            .choice(value: "", label: ctx.t("form.choose")),
                            .forEach(model.voivodeships) { v in .choice(value: v.code, label: v.name, selected: v.code == selected) })),
                    Forms.field("locality", label: ctx.t("form.locality"), state: f, autocomplete: "address-level2", ctx: ctx),
                    Forms.field("postal_code", label: ctx.t("form.postal_code"), state: f, autocomplete: "postal-code",
                                hint: ctx.t("form.postal_code_hint"), ctx: ctx),
                    Forms.field("street", label: ctx.t("form.street"), state: f, autocomplete: "address-line1", ctx: ctx),
                    Forms.field("house_number", label: ctx.t("form.house_number"), state: f, ctx: ctx),
                    Forms.field("phone", label: ctx.t("form.phone"), type: .tel, state: f, required: false, autocomplete: "tel", ctx: ctx),
                    Forms.field("photo", label: ctx.t("account.photo_file"), type: .file, state: f, required: false,
                                hint: ctx.t("account.photo_hint", ["max": "2"]), ctx: ctx)),
                Forms.consent("consent", model.consent, required: true, state: f, ctx: ctx),
                .button(.type(.submit), .text(ctx.t("register.submit")))
            ),
            .p(.text(ctx.t("register.have_account") + " "), .a(.href(SiteRoute.login.path), .text(ctx.t("nav.login"))))
        ))
    }
}
