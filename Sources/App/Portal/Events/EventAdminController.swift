import Vapor
import Views
import Access
import Directory
import Portal
import Storage
import Clients
import TextSearch

/// Office staff add, change and remove their office's trainings and job fairs.
struct EventAdminController: Sendable {
    @Sendable func list(req: Request, member: StaffMember) async throws -> Response {
        let rows = try await EventStore(db: req.db).list(offices: member.listedOffices(req)).map { e in
            StaffEventsPage.Row(id: e.id.uuidString.lowercased(), kind: req.catalogue.text("event.kind." + e.draft.kind.rawValue), title: e.draft.title,
                                when: EventViews.when(e.draft, req), office: e.draft.officeID,
                                publicPath: SiteRoute.event(e.draft.kind, e.id.uuidString.lowercased()).path)
        }
        let notice = (try? req.query.get(String.self, at: "notice")).flatMap { ["saved", "deleted"].contains($0) ? $0 : nil }
        return .html(StaffEventsPage.render(.init(rows: rows, notice: notice.map { req.catalogue.text("event.notice_" + $0) }), req.pageContext))
    }

    func formPage(_ req: Request, _ member: StaffMember, _ form: FormState, editing: String?, status: HTTPStatus = .ok) async throws -> Response {
        let offices: [(value: String, label: String)]
        switch member.scope {
        case .national: offices = try await req.directory.offices(matching: nil, voivodeship: nil).map { ($0.id, $0.name) }
        case .offices(let ids):
            var list: [(value: String, label: String)] = []
            for id in ids.sorted() { if let o = try await req.directory.office(id: id) { list.append((o.id, o.name)) } }
            offices = list
        }
        return .html(StaffEventFormPage.render(.init(form: form, editingID: editing, offices: offices), req.pageContext), status: status)
    }

    @Sendable func newForm(req: Request, member: StaffMember) async throws -> Response {
        let kind = (try? req.query.get(String.self, at: "kind")).flatMap(EventKind.init(rawValue:)) ?? .training
        let firstOffice: String? = if case .offices(let ids) = member.scope { ids.sorted().first } else { nil }
        return try await formPage(req, member, FormState(values: ["kind": kind.rawValue, "funding": "free", "office_id": firstOffice ?? ""]), editing: nil)
    }

    /// The checked draft, its place and tokens; or nil with the form's errors stored. The
    /// office in the form must be in the member's scope as well as the event's own.
    func prepare(_ req: Request, _ member: StaffMember) async throws -> (EventDraft, EventPlace, SearchTokens)? {
        let input = try req.content.decode(EventForm.self)
        var (draft, errors) = input.draft(req.catalogue)
        if let d = draft, AuthorizationMatrix.decide(member.principal, .editOfficeContent, on: .office(d.officeID)) != .allowed {
            throw Abort(.forbidden, reason: req.catalogue.text("error.foreign_office"))
        }
        var place = EventPlace(powiatCode: nil, voivodeshipCode: nil)
        var powiatName: String? = nil
        if let d = draft {
            if try await req.directory.office(id: d.officeID) == nil {
                errors.append(("office_id", req.catalogue.text("search.error.choice"))); draft = nil
            } else if let code = d.postalCode {
                if let location = try? await OfficeLocator(store: req.directory).locate(code) {
                    place = EventPlace(powiatCode: location.powiat.code, voivodeshipCode: location.voivodeship.code)
                    powiatName = location.powiat.name
                } else {
                    errors.append(("postal_code", req.catalogue.text("offer.error.place"))); draft = nil
                }
            } else if let office = try await req.directory.office(id: d.officeID) {
                place.voivodeshipCode = office.voivodeshipCode
            }
        }
        guard let draft, errors.isEmpty else {
            req.storage[EventErrorsKey.self] = FormState(values: input.values, errors: errors)
            return nil
        }
        return (draft, place, EventViews.tokens(draft, powiatName: powiatName, analyzer: req.services.analyzer))
    }

    struct EventErrorsKey: StorageKey { typealias Value = FormState }

    @Sendable func create(req: Request, member: StaffMember) async throws -> Response {
        guard let (draft, place, tokens) = try await prepare(req, member) else {
            return try await formPage(req, member, req.storage[EventErrorsKey.self] ?? FormState(), editing: nil, status: .badRequest)
        }
        _ = try await EventStore(db: req.db).create(draft, place: place, tokens: tokens, by: member.id)
        return req.redirect(to: SiteRoute.staffEvents.with(["notice": "saved"]), redirectType: .normal)
    }

    func event(_ req: Request) async throws -> StoredEvent {
        guard let e = try await EventStore(db: req.db).find(try req.parameters.require("id", as: UUID.self)) else { throw Abort(.notFound) }
        return e
    }

    @Sendable func editForm(req: Request, member: StaffMember) async throws -> Response {
        let e = try await event(req)
        return try await formPage(req, member, FormState(values: EventForm.values(e.draft)), editing: e.id.uuidString.lowercased())
    }

    @Sendable func update(req: Request, member: StaffMember) async throws -> Response {
        let e = try await event(req)
        guard let (draft, place, tokens) = try await prepare(req, member) else {
            return try await formPage(req, member, req.storage[EventErrorsKey.self] ?? FormState(), editing: e.id.uuidString.lowercased(), status: .badRequest)
        }
        try await EventStore(db: req.db).update(e.id, draft, place: place, tokens: tokens)
        return req.redirect(to: SiteRoute.staffEvents.with(["notice": "saved"]), redirectType: .normal)
    }

    @Sendable func delete(req: Request, member: StaffMember) async throws -> Response {
        try await EventStore(db: req.db).delete(try await event(req).id)
        return req.redirect(to: SiteRoute.staffEvents.with(["notice": "deleted"]), redirectType: .normal)
    }
}
