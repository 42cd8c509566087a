import Plot

/// The simulated caller: the chosen version of the flow run from the start with the keys typed
/// so far, showing as text what the caller hears and what happened, until the call ends.
public enum IVRSimulatorPage {
    public struct Line: Sendable {
        public let who: String
        public let text: String
        public init(who: String, text: String) { self.who = who; self.text = text }
    }

    public struct Model: Sendable {
        /// The flow simulated (its id).
        public let flow: String
        public let form: FormState
        public let versions: [(value: String, label: String)]
        public let hours: [(value: String, label: String)]
        /// Everything pressed so far, carried by the form ("_" for no answer).
        public let history: String
        public let lines: [Line]
        /// What the call waits for now; nil when it has ended.
        public let waiting: String?
        public init(flow: String, form: FormState, versions: [(value: String, label: String)], hours: [(value: String, label: String)], history: String,
                    lines: [Line], waiting: String?) {
            self.flow = flow; self.form = form; self.versions = versions; self.hours = hours; self.history = history; self.lines = lines; self.waiting = waiting
        }
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("ivr.simulate"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffIVR.with(["flow": m.flow])), .text("← " + ctx.t("ivr.title")))),
            .h1(.text(ctx.t("ivr.simulate"))),
            .p(.text(ctx.t("ivr.simulate_intro"))),
            .form(.method(.get), .action(SiteRoute.staffIVRSimulate.path), .class("filters"),
                .input(.type(.hidden), .name("flow"), .value(m.flow)),
                Forms.select("version", label: ctx.t("ivr.version"), options: m.versions, state: m.form, ctx: ctx),
                Forms.select("hours", label: ctx.t("ivr.hours"), options: m.hours, state: m.form, ctx: ctx),
                .button(.type(.submit), .text(ctx.t("ivr.simulate_restart")))),
            .section(.attribute(named: "aria-labelledby", value: "transcript-heading"),
                .h2(.id("transcript-heading"), .text(ctx.t("ivr.transcript"))),
                .ol(.class("transcript"), .attribute(named: "aria-live", value: "polite"),
                    .forEach(m.lines) { l in .li(.strong(.text(l.who + ": ")), .text(l.text)) })),
            m.waiting.map { waiting in
                .section(.attribute(named: "aria-labelledby", value: "keys-heading"),
                    .h2(.id("keys-heading"), .text(ctx.t("ivr.caller_turn"))),
                    .p(.text(waiting)),
                    Forms.errorSummary(m.form, ctx),
                    .form(.method(.get), .action(SiteRoute.staffIVRSimulate.path), .attribute(named: "novalidate", value: "novalidate"),
                        .input(.type(.hidden), .name("flow"), .value(m.flow)),
                        .input(.type(.hidden), .name("version"), .value(m.form["version"])),
                        .input(.type(.hidden), .name("hours"), .value(m.form["hours"])),
                        .input(.type(.hidden), .name("history"), .value(m.history)),
                        Forms.field("keys", label: ctx.t("ivr.keys"), state: m.form, required: false, hint: ctx.t("ivr.keys_hint"),
                                    attributes: [("inputmode", "numeric"), ("autocomplete", "off")], ctx: ctx),
                        .button(.type(.submit), .name("press"), .value("1"), .text(ctx.t("ivr.press"))),
                        .button(.type(.submit), .name("silence"), .value("1"), .text(ctx.t("ivr.no_answer")))))
            } ?? Components.notice(ctx.t("ivr.call_ended"))
        ))
    }
}
