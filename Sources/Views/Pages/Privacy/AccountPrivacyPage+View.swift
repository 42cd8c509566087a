import Plot

extension AccountPrivacyPage {
    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("account_privacy.title"), main: .group(
            .h1(.text(ctx.t("account_privacy.title"))),
            .unwrap(model.notice) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .p(.text(ctx.t("account_privacy.intro"))),
            .h2(.id("consents-heading"), .text(ctx.t("account_privacy.consents_heading"))),
            .if(model.consents.isEmpty, .p(.class("empty"), .text(ctx.t("account_privacy.none")))),
            .ul(.class("consents"), .forEach(model.consents) { c in consent(c, model, ctx) }),
            .h2(.id("profiling-heading"), .text(ctx.t("account_privacy.profiling_heading"))),
            .p(.text(ctx.t("account_privacy.profiling_intro"))),
            .ol(.class("profiling"), .forEach(model.profiling) { p in profiling(p, ctx) }),
            export(model, ctx),
            restriction(model, ctx),
            erasure(model, ctx),
            .p(.a(.href(SiteRoute.privacy.path), .text(ctx.t("consent.read_policy"))))
        ))
    }

    static func export(_ model: Model, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        let state: Node<HTML.BodyContext>
        switch model.export {
        case .none: state = .empty
        case .building(let requested): state = .p(.strong(.text(ctx.t("account_privacy.export_building", ["date": requested]))))
        case .ready(let path, let until, let size):
            state = .p(.a(.href(path), .attribute(named: "download", value: "zielona-linia-dane.zip"),
                          .text(ctx.t("account_privacy.export_download", ["date": until, "size": size]))))
        case .expired: state = .p(.text(ctx.t("account_privacy.export_expired")))
        }
        let building: Bool = { if case .building = model.export { return true } else { return false } }()
        return .section(.attribute(named: "aria-labelledby", value: "export-heading"),
            .h2(.id("export-heading"), .text(ctx.t("account_privacy.export_heading"))),
            .p(.text(ctx.t("account_privacy.export_intro"))),
            state,
            Forms.errorSummary(model.exportForm, ctx),
            .if(!building, .form(.method(.post), .action(SiteRoute.accountPrivacyExport.path), Forms.csrf(ctx),
                  Forms.field("export_password", label: ctx.t("account_privacy.erasure_password"), type: .password, state: model.exportForm,
                              autocomplete: "current-password", ctx: ctx),
                  .button(.type(.submit), .text(ctx.t("account_privacy.export_request")))))
        )
    }

    static func restriction(_ model: Model, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .section(.attribute(named: "aria-labelledby", value: "restriction-heading"),
            .h2(.id("restriction-heading"), .text(ctx.t("account_privacy.restriction_heading"))),
            .p(.text(ctx.t("account_privacy.restriction_intro"))),
            .unwrap(model.restrictedSince) { .p(.strong(.text(ctx.t("account_privacy.restricted_since", ["date": $0])))) },
            .form(.method(.post), .action(SiteRoute.accountPrivacyRestriction.path), Forms.csrf(ctx),
                  .input(.type(.hidden), .name("action"), .value(model.restrictedSince == nil ? "restrict" : "lift")),
                  .button(.type(.submit), .text(ctx.t(model.restrictedSince == nil ? "account_privacy.restrict" : "account_privacy.lift_restriction"))))
        )
    }

    static func erasure(_ model: Model, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .section(.attribute(named: "aria-labelledby", value: "erasure-heading"),
            .h2(.id("erasure-heading"), .text(ctx.t("account_privacy.erasure_heading"))),
            .p(.text(ctx.t("account_privacy.erasure_intro"))),
            .if(!model.erasureKeeps.isEmpty, .group(
                .p(.text(ctx.t("account_privacy.erasure_keeps"))),
                .ul(.forEach(model.erasureKeeps) { line in .li(.text(ctx.t(line.key, line.values))) }))),
            .if(model.lastCompanyUser, .p(.text(ctx.t("account_privacy.erasure_last_user")))),
            Forms.errorSummary(model.erasureForm, ctx),
            .form(.method(.post), .action(SiteRoute.accountPrivacyErase.path), Forms.csrf(ctx),
                  Forms.field("password", label: ctx.t("account_privacy.erasure_password"), type: .password, state: model.erasureForm,
                              autocomplete: "current-password", ctx: ctx),
                  .button(.type(.submit), .class("danger"), .text(ctx.t("account_privacy.erase"))))
        )
    }

    static func consent(_ c: Consent, _ model: Model, _ ctx: PageContext) -> Node<HTML.ListContext> {
        let kind = ctx.t("consent.kind." + c.kind)
        return .li(.class(c.withdrawn == nil ? "consent active" : "consent withdrawn"),
            .h3(.text(kind)),
            .blockquote(.p(.text(ctx.t(c.textKey)))),
            .p(.text(ctx.t("account_privacy.given", ["date": c.given, "channel": ctx.t("consent.channel." + c.channel)]))),
            .unwrap(c.withdrawn) { w in
                .p(.strong(.text(ctx.t("account_privacy.withdrawn", ["date": w.date, "channel": ctx.t("consent.channel." + w.channel)]))))
            },
            .if(c.withdrawn == nil && c.withdrawable,
                .form(.method(.post), .action(SiteRoute.accountPrivacyWithdraw.path),
                      Forms.csrf(ctx), .input(.type(.hidden), .name("kind"), .value(c.kind)),
                      .button(.type(.submit), .text(ctx.t("account_privacy.withdraw", ["kind": kind]))))),
            .if(c.withdrawn == nil && !c.withdrawable, .p(.class("hint"), .text(ctx.t("account_privacy.account_note", ["email": model.dpoEmail]))))
        )
    }

    static func profiling(_ p: Profiling, _ ctx: PageContext) -> Node<HTML.ListContext> {
        let name = ctx.t("account_privacy.case." + p.id)
        func form(_ action: String, _ label: String) -> Node<HTML.BodyContext> {
            .form(.method(.post), .action(SiteRoute.accountPrivacyObjection.path), Forms.csrf(ctx),
                  .input(.type(.hidden), .name("case"), .value(p.id)), .input(.type(.hidden), .name("action"), .value(action)),
                  .button(.type(.submit), .text(ctx.t(label, ["case": name]))))
        }
        return .li(
            .p(.text(ctx.t("privacy.profiling." + p.id))),
            .p(.text(ctx.t("account_privacy." + p.yours.key, p.yours.values))),
            {
                switch p.objection {
                case nil: return .p(.class("hint"), .text(ctx.t("account_privacy.postal_code_note")))
                case .none?: return form("object", "account_privacy.object")
                case .made(let date)?: return .group(.p(.strong(.text(ctx.t("account_privacy.objected", ["date": date])))),
                                                     form("lift", "account_privacy.lift"))
                }
            }()
        )
    }
}
