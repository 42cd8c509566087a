import Plot

/// A supervisor sets what a consultant can handle: languages, and how many contacts of each
/// channel at once.
public enum AgentSkillsPage {
    public struct Model: Sendable {
        public let agentID: String
        public let name: String
        public let languages: [(value: String, label: String)]
        public let channels: [(value: String, label: String, max: Int)]
        public let form: FormState
        public init(agentID: String, name: String, languages: [(value: String, label: String)], channels: [(value: String, label: String, max: Int)],
                    form: FormState) {
            self.agentID = agentID; self.name = name; self.languages = languages; self.channels = channels; self.form = form
        }
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("skills.title", ["name": m.name]), main: .group(
            .p(.class("breadcrumb"), .a(.href("/wallboard"), .text("← " + ctx.t("wallboard.title")))),
            .h1(.text(ctx.t("skills.title", ["name": m.name]))),
            Forms.errorSummary(m.form, ctx),
            .form(.method(.post), .action("/staff/agents/\(m.agentID)/skills"), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                .fieldset(.element(named: "legend", text: ctx.t("skills.languages")),
                    .forEach(m.languages) { Forms.checkbox("language_" + $0.value, label: $0.label, state: m.form) }),
                .fieldset(.element(named: "legend", text: ctx.t("skills.capacity")),
                    .p(.class("hint"), .text(ctx.t("skills.capacity_hint"))),
                    .forEach(m.channels) { c in
                        Forms.field("capacity_" + c.value, label: c.label, type: .number, state: m.form,
                                    hint: ctx.t("skills.at_most", ["max": "\(c.max)"]), ctx: ctx)
                    }),
                .button(.type(.submit), .text(ctx.t("skills.save"))))
        ))
    }
}
