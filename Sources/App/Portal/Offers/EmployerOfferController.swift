import Vapor
import Views
import Portal
import Storage
import Clients
import TextSearch

/// Employers write, edit, renew and close their company's offers. A verified employer's offer
/// is published at once; others wait for the office of the place of work.
struct EmployerOfferController: RouteCollection {
    static let renewalDays = 30

    func boot(routes: any RoutesBuilder) throws {
        routes.get("employer", "offers", use: list)
        routes.get("employer", "offers", "new", use: newForm)
        routes.post("employer", "offers", use: create)
        routes.get("employer", "offers", ":id", "edit", use: editForm)
        routes.post("employer", "offers", ":id", use: update)
        routes.post("employer", "offers", ":id", "close", use: close)
        routes.post("employer", "offers", ":id", "renew", use: renew)
        routes.get(SiteRoute.apiOccupations.pathComponents, use: occupations)
        routes.get(SiteRoute.occupations.pathComponents, use: occupationPage)
    }

    struct Employer { let account: Account; let company: Company }

    /// The signed-in employer and their company, or nil (the caller sends them to log in).
    func employer(_ req: Request) async throws -> Employer? {
        guard let account = try await req.signedInAccount(), account.kind == .employer,
              let companyID = try await EmployerStore(db: req.db).companyID(ofAccount: account.id),
              let company = try await EmployerStore(db: req.db).find(company: companyID) else { return nil }
        return Employer(account: account, company: company)
    }

    /// An offer of the employer's own company; anyone else's is "not found".
    func ownOffer(_ req: Request, _ e: Employer) async throws -> StoredOffer {
        guard let id = req.parameters.get("id", as: UUID.self), let offer = try await OfferStore(db: req.db).find(id),
              offer.companyID == e.company.id else { throw NotFoundError(detail: req.catalogue.text("offers.not_found")) }
        return offer
    }

    func list(req: Request) async throws -> Response {
        guard let e = try await employer(req) else { return req.redirect(to: SiteRoute.login.path) }
        let t = req.catalogue
        let now = Date()
        let rows = try await OfferStore(db: req.db).ofCompany(e.company.id).map { o in
            EmployerOffersPage.Row(id: o.id.uuidString.lowercased(), title: o.draft.title,
                                   status: o.status == .published && !o.isLive(now: now) ? t.text("offer.state.expired") : t.text("offer.state." + o.status.rawValue),
                                   note: o.moderationNote, validUntil: OfferViews.date(o.draft.validUntil, req.language), live: o.isLive(now: now),
                                   closable: o.status != .closed && o.status != .rejected)
        }
        let notice = (try? req.query.get(String.self, at: "notice")).flatMap { ["saved": "offers.notice_saved", "pending": "offers.notice_pending",
                                                                                 "closed": "offers.notice_closed", "renewed": "offers.notice_renewed"][$0] }
        return .html(EmployerOffersPage.render(.init(company: e.company.name, verified: e.company.verified, rows: rows,
                                                     notice: notice.map { t.text($0) }), req.pageContext))
    }

    func formPage(_ req: Request, _ form: FormState, editing: String?, status: HTTPStatus = .ok) -> Response {
        .html(OfferFormPage.render(.init(form: form, editingID: editing), req.pageContext), status: status)
    }

    func newForm(req: Request) async throws -> Response {
        guard try await employer(req) != nil else { return req.redirect(to: SiteRoute.login.path) }
        let until = Calendar.polish.date(byAdding: .day, value: Self.renewalDays, to: Date())!
        return formPage(req, FormState(values: ["valid_until": OfferJSON.dayFormatter.string(from: until), "positions": "1",
                                                "positions_disabled": "0", "working_time": "1", "experience": "0", "employer_visible": "on"]),
                        editing: nil)
    }

    /// Checks the form; on success the draft, its place and index tokens.
    func prepare(_ req: Request, _ e: Employer) async throws -> (OfferDraft, OfferPlace, SearchTokens, String)? {
        var input = try req.content.decode(OfferForm.self)
        let (code, occupation) = try await OccupationInput.resolve(input.occupation, req)
        input.occupation = code
        input.languages = LanguageRows.text(req) ?? input.languages
        var (draft, errors) = input.draft(req.catalogue, occupationExists: { _ in occupation != nil })
        var place: OfferPlace? = nil
        if let d = draft {
            do { place = try await req.offerIndexer.place(of: d, company: e.company) } catch {
                errors.append(("postal_code", req.catalogue.text("offer.error.place")))
                draft = nil
            }
        }
        guard let draft, let place, let occupation, errors.isEmpty else {
            req.storage[FormErrorsKey.self] = FormState(values: input.values, errors: errors)
            return nil
        }
        let tokens = try await req.offerIndexer.tokens(draft, occupationName: occupation.name, place: place, companyName: e.company.name)
        return (draft, place, tokens, occupation.name)
    }

