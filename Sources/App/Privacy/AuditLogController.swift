import Vapor
import Views
import Identity
import Directory
import Storage
import Clients

/// Supervisors and data-protection officers read the audit log of their offices, filtered by
/// client number, staff e-mail, action and dates.
struct AuditLogController: Sendable {
    struct Query: Content { var office: String?; var client: String?; var actor: String?; var action: String?; var from: String?; var to: String? }

    @Sendable func list(req: Request, member: StaffMember) async throws -> Response {
        let q = try req.query.decode(Query.self)
        let t = req.catalogue
        var filter = AuditLog.Filter(offices: member.listedOffices(req), limit: 200)
        var errors: [(field: String, message: String)] = []
        var empty = false
        if let raw = q.client?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            do {
                let number = try ClientNumber(raw)
                if let c = try await ClientStore(db: req.db).find(number: number.value) { filter.clientID = c.id } else { empty = true }
            } catch let e as IdentifierError {
                errors.append(("client", t.text("form.invalid_field", ["field": t.text("audit.client"), "reason": t.text(e.catalogueKey, e.arguments)])))
            }
        }
        if let raw = q.actor?.trimmingCharacters(in: .whitespaces).lowercased(), !raw.isEmpty {
            if let a = try await AccountStore(db: req.db).find(email: raw) { filter.actorID = a.id } else { empty = true }
        }
        if let action = q.action, !action.isEmpty { filter.action = action }
        for (field, raw) in [("from", q.from), ("to", q.to)] {
            guard let raw, !raw.isEmpty else { continue }
            guard let day = CalendarText.day(raw) else {
                errors.append((field, t.text("form.invalid_field", ["field": t.text("audit." + field), "reason": t.text("validation.date_format")])))
                continue
            }
            if field == "from" { filter.since = day } else { filter.until = day.addingTimeInterval(86_400) }
        }
        let form = FormState(values: ["office": q.office ?? "", "client": q.client ?? "", "actor": q.actor ?? "", "action": q.action ?? "",
                                      "from": q.from ?? "", "to": q.to ?? ""], errors: errors)
        guard errors.isEmpty else {
            return .html(AuditLogPage.render(.init(form: form, rows: []), req.pageContext), status: .badRequest)
        }
        let entries = empty ? [] : try await AuditLog(db: req.db, address: req.clientAddress).entries(filter)
        let actors = try await AuditLog(db: req.db, address: req.clientAddress).actorEmails(Set(entries.map(\.actorID)))
        let clients = try await ClientStore(db: req.db).numbers(Set(entries.compactMap(\.clientID)))
        let rows = entries.map { e in
            AuditLogPage.Row(at: DateText.dateTime(e.at, req.language), actor: actors[e.actorID] ?? e.actorID.uuidString,
                             actorOffice: e.actorOfficeID ?? "", client: e.clientID.flatMap { clients[$0] } ?? "",
                             clientOffice: e.clientOfficeID ?? "", action: e.action, detail: e.detail,
                             reason: t.text("reason." + e.reason))
        }
        return .html(AuditLogPage.render(.init(form: form, rows: rows), req.pageContext))
    }
}
