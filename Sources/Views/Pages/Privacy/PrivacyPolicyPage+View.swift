import Plot

/// `/privacy`: who the controller is, how to reach the data protection officer, the purposes
/// with their data, ground, time kept and recipients (a table with a caption),
/// profiling, transfers, and the reader's rights with the deadline for an answer.
extension PrivacyPolicyPage {
    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let op = model.operatorInfo
        func list(_ keys: [String]) -> String { keys.isEmpty ? ctx.t("privacy.none") : keys.map { ctx.t($0) }.joined(separator: ", ") }
        return Layout.render(ctx, title: ctx.t("privacy.title"), main: .group(
            .h1(.text(ctx.t("privacy.title"))),
            .p(.text(ctx.t("privacy.intro", ["site": op.name]))),
            .h2(.id("privacy-controller"), .text(ctx.t("privacy.controller_heading"))),
            .p(.text(op.controllerName + ", " + op.controllerAddress)),
            .h2(.id("privacy-dpo"), .text(ctx.t("privacy.dpo_heading"))),
            .p(.text(ctx.t("privacy.dpo", ["email": op.dpoEmail, "address": op.dpoAddress]))),
            .h2(.id("privacy-purposes"), .text(ctx.t("privacy.purposes_heading"))),
            Tables.table(caption: ctx.t("privacy.purposes_caption"),
                         headers: ["privacy.col_purpose", "privacy.col_data", "privacy.col_basis", "privacy.col_retention", "privacy.col_recipients"].map { ctx.t($0) },
                         rows: model.purposes.map { p in
                             [.strong(.text(ctx.t("privacy.purpose." + p.id))), .text(list(p.categories.map { "privacy.data." + $0 })),
                              .text(ctx.t("privacy.basis." + p.basis)), .text(ctx.t("privacy.retention." + p.retention.key, p.retention.values)),
                              .text(list(p.recipients.map { "privacy.recipient." + $0 }))]
                         }, empty: ctx.t("privacy.none")),
            .h2(.id("privacy-profiling"), .text(ctx.t("privacy.profiling_heading"))),
            .p(.text(ctx.t("privacy.profiling_intro"))),
            .ol(.forEach(model.profiling) { .li(.text(ctx.t("privacy.profiling." + $0))) }),
            .h2(.id("privacy-transfer"), .text(ctx.t("privacy.transfer_heading"))),
            .p(.text(ctx.t("privacy.transfer"))),
            .h2(.id("privacy-required"), .text(ctx.t("privacy.required_heading"))),
            .p(.text(ctx.t("privacy.required"))),
            .h2(.id("privacy-rights"), .text(ctx.t("privacy.rights_heading"))),
            .ul(.forEach(model.rights) { .li(.text(ctx.t("privacy.right." + $0))) }),
            .p(.text(ctx.t("privacy.withdraw"))),
            .p(.text(ctx.t("privacy.deadline"))),
            .p(.text(ctx.t("privacy.complaint_uodo")))
        ))
    }
}
