import Vapor
import Views
import Access
import Identity
import Storage

/// Administrators manage staff accounts of the offices in their own scope; only national
/// administrators create or change national accounts.
struct StaffAdminController: Sendable {
    @Sendable func list(req: Request, member: StaffMember) async throws -> Response {
        let filter = member.listedOffices(req)
        let rows = try await StaffStore(db: req.db).all().filter { other in
            guard AuthorizationMatrix.decide(member.principal, .manageStaff, on: StaffGuard.scopeTarget(other.scope)) == .allowed
            else { return false }
            guard let filter else { return true }
            if case .offices(let ids) = other.scope { return !ids.isDisjoint(with: filter) }
            return false
        }
        let t = req.catalogue
        let model = StaffListPage.Model(rows: rows.map { row($0, t) }, office: (try? req.query.get(String.self, at: "office")) ?? "")
        return .html(StaffListPage.render(model, req.pageContext))
    }

    func row(_ m: StaffMember, _ t: Localization.Catalogue) -> StaffListPage.Row {
        StaffListPage.Row(id: m.id.uuidString, name: m.displayName, email: m.email,
                          roles: m.roles.map { t.text("role." + $0.rawValue) }.sorted().joined(separator: ", "),
                          offices: m.scope == .national ? t.text("staff.national_scope") : m.sortedOffices.joined(separator: ", "),
                          active: m.active, twoFactor: m.totpConfirmed)
    }

    func formPage(_ req: Request, _ member: StaffMember, editing: StaffMember?, form: FormState, notice: String? = nil) -> StaffFormPage.Model {
        StaffFormPage.Model(editingID: editing?.id.uuidString, editingEmail: editing?.email, form: form,
                            roles: StaffRole.allCases.map { ($0.rawValue, req.catalogue.text("role." + $0.rawValue)) },
                            mayGrantNational: member.scope == .national,
                            ownOffices: member.sortedOffices, twoFactorEnrolled: editing?.totpConfirmed ?? false, notice: notice)
    }

    @Sendable func newForm(req: Request, member: StaffMember) async throws -> Response {
        let initial = FormState(values: ["offices": member.sortedOffices.joined(separator: ", "), "active": "on"])
        return .html(StaffFormPage.render(formPage(req, member, editing: nil, form: initial), req.pageContext))
    }

    /// The validated fields of the staff form.
    struct Fields { var name: String; var roles: Set<StaffRole>; var scope: OfficeScope; var active: Bool }

    func validate(_ req: Request, _ form: inout FormValidator) async throws -> Fields? {
        let t = req.catalogue
        form.required("display_name", label: t.text("staff.display_name"))
        var roles: Set<StaffRole> = []
        for role in StaffRole.allCases where (try? req.content.get(String.self, at: "role_" + role.rawValue)) == "on" { roles.insert(role) }
        if roles.isEmpty { form.fail("role_consultant", t.text("staff.roles_required")) }
        let scopeForm = try req.content.decode(StaffScopeForm.self)
        var scope = OfficeScope.national
        if !scopeForm.isNational {
            let ids = scopeForm.officeIDs
            var unknown: [String] = []
            for id in ids where try await req.directory.office(id: id) == nil { unknown.append(id) }
            if ids.isEmpty { form.fail("offices", t.text("staff.offices_required")) }
            else if !unknown.isEmpty { form.fail("offices", t.text("staff.offices_unknown", ["ids": unknown.joined(separator: ", ")])) }
            scope = .offices(Set(ids))
        }
        form.values["national"] = scopeForm.isNational ? "on" : ""
        for role in roles { form.values["role_" + role.rawValue] = "on" }
        let active = (try? req.content.get(String.self, at: "active")) == "on"
        form.values["active"] = active ? "on" : ""
        guard form.errors.isEmpty else { return nil }
        return Fields(name: form["display_name"], roles: roles, scope: scope, active: active)
    }

    struct CreateInput: Content { var email: String?; var display_name: String?; var offices: String? }

