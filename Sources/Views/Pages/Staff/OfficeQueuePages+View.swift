import Plot

/// A staff work list (requests, companies to verify) and the notice of the last decision.
public struct WorkList<Row: Sendable>: Sendable {
    public let rows: [Row]
    public let notice: String?
    public init(rows: [Row], notice: String?) { self.rows = rows; self.notice = notice }
}

/// Pending requests of seekers to be linked to their client record.
public enum ClientLinksPage {
    public struct Row: Sendable {
        public let id: String, name: String, email: String, pesel: String, office: String, requested: String
        public init(id: String, name: String, email: String, pesel: String, office: String, requested: String) {
            self.id = id; self.name = name; self.email = email; self.pesel = pesel; self.office = office; self.requested = requested
        }
    }
    public typealias Model = WorkList<Row>

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let rows: [[Node<HTML.BodyContext>]] = model.rows.map { r in
            [.text(r.name), .text(r.email), .text(r.pesel), .text(r.office), .text(r.requested),
             .group(Forms.button(SiteRoute.staffClientLink(r.id).path, label: ctx.t("links.approve"), hidden: [("decision", "approve")],
                                 accessibleLabel: ctx.t("links.approve") + ": " + r.name, ctx: ctx),
                    Forms.button(SiteRoute.staffClientLink(r.id).path, label: ctx.t("links.reject"), hidden: [("decision", "reject")],
                                 accessibleLabel: ctx.t("links.reject") + ": " + r.name, ctx: ctx))]
        }
        return Layout.render(ctx, title: ctx.t("links.title"), main: .group(
            .h1(.text(ctx.t("links.title"))),
            model.notice.map { Components.notice($0) } ?? .empty,
            .p(.text(ctx.t("links.intro"))),
            Tables.table(caption: ctx.t("links.title"),
                         headers: [ctx.t("account.name"), ctx.t("form.email"), "PESEL", ctx.t("clients.office"), ctx.t("links.requested"),
                                   ctx.t("links.decision")],
                         rows: rows, empty: ctx.t("links.none"))
        ))
    }
}

/// Companies waiting for verification by the office.
public enum EmployerVerificationPage {
    public struct Row: Sendable {
        public let id: String, name: String, nip: String?, regon: String?, address: String, office: String
        public let contacts: [String], registered: String
        public init(id: String, name: String, nip: String?, regon: String?, address: String, office: String, contacts: [String], registered: String) {
            self.id = id; self.name = name; self.nip = nip; self.regon = regon; self.address = address; self.office = office
            self.contacts = contacts; self.registered = registered
        }
    }
    public typealias Model = WorkList<Row>

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let rows: [[Node<HTML.BodyContext>]] = model.rows.map { r in
            [.text(r.name), .text(r.nip ?? "–"), .text(r.regon ?? "–"), .text(r.address), .text(r.contacts.joined(separator: "; ")),
             .text(r.registered),
             Forms.button(SiteRoute.staffEmployerVerify(r.id).path, label: ctx.t("employers.verify"),
                          accessibleLabel: ctx.t("employers.verify") + ": " + r.name, ctx: ctx)]
        }
        return Layout.render(ctx, title: ctx.t("employers.title"), main: .group(
            .h1(.text(ctx.t("employers.title"))),
            model.notice.map { Components.notice($0) } ?? .empty,
            .p(.text(ctx.t("employers.intro"))),
            Tables.table(caption: ctx.t("employers.title"),
                         headers: [ctx.t("employer.company_name"), "NIP", "REGON", ctx.t("offices.address"), ctx.t("employers.contacts"),
                                   ctx.t("employers.registered"), ctx.t("employers.action")],
                         rows: rows, empty: ctx.t("employers.none"))
        ))
    }
}

/// The audit log of the member's offices, with filters.
public enum AuditLogPage {
    public struct Row: Sendable {
        public let at: String, actor: String, actorOffice: String, client: String, clientOffice: String
        public let action: String, detail: String, reason: String
        public init(at: String, actor: String, actorOffice: String, client: String, clientOffice: String, action: String, detail: String,
                    reason: String) {
            self.at = at; self.actor = actor; self.actorOffice = actorOffice; self.client = client; self.clientOffice = clientOffice
            self.action = action; self.detail = detail; self.reason = reason
        }
    }
    public struct Model: Sendable {
        public let form: FormState
        public let rows: [Row]
        public init(form: FormState, rows: [Row]) { self.form = form; self.rows = rows }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let f = model.form
        let filters: Node<HTML.BodyContext> = .form(.method(.get), .action(SiteRoute.staffAudit.path), .class("filters"),
            .attribute(named: "novalidate", value: "novalidate"),
            Forms.field("office", label: ctx.t("staff.filter_office"), state: f, required: false, ctx: ctx),
            Forms.field("client", label: ctx.t("audit.client"), state: f, required: false, ctx: ctx),
            Forms.field("actor", label: ctx.t("audit.actor"), type: .email, state: f, required: false, ctx: ctx),
            Forms.field("action", label: ctx.t("audit.action"), state: f, required: false, hint: ctx.t("audit.action_hint"), ctx: ctx),
            Forms.field("from", label: ctx.t("audit.from"), type: .date, state: f, required: false, ctx: ctx),
            Forms.field("to", label: ctx.t("audit.to"), type: .date, state: f, required: false, ctx: ctx),
            .button(.type(.submit), .text(ctx.t("staff.filter"))))
        let rows: [[Node<HTML.BodyContext>]] = model.rows.map { r in
            [.text(r.at), .text(r.actor), .text(r.actorOffice), .text(r.client), .text(r.clientOffice), .code(.text(r.action)),
             .text(r.detail), .text(r.reason)]
        }
        return Layout.render(ctx, title: ctx.t("audit.title"), main: .group(
            .h1(.text(ctx.t("audit.title"))),
            .p(.text(ctx.t("audit.intro"))),
            Forms.errorSummary(f, ctx),
            filters,
            Tables.table(caption: ctx.t("audit.title"),
                         headers: [ctx.t("audit.at"), ctx.t("audit.actor"), ctx.t("audit.actor_office"), ctx.t("audit.client"),
                                   ctx.t("audit.client_office"), ctx.t("audit.action"), ctx.t("audit.detail"), ctx.t("audit.reason")],
                         rows: rows, empty: ctx.t("audit.none"))
        ))
    }
}
