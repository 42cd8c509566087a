import Vapor
import Views
import Localization
import Portal
import Storage

/// Saving searches as e-mail alerts, the list of one's alerts, and the signed unsubscribe link.
struct AlertController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("account", "alerts", use: list)
        routes.post("account", "alerts", use: create)
        routes.post("account", "alerts", ":id", use: change)
        routes.post("account", "alerts", ":id", "delete", use: delete)
        routes.get("alerts", "unsubscribe", use: unsubscribe)
        routes.post("alerts", "resubscribe", use: resubscribe)
    }

    func list(req: Request) async throws -> Response {
        guard let account = try await req.signedInAccount(), account.kind != .staff else { return req.redirect(to: SiteRoute.login.path) }
        return try await page(req, account)
    }

    func page(_ req: Request, _ account: Account, errors: FormState = FormState(), status: HTTPStatus = .ok) async throws -> Response {
        let t = req.catalogue
        let rows = try await SavedSearchStore(db: req.db).list(account: account.id).map { s in
            AlertsPage.Row(id: s.id.uuidString.lowercased(), label: s.label, kind: t.text("alerts.kind." + s.kind.rawValue),
                           searchPath: AlertMail.searchPath(s.kind) + (s.query.isEmpty ? "" : "?" + s.query),
                           frequency: t.text("alerts.frequency." + s.frequency.rawValue), isDaily: s.frequency == .daily,
                           lastSent: s.lastRunAt.map { DateText.dateTime($0, req.language) }, active: s.active)
        }
        let notice = (try? req.query.get(String.self, at: "notice")).flatMap { ["saved", "deleted", "changed"].contains($0) ? $0 : nil }
        return .html(AlertsPage.render(.init(rows: rows, notice: notice.map { t.text("alerts.notice_" + $0) }, errors: errors), req.pageContext),
                     status: status)
    }

    struct CreateInput: Content { var kind: String?; var query: String?; var label: String?; var frequency: String? }

    func create(req: Request) async throws -> Response {
        guard let account = try await req.signedInAccount(), account.kind != .staff else { return req.redirect(to: SiteRoute.login.path) }
        switch try await save(try req.content.decode(CreateInput.self), account: account, req) {
        case .saved: return req.redirect(to: SiteRoute.accountAlerts.with(["notice": "saved"]), redirectType: .normal)
        case .refused(let field, let message): return try await page(req, account, errors: FormState(errors: [(field, message)]), status: .badRequest)
        }
    }

    enum SaveOutcome { case saved(UUID), refused(field: String, message: String) }

    /// A saved search checked as the search itself checks its query (the page and the app's API).
    func save(_ input: CreateInput, account: Account, _ req: Request) async throws -> SaveOutcome {
        let t = req.catalogue
        func refuse(_ field: String, _ key: String, _ args: [String: String] = [:]) -> SaveOutcome {
            .refused(field: field, message: t.text("form.invalid_field", ["field": t.text("alerts.field." + field), "reason": t.text(key, args)]))
        }
        guard let kind = SavedSearchKind(rawValue: input.kind ?? "") else { return refuse("kind", "search.error.choice") }
        if kind == .candidates && account.kind != .employer { return refuse("kind", "search.error.choice") }
        // "Offers that fit my CV" is set on its own page, one per account.
        if kind == .matches { return refuse("kind", "search.error.choice") }
        guard let frequency = AlertFrequency(rawValue: input.frequency ?? "weekly") else { return refuse("frequency", "search.error.choice") }
        let label = (input.label ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard label.count <= 100 else { return refuse("label", "offer.error.too_long", ["max": "100"]) }
        let raw = String((input.query ?? "").prefix(2000))
        let items = URLComponents(string: "/?" + raw)?.queryItems?.map { (name: $0.name, value: $0.value ?? "") } ?? []
        let query = AlertSchedule.canonicalQuery(items)
        // The saved query must be one the search accepts.
        let probe = Request(application: req.application, method: .GET, url: URI(string: SiteRoute.alerts.with(rawQuery: query + "&lang=" + req.language.rawValue)),
                            on: req.eventLoop)
        let errors: [(field: String, message: String)] = switch kind {
        case .offers: try await probe.query.decode(OfferSearchRequest.self).criteria(probe).1
        case .trainings: try await probe.query.decode(EventController.Query.self).criteria(.training, probe).1
        case .jobFairs: try await probe.query.decode(EventController.Query.self).criteria(.jobFair, probe).1
        case .candidates: try await probe.query.decode(CandidateRequest.self).criteria(probe).1
        case .matches: []
        case .news: try await Self.newsRegionErrors(probe)
        }
        if let first = errors.first { return .refused(field: "query", message: first.message) }
        let name = label.isEmpty ? Self.defaultLabel(kind, items, t) : label
        do {
            return .saved(try await SavedSearchStore(db: req.db).create(account: account.id, kind: kind, query: query, label: name, frequency: frequency))
        } catch SavedSearchError.limitReached {
            return refuse("label", "alerts.limit", ["max": "\(AlertSchedule.maximumPerAccount)"])
        }
    }

    /// News alerts are for a region: a voivodeship or a powiat the register knows.
    static func newsRegionErrors(_ probe: Request) async throws -> [(field: String, message: String)] {
        let register = try await probe.services.directoryCache.register(probe.db)
        switch try await NewsController.filter(try probe.query.decode(NewsController.Query.self), probe, register: register) {
        case .failure(let error): return [(error.field, error.reason)]
        case .success(.everything), .success(.national): return [("voivodeship", probe.catalogue.text("news.error.region_needed"))]
        case .success: return []
        }
    }

    static func defaultLabel(_ kind: SavedSearchKind, _ items: [(name: String, value: String)], _ t: Catalogue) -> String {
        let q = items.first { $0.name == "q" }?.value.trimmingCharacters(in: .whitespaces) ?? ""
        return q.isEmpty ? t.text("alerts.kind." + kind.rawValue) : String(q.prefix(100))
    }

    struct ChangeInput: Content { var frequency: String? }

    func change(req: Request) async throws -> Response {
        guard let account = try await req.signedInAccount() else { return req.redirect(to: SiteRoute.login.path) }
        guard let id = req.parameters.get("id", as: UUID.self), let frequency = AlertFrequency(rawValue: (try? req.content.decode(ChangeInput.self).frequency) ?? nil ?? "")
        else { throw FieldValidationError(field: "frequency", reason: req.catalogue.text("search.error.choice")) }
        do { try await SavedSearchStore(db: req.db).setFrequency(id, account: account.id, frequency) } catch SavedSearchError.notFound { throw Abort(.notFound) }
        return req.redirect(to: SiteRoute.accountAlerts.with(["notice": "changed"]), redirectType: .normal)
    }

    func delete(req: Request) async throws -> Response {
        guard let account = try await req.signedInAccount() else { return req.redirect(to: SiteRoute.login.path) }
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.notFound) }
        do { try await SavedSearchStore(db: req.db).delete(id, account: account.id) } catch SavedSearchError.notFound { throw Abort(.notFound) }
        return req.redirect(to: SiteRoute.accountAlerts.with(["notice": "deleted"]), redirectType: .normal)
    }

    struct SignedInput: Content { var id: String?; var sig: String? }

    /// The search named by a correctly signed link (no sign-in needed: the link is the proof).
    func signedSearch(_ input: SignedInput, _ req: Request) async throws -> (SavedSearch, String) {
        guard let id = input.id.flatMap(UUID.init(uuidString:)), let sig = input.sig,
              SignedLink.checked(SignedLink.alertUnsubscribe, req.services.secrets, \.alertKey).isValid(id, signature: sig) else {
            throw Abort(.forbidden, reason: req.catalogue.text("alerts.bad_link"))
        }
        guard let search = try await SavedSearchStore(db: req.db).find(id) else { throw NotFoundError(detail: req.catalogue.text("alerts.gone")) }
        return (search, sig)
    }

    /// One click: the link in the e-mail stops the alert at once.
    func unsubscribe(req: Request) async throws -> Response {
        let (search, sig) = try await signedSearch(try req.query.decode(SignedInput.self), req)
        try await SavedSearchStore(db: req.db).setActive(search.id, false)
        return .html(UnsubscribedPage.render(.init(label: search.label, id: search.id.uuidString.lowercased(), signature: sig, resubscribed: false),
                                             req.pageContext))
    }

    func resubscribe(req: Request) async throws -> Response {
        let (search, sig) = try await signedSearch(try req.content.decode(SignedInput.self), req)
        try await SavedSearchStore(db: req.db).setActive(search.id, true)
        return .html(UnsubscribedPage.render(.init(label: search.label, id: search.id.uuidString.lowercased(), signature: sig, resubscribed: true),
                                             req.pageContext))
    }
}
