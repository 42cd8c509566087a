import Plot

/// One step of the IVR flow in an accessible form: the fields its kind uses (what is said in
/// each language, where the call goes on, keys, digits, queue, number).
public enum IVRStepPage {
    public struct Model: Sendable {
        /// The flow the step belongs to (its id).
        public let flow: String
        public let step: String
        public let form: FormState
        public let problems: [String]
        public let isStart: Bool
        public let kinds: [(value: String, label: String)]
        public let steps: [(value: String, label: String)]
        public let topics: [(value: String, label: String)]
        public let checks: [(value: String, label: String)]
        public let languages: [(value: String, label: String)]
        public init(flow: String, step: String, form: FormState, problems: [String], isStart: Bool, kinds: [(value: String, label: String)],
                    steps: [(value: String, label: String)], topics: [(value: String, label: String)], checks: [(value: String, label: String)],
                    languages: [(value: String, label: String)]) {
            self.flow = flow; self.step = step; self.form = form; self.problems = problems; self.isStart = isStart; self.kinds = kinds; self.steps = steps
            self.topics = topics; self.checks = checks; self.languages = languages
        }
    }

    /// The keys of a menu, as form field names.
    public static let keys: [(key: String, field: String)] = (0...9).map { ("\($0)", "choice_\($0)") } + [("*", "choice_star"), ("#", "choice_hash")]

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        let kind = m.form["kind"]
        let speaks = ["say", "menu", "gather", "identify", "language", "callback", "record", "information"].contains(kind)
        let hasNext = ["say", "gather", "identify", "locate", "language", "hours", "callback", "registered", "information"].contains(kind)
        let hasOtherwise = ["menu", "gather", "identify", "locate", "hours", "registered"].contains(kind)
        let asks = ["menu", "gather", "identify"].contains(kind)
        let title = ctx.t("ivr.step_title", ["step": m.step])
        return Layout.render(ctx, title: title, main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffIVR.with(["flow": m.flow])), .text("← " + ctx.t("ivr.title")))),
            .h1(.text(title)),
            m.problems.isEmpty ? .empty : .section(.attribute(named: "aria-labelledby", value: "problems-heading"),
                .h2(.id("problems-heading"), .text(ctx.t("ivr.problems"))), .ul(.forEach(m.problems) { .li(.text($0)) })),
            Forms.errorSummary(m.form, ctx),
            .form(.method(.post), .action(SiteRoute.staffIVRStep(m.step).with(["flow": m.flow])), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                Forms.select("kind", label: ctx.t("ivr.kind"), options: m.kinds, state: m.form, ctx: ctx),
                .p(.class("hint"), .text(ctx.t("ivr.kind_hint"))),
                .if(speaks, .fieldset(.element(named: "legend", text: ctx.t("ivr.prompts")),
                    .forEach(m.languages) { lang in
                        Forms.textarea("prompt_\(lang.value)", label: lang.label, state: m.form, required: false, ctx: ctx)
                    },
                    Forms.field("audio_url", label: ctx.t("ivr.audio_url"), type: .url, state: m.form, required: false, hint: ctx.t("ivr.audio_url_hint"), ctx: ctx))),
                .if(hasNext, Forms.select("next", label: ctx.t("ivr.next"), options: m.steps, state: m.form, blank: ctx.t("ivr.none"), ctx: ctx)),
                .if(hasOtherwise, Forms.select("otherwise", label: ctx.t("ivr.otherwise"), options: m.steps, state: m.form, blank: ctx.t("ivr.none"), ctx: ctx)),
                .if(hasOtherwise, .p(.class("hint"), .text(ctx.t("ivr.otherwise_hint")))),
                .if(kind == "menu", .fieldset(.element(named: "legend", text: ctx.t("ivr.choices")),
                    .forEach(keys) { k in
                        Forms.select(k.field, label: ctx.t("ivr.key", ["key": k.key]), options: m.steps, state: m.form, blank: ctx.t("ivr.none"), ctx: ctx)
                    })),
                .if(kind == "language", .fieldset(.element(named: "legend", text: ctx.t("ivr.language_keys")),
                    .forEach(m.languages) { lang in
                        Forms.field("key_\(lang.value)", label: ctx.t("ivr.language_key", ["language": lang.label]), state: m.form, required: false,
                                    attributes: [("inputmode", "numeric"), ("maxlength", "1")], ctx: ctx)
                    })),
                .if(asks, .group(
                    Forms.field("retries", label: ctx.t("ivr.retries"), type: .number, state: m.form, hint: ctx.t("ivr.retries_hint"), ctx: ctx),
                    Forms.field("timeout", label: ctx.t("ivr.timeout"), type: .number, state: m.form, hint: ctx.t("ivr.timeout_hint"), ctx: ctx))),
                .if(kind == "gather", .group(
                    Forms.field("digits", label: ctx.t("ivr.digits"), type: .number, state: m.form, ctx: ctx),
                    Forms.select("check", label: ctx.t("ivr.check"), options: m.checks, state: m.form, ctx: ctx))),
                .if(kind == "enqueue", Forms.select("topic", label: ctx.t("ivr.topic"), options: m.topics, state: m.form, ctx: ctx)),
                .if(kind == "enqueue", Forms.select("information", label: ctx.t("ivr.information_step"), options: m.steps, state: m.form,
                                                    blank: ctx.t("ivr.none"), hint: ctx.t("ivr.information_step_hint"), ctx: ctx)),
                .if(kind == "enqueue" || kind == "record",
                    Forms.field("office", label: ctx.t("ivr.office"), state: m.form, required: false, hint: ctx.t("ivr.office_hint"), ctx: ctx)),
                .if(kind == "transfer", Forms.field("number", label: ctx.t("ivr.number"), type: .tel, state: m.form, hint: ctx.t("ivr.number_hint"), ctx: ctx)),
                .button(.type(.submit), .text(ctx.t("ivr.save")))),
            .if(!m.isStart, .section(.attribute(named: "aria-labelledby", value: "delete-heading"),
                .h2(.id("delete-heading"), .text(ctx.t("ivr.delete_step"))),
                Forms.button(SiteRoute.staffIVRStepDelete(m.step).with(["flow": m.flow]), label: ctx.t("ivr.delete"), ctx: ctx)))
        ))
    }
}
