import Vapor
import Views
import Directory
import Portal
import Storage

/// Trainings and job fairs for the public: search pages, a page for each, and the JSON API.
struct EventController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        for kind in EventKind.allCases {
            routes.get(Self.pathComponent(kind)) { try await self.list(req: $0, kind: kind) }
            routes.get(Self.pathComponent(kind), ":id") { try await self.detail(req: $0, kind: kind) }
            routes.get("api", "v1", Self.pathComponent(kind)) { try await self.api(req: $0, kind: kind) }
            routes.get("api", "v1", Self.pathComponent(kind), ":id") { try await self.one(req: $0, kind: kind) }
        }
    }

    static func pathComponent(_ kind: EventKind) -> PathComponent { kind == .training ? "trainings" : "job-fairs" }
    static func path(_ kind: EventKind) -> String { SiteRoute.events(kind).path }

    struct Query: Content {
        var q: String?; var voivodeship: String?; var office: String?; var no_cost: String?; var online: String?; var from: String?
        var page: String?; var per_page: String?

        var values: [String: String] {
            ["q": q ?? "", "voivodeship": voivodeship ?? "", "no_cost": no_cost == nil ? "" : "on", "online": online == nil ? "" : "on", "from": from ?? ""]
        }

        func criteria(_ kind: EventKind, _ req: Request) async throws -> (EventCriteria, [(field: String, message: String)]) {
            var check = QueryChecker(req, labelPrefix: "event.search.")
            var c = EventCriteria(kind: kind)
            c.query = check.text(q, analyzer: req.services.analyzer)
            c.voivodeship = try await check.area(voivodeship: voivodeship, powiat: nil, req).voivodeship
            if let o = check.present(office) {
                if try await req.directory.office(id: o) != nil { c.office = o } else { check.invalid("office", "search.error.choice") }
            }
            for (field, value) in [("no_cost", no_cost), ("online", online)] {
                guard let v = check.present(value) else { continue }
                guard ["1", "true", "on"].contains(v) else { check.invalid(field, "search.error.choice"); continue }
                if field == "no_cost" { c.noCostOnly = true } else { c.onlineOnly = true }
            }
            if let v = check.present(from) {
                if let day = CalendarText.day(v) { c.from = day } else { check.invalid("from", "validation.date_format") }
            }
            c.page = check.page(page) ?? c.page
            c.perPage = check.perPage(per_page) ?? c.perPage
            return (c, check.errors)
        }
    }

    func list(req: Request, kind: EventKind) async throws -> Response {
        let input = try req.query.decode(Query.self)
        let (criteria, errors) = try await input.criteria(kind, req)
        let result = errors.isEmpty ? try await EventStore(db: req.db).search(criteria) : nil
        let items = try await (result?.events ?? []).asyncMapAll { try await EventViews.item($0, req) }
        let model = EventListPage.Model(kind: kind.rawValue, path: Self.path(kind), form: FormState(values: input.values, errors: errors),
                                        voivodeships: try await req.directory.voivodeships().map { ($0.code, $0.name) },
                                        total: result?.total, page: criteria.page, perPage: criteria.perPage, items: items)
        return .html(EventListPage.render(model, req.pageContext), status: errors.isEmpty ? .ok : .badRequest)
    }

    func find(_ req: Request, _ kind: EventKind) async throws -> StoredEvent {
        guard let id = req.parameters.get("id", as: UUID.self), let event = try await EventStore(db: req.db).find(id), event.draft.kind == kind else {
            throw NotFoundError(detail: req.catalogue.text("event.not_found"))
        }
        return event
    }

    func detail(req: Request, kind: EventKind) async throws -> Response {
        let event = try await find(req, kind)
        let office = try await req.directory.office(id: event.draft.officeID)
        return .html(EventDetailPage.render(try await EventViews.detail(event, office: office, req), req.pageContext))
    }

    struct EventJSON: Content {
        let id: UUID
        let url: String
        let kind: String
        let title: String
        let organiser: String
        let topic: String
        let description: String
        let online: Bool
        let place: Place
        let starts_at: Date
        let ends_at: Date?
        let price: Double?
        let currency: String
        let funding: String
        let seats: Int?
        let office_id: String
        struct Place: Content { let locality: String; let address: String; let postal_code: String?; let powiat: String?; let voivodeship: String? }

        init(_ e: StoredEvent, publicURL: String) {
            let d = e.draft
            id = e.id; url = publicURL + SiteRoute.event(d.kind, e.id.uuidString.lowercased()).path; kind = d.kind.rawValue
            title = d.title; organiser = d.organiser; topic = d.topic; description = d.description; online = d.online
            place = Place(locality: d.locality, address: d.address, postal_code: d.postalCode, powiat: e.powiatCode, voivodeship: e.voivodeshipCode)
            starts_at = d.startsAt; ends_at = d.endsAt; price = d.price; currency = "PLN"; funding = d.funding.rawValue; seats = d.seats
            office_id = d.officeID
        }
    }

    struct EventListJSON: Content { let total: Int; let page: Int; let per_page: Int; let items: [EventJSON] }

    func api(req: Request, kind: EventKind) async throws -> EventListJSON {
        let (criteria, errors) = try await req.query.decode(Query.self).criteria(kind, req)
        try Problem.check(errors, req)
        let result = try await EventStore(db: req.db).search(criteria)
        let url = req.services.config.publicURL
        return EventListJSON(total: result.total, page: criteria.page, per_page: criteria.perPage,
                             items: result.events.map { EventJSON($0, publicURL: url) })
    }

    func one(req: Request, kind: EventKind) async throws -> EventJSON {
        EventJSON(try await find(req, kind), publicURL: req.services.config.publicURL)
    }
}
