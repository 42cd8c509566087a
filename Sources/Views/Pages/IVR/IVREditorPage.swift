import Plot

/// The IVR editor's start page (administrators): the flows and the numbers that lead to each,
/// the flow being edited drawn as a diagram and listed step by step with its problems,
/// publishing or discarding the draft, adding steps, every version with the way back to it,
/// and a new flow copied from this one.
public enum IVREditorPage {
    public struct FlowLink: Sendable {
        public let id: String
        public let label: String
        /// The numbers that lead to it, "19524, 9524" (empty: none yet).
        public let numbers: String
        public init(id: String, label: String, numbers: String) { self.id = id; self.label = label; self.numbers = numbers }
    }

    public struct StepRow: Sendable {
        /// The step's id, which its link names.
        public let step: String
        /// The id as shown, with "(start)" on the first step.
        public let label: String
        public let kind: String
        public let said: String
        public let leadsTo: String
        public let problems: [String]
        public init(step: String, label: String, kind: String, said: String, leadsTo: String, problems: [String]) {
            self.step = step; self.label = label; self.kind = kind; self.said = said; self.leadsTo = leadsTo; self.problems = problems
        }
    }

    public struct VersionRow: Sendable {
        public let version: Int
        public let created: String
        public let state: String
        public let canRestore: Bool
        public init(version: Int, created: String, state: String, canRestore: Bool) {
            self.version = version; self.created = created; self.state = state; self.canRestore = canRestore
        }
    }

