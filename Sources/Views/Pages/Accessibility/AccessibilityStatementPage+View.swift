import Plot

/// The statement in the structure of the gov.pl template (the `a11y-*` ids), which Polish
/// public bodies publish under the act of 4 April 2019 on digital accessibility.
extension AccessibilityStatementPage {
    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let op = model.operatorInfo
        return Layout.render(ctx, title: ctx.t("a11y.title"), main: .group(
            .h1(.id("a11y-deklaracja"), .text(ctx.t("a11y.title"))),
            .p(.id("a11y-wstep"),
               .span(.id("a11y-podmiot"), .text(op.name)),
               .text(" " + ctx.t("a11y.intro") + " "),
               .a(.id("a11y-url"), .href(op.siteURL), .text(op.siteURL)), .text(".")),
            .ul(
                .li(.text(ctx.t("a11y.published") + " "),
                    .element(named: "time", nodes: [.attribute(named: "id", value: "a11y-data-publikacja"),
                                                      .attribute(named: "datetime", value: op.publishedOn), .text(op.publishedOn)])),
                .li(.text(ctx.t("a11y.updated") + " "),
                    .element(named: "time", nodes: [.attribute(named: "id", value: "a11y-data-aktualizacja"),
                                                      .attribute(named: "datetime", value: op.updatedOn), .text(op.updatedOn)]))
            ),
            .h2(.id("a11y-status-heading"), .text(ctx.t("a11y.status_heading"))),
            .p(.text(ctx.t("a11y.status_prefix") + " "), .span(.id("a11y-status"), .strong(.text(ctx.t("a11y.status_value")))),
               .text(" " + ctx.t("a11y.status_suffix"))),
            .p(.text(ctx.t("a11y.limitations"))),
            .h2(.id("a11y-przygotowanie"), .text(ctx.t("a11y.prepared_heading"))),
            .ul(
                .li(.text(ctx.t("a11y.prepared_on") + " "),
                    .element(named: "time", nodes: [.attribute(named: "id", value: "a11y-data-sporzadzenie"),
                                                      .attribute(named: "datetime", value: op.publishedOn), .text(op.publishedOn)])),
                .li(.text(ctx.t("a11y.reviewed_on") + " "),
                    .element(named: "time", nodes: [.attribute(named: "id", value: "a11y-data-deklaracja-przeglad"),
                                                      .attribute(named: "datetime", value: op.updatedOn), .text(op.updatedOn)]))
            ),
            .p(.id("a11y-ocena"), .text(ctx.t("a11y.assessment"))),
            .h2(.id("a11y-skroty"), .text(ctx.t("a11y.shortcuts_heading"))),
            .p(.text(ctx.t("a11y.shortcuts"))),
            .h2(.id("a11y-kontakt"), .text(ctx.t("a11y.contact_heading"))),
            .ul(
                .li(.text(ctx.t("a11y.contact_person") + " "), .span(.id("a11y-osoba"), .text(op.accessibilityContactName ?? op.name))),
                .li(.text(ctx.t("a11y.contact_email") + " "),
                    .span(.id("a11y-email"), .text(op.accessibilityContactEmail ?? op.email ?? ctx.t("a11y.contact_email_missing")))),
                .li(.text(ctx.t("a11y.contact_phone") + " "), .span(.id("a11y-telefon"), .text(op.accessibilityContactPhone ?? Layout.phoneNumber)))
            ),
            .h2(.id("a11y-procedura"), .text(ctx.t("a11y.procedure_heading"))),
            .p(.text(ctx.t("a11y.procedure_1"))),
            .p(.text(ctx.t("a11y.procedure_2"))),
            .p(.text(ctx.t("a11y.procedure_3"))),
            .h2(.id("a11y-architektura"), .text(ctx.t("a11y.architecture_heading"))),
            .p(.text(ctx.t("a11y.architecture"))),
            .h2(.id("a11y-aplikacje"), .text(ctx.t("a11y.apps_heading"))),
            .p(.text(ctx.t("a11y.apps")))
        ))
    }
}
