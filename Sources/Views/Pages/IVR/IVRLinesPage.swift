import Plot

/// The numbers callers dial and the flow each leads to (administrators): the list with a way
/// to remove a number, and a form that adds a number or maps it to another flow.
public enum IVRLinesPage {
    public struct Row: Sendable {
        public let number: String
        public let name: String
        public let flow: String
        public init(number: String, name: String, flow: String) { self.number = number; self.name = name; self.flow = flow }
    }

    public struct Model: Sendable {
        public let rows: [Row]
        /// Published flows a number may lead to.
        public let flows: [(value: String, label: String)]
        public let form: FormState
        public let notice: String?
        public init(rows: [Row], flows: [(value: String, label: String)], form: FormState, notice: String?) {
            self.rows = rows; self.flows = flows; self.form = form; self.notice = notice
        }
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("ivr.lines"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffIVR.path), .text("← " + ctx.t("ivr.title")))),
            .h1(.text(ctx.t("ivr.lines"))),
            .p(.text(ctx.t("ivr.lines_intro"))),
            m.notice.map { Components.notice($0) } ?? .empty,
            Tables.table(caption: ctx.t("ivr.lines"), headers: [ctx.t("ivr.line_number"), ctx.t("ivr.line_name"), ctx.t("ivr.line_flow"), ctx.t("ivr.action")],
                         rows: m.rows.map { r in [
                            .text(r.number), .text(r.name), .text(r.flow),
                            Forms.button(SiteRoute.staffIVRLineDelete(r.number).path, label: ctx.t("ivr.line_delete"),
                                         accessibleLabel: ctx.t("ivr.line_delete_label", ["number": r.number]), style: .danger, ctx: ctx),
                         ] }, empty: ctx.t("ivr.no_lines")),
            .section(.attribute(named: "aria-labelledby", value: "line-heading"),
                .h2(.id("line-heading"), .text(ctx.t("ivr.line_add"))),
                .p(.class("hint"), .text(ctx.t("ivr.line_add_hint"))),
                Forms.errorSummary(m.form, ctx),
                .form(.method(.post), .action(SiteRoute.staffIVRLines.path), .attribute(named: "novalidate", value: "novalidate"),
                    Forms.csrf(ctx),
                    Forms.field("number", label: ctx.t("ivr.line_number"), type: .tel, state: m.form, hint: ctx.t("ivr.line_number_hint"), ctx: ctx),
                    Forms.field("name", label: ctx.t("ivr.line_name"), state: m.form, ctx: ctx),
                    Forms.select("flow", label: ctx.t("ivr.line_flow"), options: m.flows, state: m.form, ctx: ctx),
                    .button(.type(.submit), .text(ctx.t("ivr.line_save")))))
        ))
    }
}