    @Sendable func create(req: Request, member: StaffMember) async throws -> Response {
        let input = try req.content.decode(CreateInput.self)
        let t = req.catalogue
        var form = FormValidator(t, ["email": input.email, "display_name": input.display_name, "offices": input.offices])
        let email = form.identifier("email", label: t.text("form.email"), EmailAddress.init)
        let fields = try await validate(req, &form)
        guard let email, let fields else {
            return .html(StaffFormPage.render(formPage(req, member, editing: nil, form: form.state), req.pageContext), status: .badRequest)
        }
        let token = Secrets.randomToken()
        // Nobody knows this password: the new member sets theirs through the welcome link.
        let unusable = try await req.password.async.hash(Secrets.randomToken())
        do {
            try await req.db.transaction { tx in
                let id = try await StaffStore(db: tx).create(email: email.value, passwordHash: unusable, displayName: fields.name,
                                                             roles: fields.roles, scope: fields.scope, language: req.language.rawValue)
                try await AccountStore(db: tx).issueToken(
                    account: id, purpose: .resetPassword, hash: Secrets.sha256Hex(token), expires: Date().addingTimeInterval(AccountPolicy.staffWelcomeLifetime),
                    mail: MailComposer(publicURL: req.services.config.publicURL).staffWelcome(to: email.value, token: token, language: req.language))
                try await AuditLog(db: tx, address: req.clientAddress).append(AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: nil,
                                                             action: "staff.created", detail: "\(email.value) \(fields.roles.map(\.rawValue).sorted())",
                                                             reason: "administration"))
            }
        } catch AccountStoreError.duplicateEmail {
            form.fail("email", t.text("form.email_taken"))
            return .html(StaffFormPage.render(formPage(req, member, editing: nil, form: form.state), req.pageContext), status: .badRequest)
        }
        return req.redirect(to: SiteRoute.staffMembers.with(["notice": "created"]), redirectType: .normal)
    }

    func target(_ req: Request) async throws -> StaffMember {
        guard let other = try await StaffStore(db: req.db).find(try req.parameters.require("id", as: UUID.self)) else { throw Abort(.notFound) }
        return other
    }

    @Sendable func show(req: Request, member: StaffMember) async throws -> Response {
        let other = try await target(req)
        return .html(StaffFormPage.render(formPage(req, member, editing: other, form: FormState(values: values(of: other))), req.pageContext))
    }

    func values(of other: StaffMember) -> [String: String] {
        var values = ["display_name": other.displayName, "offices": other.sortedOffices.joined(separator: ", "),
                      "national": other.scope == .national ? "on" : "", "active": other.active ? "on" : ""]
        for role in other.roles { values["role_" + role.rawValue] = "on" }
        return values
    }

    struct UpdateInput: Content { var display_name: String?; var offices: String? }

    @Sendable func update(req: Request, member: StaffMember) async throws -> Response {
        let other = try await target(req)
        let input = try req.content.decode(UpdateInput.self)
        var form = FormValidator(req.catalogue, ["display_name": input.display_name, "offices": input.offices])
        guard let fields = try await validate(req, &form) else {
            return .html(StaffFormPage.render(formPage(req, member, editing: other, form: form.state), req.pageContext), status: .badRequest)
        }
        // The new scope must be in the administrator's scope too, not only the old one.
        guard AuthorizationMatrix.decide(member.principal, .manageStaff, on: StaffGuard.scopeTarget(fields.scope)) == .allowed else {
            throw Abort(.forbidden, reason: req.catalogue.text("error.foreign_office"))
        }
        if other.id == member.id && (!fields.active || !fields.roles.contains(.administrator)) {
            form.fail("active", req.catalogue.text("staff.not_yourself"))
            return .html(StaffFormPage.render(formPage(req, member, editing: other, form: form.state), req.pageContext), status: .badRequest)
        }
        try await req.db.transaction { tx in
            try await StaffStore(db: tx).update(other.id, displayName: fields.name, roles: fields.roles, scope: fields.scope, active: fields.active)
            try await AuditLog(db: tx, address: req.clientAddress).append(AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: nil,
                                                         action: "staff.updated",
                                                         detail: "\(other.email) \(fields.roles.map(\.rawValue).sorted()) active=\(fields.active)",
                                                         reason: "administration"))
        }
        return req.redirect(to: SiteRoute.staffMembers.with(["notice": "updated"]), redirectType: .normal)
    }

    @Sendable func resetSecondFactor(req: Request, member: StaffMember) async throws -> Response {
        let other = try await target(req)
        try await req.db.transaction { tx in
            try await StaffStore(db: tx).resetSecondFactor(other.id)
            try await AuditLog(db: tx, address: req.clientAddress).append(AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: nil,
                                                         action: "staff.2fa_reset", detail: other.email, reason: "administration"))
        }
        let updated = try await target(req)
        return .html(StaffFormPage.render(formPage(req, member, editing: updated, form: FormState(values: values(of: updated)),
                                                   notice: req.catalogue.text("staff.2fa_was_reset")), req.pageContext))
    }
}

import Localization
import Clients
import Privacy
