import Plot

/// Administrators' list of staff accounts in their scope.
public enum StaffListPage {
    public struct Row: Sendable {
        public let id: String, name: String, email: String, roles: String, offices: String
        public let active: Bool, twoFactor: Bool
        public init(id: String, name: String, email: String, roles: String, offices: String, active: Bool, twoFactor: Bool) {
            self.id = id; self.name = name; self.email = email; self.roles = roles; self.offices = offices
            self.active = active; self.twoFactor = twoFactor
        }
    }
    public struct Model: Sendable {
        public let rows: [Row]
        public let office: String
        public init(rows: [Row], office: String) { self.rows = rows; self.office = office }
    }

    public static let notices = ["created": "staff.notice_created", "updated": "staff.notice_updated"]

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let notice = ctx.query.first { $0.0 == "notice" }.flatMap { notices[$0.1] }
        let rows: [[Node<HTML.BodyContext>]] = model.rows.map { r in
            [.a(.href(SiteRoute.staffMember(r.id).path), .text(r.name)), .text(r.email), .text(r.roles), .text(r.offices),
             .text(ctx.t(r.active ? "staff.active" : "staff.inactive")), .text(ctx.t(r.twoFactor ? "staff.2fa_on" : "staff.2fa_pending"))]
        }
        let filter: Node<HTML.BodyContext> = .form(.method(.get), .action(SiteRoute.staffMembers.path), .class("filters"),
            Forms.field("office", label: ctx.t("staff.filter_office"), state: FormState(values: ["office": model.office]), required: false,
                        hint: ctx.t("staff.office_hint"), ctx: ctx),
            .button(.type(.submit), .text(ctx.t("staff.filter"))))
        return Layout.render(ctx, title: ctx.t("staff.list_title"), main: .group(
            .h1(.text(ctx.t("staff.list_title"))),
            notice.map { Components.notice(ctx.t($0)) } ?? .empty,
            .p(.a(.class("button"), .href(SiteRoute.staffMemberNew.path), .text(ctx.t("staff.new_title")))),
            filter,
            Tables.table(caption: ctx.t("staff.list_title"),
                         headers: [ctx.t("staff.display_name"), ctx.t("form.email"), ctx.t("staff.roles"), ctx.t("staff.offices"),
                                   ctx.t("staff.status"), ctx.t("staff.2fa")],
                         rows: rows, empty: ctx.t("staff.none"))
        ))
    }
}

/// Creating or editing a staff account.
public enum StaffFormPage {
    public struct Model: Sendable {
        public let editingID: String?
        public let editingEmail: String?
        public let form: FormState
        public let roles: [(value: String, label: String)]
        public let mayGrantNational: Bool
        public let ownOffices: [String]
        public let twoFactorEnrolled: Bool
        public let notice: String?
        public init(editingID: String?, editingEmail: String?, form: FormState, roles: [(value: String, label: String)],
                    mayGrantNational: Bool, ownOffices: [String], twoFactorEnrolled: Bool, notice: String?) {
            self.editingID = editingID; self.editingEmail = editingEmail; self.form = form; self.roles = roles
            self.mayGrantNational = mayGrantNational; self.ownOffices = ownOffices; self.twoFactorEnrolled = twoFactorEnrolled
            self.notice = notice
        }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let title = model.editingEmail.map { ctx.t("staff.edit_title", ["email": $0]) } ?? ctx.t("staff.new_title")
        let action = model.editingID.map { SiteRoute.staffMember($0).path } ?? SiteRoute.staffMembers.path
        let officesHint = model.ownOffices.isEmpty ? ctx.t("staff.office_hint")
            : ctx.t("staff.offices_hint_own", ["ids": model.ownOffices.joined(separator: ", ")])
        let emailField: Node<HTML.FormContext> = model.editingID == nil
            ? Forms.field("email", label: ctx.t("form.email"), type: .email, state: model.form, autocomplete: "off", ctx: ctx) : .empty
        let roles: Node<HTML.FormContext> = .fieldset(.element(named: "legend", text: ctx.t("staff.roles")),
            .forEach(model.roles) { Forms.checkbox("role_" + $0.value, label: $0.label, state: model.form) })
        let form: Node<HTML.BodyContext> = .form(.method(.post), .action(action), .attribute(named: "novalidate", value: "novalidate"),
            Forms.csrf(ctx),
            emailField,
            Forms.field("display_name", label: ctx.t("staff.display_name"), state: model.form, autocomplete: "off", ctx: ctx),
            roles,
            Forms.field("offices", label: ctx.t("staff.offices"), state: model.form, required: false, hint: officesHint, ctx: ctx),
            .if(model.mayGrantNational, Forms.checkbox("national", label: ctx.t("staff.national"), state: model.form)),
            Forms.checkbox("active", label: ctx.t("staff.active"), state: model.form),
            .button(.type(.submit), .text(ctx.t(model.editingID == nil ? "staff.create" : "staff.save"))))
        let reset: Node<HTML.BodyContext> = model.editingID.map { id in
            .group(.h2(.text(ctx.t("staff.2fa"))),
                   .p(.text(ctx.t(model.twoFactorEnrolled ? "staff.2fa_on" : "staff.2fa_pending"))),
                   .if(model.twoFactorEnrolled, Forms.button(SiteRoute.staffMemberReset2FA(id).path, label: ctx.t("staff.2fa_reset"), ctx: ctx)))
        } ?? .empty
        return Layout.render(ctx, title: title, main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffMembers.path), .text("← " + ctx.t("staff.list_title")))),
            .h1(.text(title)),
            model.notice.map { Components.notice($0) } ?? .empty,
            .if(model.editingID == nil, .p(.text(ctx.t("staff.new_intro")))),
            Forms.errorSummary(model.form, ctx),
            form,
            reset
        ))
    }
}