    public struct Model: Sendable {
        /// The flow edited (its id) and every flow.
        public let flow: String
        public let flows: [FlowLink]
        public let status: String
        public let isDraft: Bool
        public let notice: String?
        /// Why publishing was refused.
        public let refused: [String]
        public let diagram: IVRDiagram.Model
        public let steps: [StepRow]
        public let problemCount: Int
        public let versions: [VersionRow]
        public let addForm: FormState
        public let kinds: [(value: String, label: String)]
        public let newFlowForm: FormState
        public init(flow: String, flows: [FlowLink], status: String, isDraft: Bool, notice: String?, refused: [String], diagram: IVRDiagram.Model, steps: [StepRow], problemCount: Int,
                    versions: [VersionRow], addForm: FormState, kinds: [(value: String, label: String)], newFlowForm: FormState = FormState()) {
            self.flow = flow; self.flows = flows; self.status = status; self.isDraft = isDraft; self.notice = notice; self.refused = refused; self.diagram = diagram; self.steps = steps
            self.problemCount = problemCount; self.versions = versions; self.addForm = addForm; self.kinds = kinds; self.newFlowForm = newFlowForm
        }
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        let current = m.flows.first { $0.id == m.flow }
        return Layout.render(ctx, title: ctx.t("ivr.title") + " – " + (current?.label ?? m.flow), main: .group(
            .h1(.text(ctx.t("ivr.title") + " – " + (current?.label ?? m.flow))),
            m.notice.map { Components.notice($0) } ?? .empty,
            .nav(.attribute(named: "aria-label", value: ctx.t("ivr.flows")),
                .ul(.class("tabs"), .forEach(m.flows) { f in
                    .li(.a(.href(SiteRoute.staffIVR.with(["flow": f.id])), .attribute(named: "aria-current", value: f.id == m.flow ? "page" : "false"),
                           .text(f.label + " (" + (f.numbers.isEmpty ? ctx.t("ivr.no_numbers") : f.numbers) + ")")))
                }),
                .p(.a(.href(SiteRoute.staffIVRLines.path), .text(ctx.t("ivr.lines_link"))))),
            m.refused.isEmpty ? .empty : .div(.class("error-summary"), .attribute(named: "role", value: "alert"), .attribute(named: "tabindex", value: "-1"),
                .h2(.text(ctx.t("ivr.publish_refused"))), .ul(.forEach(m.refused) { .li(.text($0)) })),
            .p(.text(m.status)),
            .div(.class("actions"),
                .a(.href(SiteRoute.staffIVRSimulate.with(["flow": m.flow])), .text(ctx.t("ivr.simulate"))),
                .if(m.isDraft, Forms.button(SiteRoute.staffIVRPublish.with(["flow": m.flow]), label: ctx.t("ivr.publish"), ctx: ctx)),
                .if(m.isDraft, Forms.button(SiteRoute.staffIVRDiscard.with(["flow": m.flow]), label: ctx.t("ivr.discard"), style: .danger, ctx: ctx))),
            .section(.attribute(named: "aria-labelledby", value: "diagram-heading"),
                .h2(.id("diagram-heading"), .text(ctx.t("ivr.diagram"))),
                .p(.class("hint"), .text(ctx.t("ivr.diagram_hint"))),
                IVRDiagram.node(m.diagram)),
            .section(.attribute(named: "aria-labelledby", value: "steps-heading"),
                .h2(.id("steps-heading"), .text(ctx.t("ivr.steps"))),
                .p(.text(m.problemCount == 0 ? ctx.t("ivr.no_problems") : ctx.t("ivr.problem_count", ["count": "\(m.problemCount)"]))),
                Tables.table(caption: ctx.t("ivr.steps"),
                             headers: [ctx.t("ivr.step"), ctx.t("ivr.kind"), ctx.t("ivr.said"), ctx.t("ivr.leads_to"), ctx.t("ivr.problems")],
                             rows: m.steps.map { s in [
                                .a(.href(SiteRoute.staffIVRStep(s.step).with(["flow": m.flow])), .text(s.label)), .text(s.kind), .text(s.said), .text(s.leadsTo),
                                s.problems.isEmpty ? .text("–") : .ul(.class("problems"), .forEach(s.problems) { .li(.text($0)) }),
                             ] }, empty: ctx.t("ivr.no_steps"))),
            .section(.attribute(named: "aria-labelledby", value: "add-heading"),
                .h2(.id("add-heading"), .text(ctx.t("ivr.add_step"))),
                Forms.errorSummary(m.addForm, ctx),
                .form(.method(.post), .action(SiteRoute.staffIVRSteps.with(["flow": m.flow])), .attribute(named: "novalidate", value: "novalidate"),
                    Forms.csrf(ctx),
                    Forms.field("id", label: ctx.t("ivr.step_id"), state: m.addForm, hint: ctx.t("ivr.step_id_hint"), ctx: ctx),
                    Forms.select("kind", label: ctx.t("ivr.kind"), options: m.kinds, state: m.addForm, ctx: ctx),
                    .button(.type(.submit), .text(ctx.t("ivr.add"))))),
            .section(.attribute(named: "aria-labelledby", value: "versions-heading"),
                .h2(.id("versions-heading"), .text(ctx.t("ivr.versions"))),
                Tables.table(caption: ctx.t("ivr.versions"), headers: [ctx.t("ivr.version"), ctx.t("ivr.created"), ctx.t("ivr.state"), ctx.t("ivr.action")],
                             rows: m.versions.map { v in [
                                .text("\(v.version)"), .text(v.created), .text(v.state),
                                v.canRestore ? Forms.button(SiteRoute.staffIVRRollback.with(["flow": m.flow]), label: ctx.t("ivr.restore"), hidden: [("version", "\(v.version)")],
                                                            accessibleLabel: ctx.t("ivr.restore_label", ["version": "\(v.version)"]), ctx: ctx) : .text("–"),
                             ] }, empty: ctx.t("ivr.no_versions"))),
            .section(.attribute(named: "aria-labelledby", value: "new-flow-heading"),
                .h2(.id("new-flow-heading"), .text(ctx.t("ivr.new_flow"))),
                .p(.text(ctx.t("ivr.new_flow_intro", ["flow": current?.label ?? m.flow]))),
                Forms.errorSummary(m.newFlowForm, ctx),
                .form(.method(.post), .action(SiteRoute.staffIVRFlows.path), .attribute(named: "novalidate", value: "novalidate"),
                    Forms.csrf(ctx),
                    .input(.type(.hidden), .name("copy_of"), .value(m.flow)),
                    Forms.field("new_id", label: ctx.t("ivr.new_flow_id"), state: m.newFlowForm, hint: ctx.t("ivr.new_flow_id_hint"), ctx: ctx),
                    .button(.type(.submit), .text(ctx.t("ivr.new_flow_create")))))
        ))
    }
}