    struct FormErrorsKey: StorageKey { typealias Value = FormState }

    func create(req: Request) async throws -> Response {
        guard let e = try await employer(req) else { return req.redirect(to: SiteRoute.login.path) }
        guard let (draft, place, tokens, _) = try await prepare(req, e) else {
            return formPage(req, req.storage[FormErrorsKey.self] ?? FormState(), editing: nil, status: .badRequest)
        }
        let status = OfferLifecycle.afterSubmission(employerVerified: e.company.verified)
        _ = try await OfferStore(db: req.db).create(draft, company: e.company.id, by: e.account.id, place: place, status: status, tokens: tokens)
        return req.redirect(to: SiteRoute.employerOffers.with(["notice": status == .published ? "saved" : "pending"]), redirectType: .normal)
    }

    func editForm(req: Request) async throws -> Response {
        guard let e = try await employer(req) else { return req.redirect(to: SiteRoute.login.path) }
        let offer = try await ownOffer(req, e)
        return formPage(req, FormState(values: OfferForm.from(offer.draft).values), editing: offer.id.uuidString.lowercased())
    }

    func update(req: Request) async throws -> Response {
        guard let e = try await employer(req) else { return req.redirect(to: SiteRoute.login.path) }
        let offer = try await ownOffer(req, e)
        guard let (draft, place, tokens, _) = try await prepare(req, e) else {
            return formPage(req, req.storage[FormErrorsKey.self] ?? FormState(), editing: offer.id.uuidString.lowercased(), status: .badRequest)
        }
        let status = OfferLifecycle.afterSubmission(employerVerified: e.company.verified)
        try await OfferStore(db: req.db).update(offer.id, draft, place: place, status: status, tokens: tokens)
        return req.redirect(to: SiteRoute.employerOffers.with(["notice": status == .published ? "saved" : "pending"]), redirectType: .normal)
    }

    func close(req: Request) async throws -> Response {
        guard let e = try await employer(req) else { return req.redirect(to: SiteRoute.login.path) }
        try await OfferStore(db: req.db).close(try await ownOffer(req, e).id)
        return req.redirect(to: SiteRoute.employerOffers.with(["notice": "closed"]), redirectType: .normal)
    }

    /// Another 30 days from today (an offer may not be open longer than the limit at once).
    func renew(req: Request) async throws -> Response {
        guard let e = try await employer(req) else { return req.redirect(to: SiteRoute.login.path) }
        let offer = try await ownOffer(req, e)
        guard offer.status == .published else { throw Abort(.conflict, reason: req.catalogue.text("offers.renew_only_published")) }
        let until = Calendar.polish.date(byAdding: .day, value: Self.renewalDays, to: Date())!
        try await OfferStore(db: req.db).renew(offer.id, until: max(until, offer.draft.validUntil))
        return req.redirect(to: SiteRoute.employerOffers.with(["notice": "renewed"]), redirectType: .normal)
    }

    struct OccupationJSON: Content { let code: String; let name: String }

    /// The occupation codes found by words of their names, as a page (no script needed).
    func occupationPage(req: Request) async throws -> Response {
        let q = ((try? req.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        if !q.isEmpty && (q.count < 2 || q.count > 100) {
            return .html(OccupationSearchPage.render(.init(query: q, results: [], error: req.catalogue.text("offers.occupation_query")), req.pageContext),
                         status: .badRequest)
        }
        let found = q.isEmpty ? [] : try await req.services.directoryCache.snapshot(req.db).occupations(matching: q, limit: 100).map { (code: $0.code, name: $0.name) }
        return .html(OccupationSearchPage.render(.init(query: q, results: found, error: nil), req.pageContext))
    }

    /// Type-ahead for the occupation field: `?q=spaw` → codes and names.
    func occupations(req: Request) async throws -> [OccupationJSON] {
        let q = ((try? req.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        guard q.count >= 2, q.count <= 100 else {
            throw FieldValidationError(field: "q", reason: req.catalogue.text("offers.occupation_query"))
        }
        return try await req.services.directoryCache.snapshot(req.db).occupations(matching: q).map { OccupationJSON(code: $0.code, name: $0.name) }
    }
}
