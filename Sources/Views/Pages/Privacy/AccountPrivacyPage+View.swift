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
            .p(.a(.href(SiteRoute.privacy.path), .text(ctx.t("consent.read_policy"))))
        ))
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
