import Plot
import Portal

/// "Save this search": under a search's results, for signed-in visitors.
public enum SaveSearchForm {
    /// The form for the search the page shows (its filters, from the page's own query).
    public static func render(kind: String, ctx: PageContext) -> Node<HTML.BodyContext> {
        let query = AlertSchedule.canonicalQuery(ctx.query.map { (name: $0.0, value: $0.1) })
        guard ctx.signedInAs != nil else {
            return .p(.class("save-search"), .a(.href(SiteRoute.login.path), .text(ctx.t("alerts.sign_in_to_save"))))
        }
        return .form(.method(.post), .action(SiteRoute.accountAlerts.path), .class("save-search"),
            Forms.csrf(ctx),
            .input(.type(.hidden), .name("kind"), .value(kind)),
            .input(.type(.hidden), .name("query"), .value(query)),
            .fieldset(.element(named: "legend", text: ctx.t("alerts.save_title")),
                Forms.field("label", label: ctx.t("alerts.field.label"), state: FormState(), required: false, autocomplete: "off",
                            hint: ctx.t("alerts.label_hint"), ctx: ctx),
                Forms.select("frequency", label: ctx.t("alerts.field.frequency"),
                             options: ["daily", "weekly"].map { ($0, ctx.t("alerts.frequency." + $0)) }, state: FormState(), ctx: ctx),
                .button(.type(.submit), .text(ctx.t("alerts.save")))))
    }
}

/// A signed-in person's saved searches.
public enum AlertsPage {
    public struct Row: Sendable {
        public let id: String, label: String, kind: String, searchPath: String, frequency: String, lastSent: String?
        public let isDaily: Bool, active: Bool
        public init(id: String, label: String, kind: String, searchPath: String, frequency: String, isDaily: Bool, lastSent: String?, active: Bool) {
            self.id = id; self.label = label; self.kind = kind; self.searchPath = searchPath; self.frequency = frequency
            self.isDaily = isDaily; self.lastSent = lastSent; self.active = active
        }
    }
    public struct Model: Sendable {
        public let rows: [Row]
        public let notice: String?
        public let errors: FormState
        public init(rows: [Row], notice: String?, errors: FormState = FormState()) { self.rows = rows; self.notice = notice; self.errors = errors }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let rows: [[Node<HTML.BodyContext>]] = model.rows.map { r in
            let change = ctx.t(r.isDaily ? "alerts.make_weekly" : "alerts.make_daily")
            return [.a(.href(r.searchPath), .text(r.label)), .text(r.kind),
             .text(r.active ? r.frequency : ctx.t("alerts.paused")),
             .text(r.lastSent ?? ctx.t("alerts.never")),
             .group(
                .form(.method(.post), .action(SiteRoute.accountAlert(r.id).path), .class("inline"),
                      Forms.csrf(ctx),
                      .input(.type(.hidden), .name("frequency"), .value(r.isDaily ? "weekly" : "daily")),
                      .button(.type(.submit), .text(change), .attribute(named: "aria-label", value: change + ": " + r.label))),
                .text(" "),
                Forms.button(SiteRoute.accountAlertDelete(r.id).path, label: ctx.t("cv.delete"), accessibleLabel: ctx.t("cv.delete") + ": " + r.label, ctx: ctx))]
        }
        return Layout.render(ctx, title: ctx.t("alerts.title"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.account.path), .text("← " + ctx.t("account.title")))),
            .h1(.text(ctx.t("alerts.title"))),
            model.notice.map { Components.notice($0) } ?? .empty,
            Forms.errorSummary(model.errors, ctx),
            .p(.text(ctx.t("alerts.intro"))),
            Tables.table(caption: ctx.t("alerts.title"),
                         headers: [ctx.t("alerts.field.label"), ctx.t("alerts.kind"), ctx.t("alerts.field.frequency"), ctx.t("alerts.last_sent"),
                                   ctx.t("employers.action")],
                         rows: rows, empty: ctx.t("alerts.none_yet"))
        ))
    }
}

/// After the unsubscribe link of an alert e-mail: done, with a way back.
public enum UnsubscribedPage {
    public struct Model: Sendable {
        public let label: String
        public let id: String, signature: String
        public let resubscribed: Bool
        public init(label: String, id: String, signature: String, resubscribed: Bool) {
            self.label = label; self.id = id; self.signature = signature; self.resubscribed = resubscribed
        }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let title = ctx.t(model.resubscribed ? "alerts.resubscribed_title" : "alerts.unsubscribed_title")
        return Layout.render(ctx, title: title, main: .group(
            .h1(.text(title)),
            Components.notice(ctx.t(model.resubscribed ? "alerts.resubscribed" : "alerts.unsubscribed", ["label": model.label])),
            .if(!model.resubscribed, Forms.button(SiteRoute.alertsResubscribe.path, label: ctx.t("alerts.resubscribe"),
                                                  hidden: [("id", model.id), ("sig", model.signature)], ctx: ctx))
        ))
    }
}
