import Vapor
import Views
import Identity
import Storage
import Access
import Directory

/// Staff look clients up and open their card. Every read of personal data (search results,
/// the card, a PIN change) goes into the audit log with a reason chosen by the staff member.
struct StaffClientController: Sendable {
    /// Why a staff member reads a client's data; the audit log records one of these.
    static let reasons = ["call", "chat", "email", "visit", "case_handling", "link_verification", "data_request", "supervision"]
    static let searchKinds = ["number", "phone", "email", "pesel"]

    struct SearchInput: Content { var by: String?; var q: String?; var reason: String? }

    @Sendable func search(req: Request, member: StaffMember) async throws -> Response {
        let input = try req.query.decode(SearchInput.self)
        let t = req.catalogue
        let by = Self.searchKinds.contains(input.by ?? "") ? input.by! : "number"
        let q = (input.q ?? "").trimmingCharacters(in: .whitespaces)
        var form = FormState(values: ["by": by, "q": q, "reason": input.reason ?? ""])
        func page(_ rows: [ClientSearchPage.Row]?, status: HTTPStatus = .ok) -> Response {
            .html(ClientSearchPage.render(.init(form: form, kinds: Self.searchKinds.map { ($0, t.text("clients.by_" + $0)) },
                                                reasons: reasons(t), rows: rows), req.pageContext), status: status)
        }
        guard !q.isEmpty else { return page(nil) }
        guard let reason = input.reason, Self.reasons.contains(reason) else {
            form.errors.append(("reason", t.text("clients.reason_required")))
            return page(nil, status: .badRequest)
        }
        let store = ClientStore(db: req.db)
        // Restricted records are the data protection officer's alone.
        let dpo = AuthorizationMatrix.allows(member.roles, .handleDataRequests)
        var found: [OfficeClient] = []
        do {
            switch by {
            case "phone": found = try await store.find(contact: "phone", value: try PhoneNumber(q).value, includingRestricted: dpo)
            case "email": found = try await store.find(contact: "email", value: try EmailAddress(q).value, includingRestricted: dpo)
            case "pesel": found = try await store.find(peselIndexes: req.services.cipher.blindIndexes(try PESEL(q).value), includingRestricted: dpo).map { [$0] } ?? []
            default: found = try await store.find(number: try ClientNumber(q).value, includingRestricted: dpo).map { [$0] } ?? []
            }
        } catch let e as IdentifierError {
            form.errors.append(("q", t.text("form.invalid_field", ["field": t.text("clients.by_" + by), "reason": t.text(e.catalogueKey, e.arguments)])))
            return page(nil, status: .badRequest)
        }
        // Only clients of the member's offices; the others are not shown at all.
        let visible = found.filter { c in c.officeID.map(member.scope.covers) ?? (member.scope == .national) }
        try await req.db.transaction { tx in
            for c in visible {
                try await AuditLog(db: tx, address: req.clientAddress).append(AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: c.id,
                                                             clientOfficeID: c.officeID, action: "client.search",
                                                             detail: "by \(by)", reason: reason))
            }
        }
        return page(visible.map { c in
            ClientSearchPage.Row(id: c.id.uuidString, number: c.number, name: [c.firstName, c.lastName].compactMap { $0 }.joined(separator: " "),
                                 office: c.officeID ?? "", reason: reason)
        })
    }

    func reasons(_ t: Localization.Catalogue) -> [(String, String)] { Self.reasons.map { ($0, t.text("reason." + $0)) } }

    /// A restricted record is not there for anyone but the data protection officer.
    func client(_ req: Request, member: StaffMember) async throws -> OfficeClient {
        guard let c = try await ClientStore(db: req.db).find(id: try req.parameters.require("id", as: UUID.self)),
              !c.restricted || AuthorizationMatrix.allows(member.roles, .handleDataRequests) else { throw Abort(.notFound) }
        return c
    }

    /// Without a reason the card asks for one and shows no personal data.
    @Sendable func card(req: Request, member: StaffMember) async throws -> Response {
        let c = try await client(req, member: member)
        guard let reason = try? req.query.get(String.self, at: "reason"), Self.reasons.contains(reason) else {
            return .html(ClientReasonPage.render(.init(clientID: c.id.uuidString, reasons: reasons(req.catalogue)), req.pageContext))
        }
        try await AuditLog(db: req.db, address: req.clientAddress).append(AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: c.id,
                                                         clientOfficeID: c.officeID, action: "client.read", detail: "card", reason: reason))
        return .html(ClientCardPage.render(try await cardModel(req, c, reason: reason, form: FormState(), notice: nil), req.pageContext))
    }

    func cardModel(_ req: Request, _ c: OfficeClient, reason: String, form: FormState, notice: String?,
                   registrationForm: FormState? = nil) async throws -> ClientCardPage.Model {
        let t = req.catalogue
        let account = try await c.accountID.asyncMap { try await AccountStore(db: req.db).find(id: $0) } ?? nil
        let office = try await c.officeID.asyncMap { try await req.directory.office(id: $0)?.name ?? $0 } ?? nil
        return ClientCardPage.Model(
            id: c.id.uuidString, number: c.number, kind: t.text("clients.kind_" + c.kind.rawValue),
            name: [c.firstName, c.lastName].compactMap { $0 }.joined(separator: " "),
            pesel: try c.peselCiphertext.map { try req.services.cipher.decrypt($0) },
            office: office, phones: c.phones, emails: c.emails, accountEmail: account?.email, hasPIN: c.hasPIN,
            reason: reason, pinForm: form, notice: notice,
            unemployedSince: c.unemployedSince.map { t.text("clients.unemployed_yes", ["date": DateText.date($0, req.language)]) },
            registrationForm: registrationForm ?? FormState(values: ["since": c.unemployedSince.map { CalendarText.dayString($0) } ?? ""]))
    }

    /// The reason the card was opened with, carried by its forms (a case, by default).
    static func reason(_ given: String?) -> String { reasons.contains(given ?? "") ? given! : "case_handling" }

    /// A change to the client's record in one transaction with its audit row, then the card
    /// again with `notice`.
    func changed(_ req: Request, _ member: StaffMember, _ c: OfficeClient, reason: String, action: String, detail: String, notice: String,
                 _ change: @escaping @Sendable (ClientStore) async throws -> Void) async throws -> Response {
        try await req.db.transaction { tx in
            try await change(ClientStore(db: tx))
            try await AuditLog(db: tx, address: req.clientAddress).append(AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: c.id,
                                                         clientOfficeID: c.officeID, action: action, detail: detail, reason: reason))
        }
        let updated = try await client(req, member: member)
        return .html(ClientCardPage.render(try await cardModel(req, updated, reason: reason, form: FormState(), notice: notice), req.pageContext))
    }

    struct RegistrationInput: Content { var since: String?; var reason: String? }

    /// Registered as unemployed since a day (from the office's own register), or no longer
    /// (empty): what the free line for the registered unemployed checks. Audited.
    @Sendable func setRegistration(req: Request, member: StaffMember) async throws -> Response {
        let c = try await client(req, member: member)
        let input = try req.content.decode(RegistrationInput.self)
        let reason = Self.reason(input.reason)
        let text = (input.since ?? "").trimmingCharacters(in: .whitespaces)
        let day = text.isEmpty ? nil : CalendarText.day(text)
        if !text.isEmpty && (day == nil || day! > Date()) {
            let form = FormState(values: ["since": text], errors: [("since", req.catalogue.text(day == nil ? "validation.date_format" : "clients.unemployed_future"))])
            return .html(ClientCardPage.render(try await cardModel(req, c, reason: reason, form: FormState(), notice: nil, registrationForm: form),
                                               req.pageContext), status: .badRequest)
        }
        return try await changed(req, member, c, reason: reason, action: "client.registration_set",
                                 detail: day == nil ? "not registered as unemployed" : "registered as unemployed since \(text)",
                                 notice: req.catalogue.text("clients.unemployed_saved")) { try await $0.setUnemployed(c.id, since: day) }
    }

    struct PINInput: Content { var pin: String?; var reason: String? }

    @Sendable func setPIN(req: Request, member: StaffMember) async throws -> Response {
        let c = try await client(req, member: member)
        let input = try req.content.decode(PINInput.self)
        let reason = Self.reason(input.reason)
        let pin = input.pin ?? ""
        let problems = PINPolicy.problems(pin)
        guard problems.isEmpty else {
            let form = FormState(errors: problems.map { ("pin", req.catalogue.text($0.rawValue)) })
            return .html(ClientCardPage.render(try await cardModel(req, c, reason: reason, form: form, notice: nil), req.pageContext),
                         status: .badRequest)
        }
        let hash = try await req.password.async.hash(pin)
        return try await changed(req, member, c, reason: reason, action: "client.pin_set", detail: "phone PIN",
                                 notice: req.catalogue.text("clients.pin_set")) { try await $0.setPIN(c.id, hash: hash) }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

import Localization
import Clients
import Privacy
