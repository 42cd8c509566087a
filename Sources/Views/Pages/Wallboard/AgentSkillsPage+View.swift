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
        public let state: String
        public let states: [(value: String, label: String)]
        public let reasons: [(value: String, label: String)]
        public init(agentID: String, name: String, languages: [(value: String, label: String)], channels: [(value: String, label: String, max: Int)],
                    form: FormState, state: String, states: [(value: String, label: String)], reasons: [(value: String, label: String)]) {
            self.agentID = agentID; self.name = name; self.languages = languages; self.channels = channels; self.form = form
            self.state = state; self.states = states; self.reasons = reasons
        }
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("skills.title", ["name": m.name]), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.wallboard.path), .text("← " + ctx.t("wallboard.title")))),
            .h1(.text(ctx.t("skills.title", ["name": m.name]))),
            .h2(.id("state-heading"), .text(ctx.t("skills.state"))),
            .p(.text(ctx.t("skills.state_now", ["state": m.state]))),
            .form(.method(.post), .action(SiteRoute.staffAgentState(m.agentID).path), .attribute(named: "aria-labelledby", value: "state-heading"),
                Forms.csrf(ctx),
                .input(.type(.hidden), .name("return"), .value("wallboard")),
                Forms.select("state", label: ctx.t("skills.new_state"), options: m.states, state: FormState(), ctx: ctx),
                Forms.select("reason", label: ctx.t("desktop.break_reason"), options: m.reasons, state: FormState(), ctx: ctx),
                .button(.type(.submit), .text(ctx.t("skills.set_state")))),
            .h2(.id("skills-heading"), .text(ctx.t("skills.heading"))),
            Forms.errorSummary(m.form, ctx),
            .form(.method(.post), .action(SiteRoute.staffAgentSkills(m.agentID).path), .attribute(named: "aria-labelledby", value: "skills-heading"), .attribute(named: "novalidate", value: "novalidate"),
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
