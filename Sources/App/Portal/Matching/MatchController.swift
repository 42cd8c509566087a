import Vapor
import Views
import Localization
import Portal
import Storage

/// Where matching is seen: a seeker's "offers for you" (page and API) with the alert for new
/// ones, and a verified employer's "candidates for this offer".
struct MatchController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("account", "matches", use: page)
        routes.post("account", "matches", "alert", use: setAlert)
        routes.get("api", "v1", "matches", use: api)
        routes.get("employer", "offers", ":id", "candidates", use: candidates)
    }

    /// The seeker's matches, or why there are none.
    func matches(_ req: Request, _ account: Account) async throws -> (items: [Matching.OfferMatch], blocked: String?) {
        switch try await Matching(req).offers(forSeeker: account.id) {
        case .held(let hold): return ([], req.catalogue.text("matches.blocked." + hold.rawValue))
        case .noCV: return ([], req.catalogue.text("matches.no_cv"))
        case .found(let found): return (found, nil)
        }
    }

    func item(_ m: Matching.OfferMatch, _ req: Request, showCV: Bool) -> MatchItem {
        let o = m.offer
        let detail = [o.draft.employerVisible ? o.companyName : nil, o.draft.country == nil ? o.draft.locality : o.draft.locality + ", " + o.draft.country!,
                      OfferViews.wage(o.draft, req.catalogue, req.language)].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
        return MatchItem(heading: o.draft.title, path: SiteRoute.offer(o.id.uuidString.lowercased()).path, detail: detail, score: m.match.score,
                         reasons: MatchText(t: req.catalogue, language: req.language).reasons(m.match),
                         note: showCV ? req.catalogue.text("matches.for_cv", ["title": m.cv.draft.title]) : nil)
    }

    func page(req: Request) async throws -> Response {
        guard let account = try await CVController().seeker(req) else { return req.redirect(to: SiteRoute.login.path) }
        return try await render(req, account)
    }

    func render(_ req: Request, _ account: Account, notice: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let (found, blocked) = try await matches(req, account)
        let showCV = Set(found.map(\.cv.id)).count > 1
        let alert = try await SavedSearchStore(db: req.db).list(account: account.id).first { $0.kind == .matches && $0.active }
        let model = MatchesPage.Model(items: found.map { item($0, req, showCV: showCV) }, blocked: blocked,
                                      alert: alert?.frequency.rawValue ?? "off", notice: notice)
        return .html(MatchesPage.render(model, req.pageContext), status: status)
    }

    struct AlertInput: Content { var frequency: String? }

    /// One "new offers that fit my CV" alert per account: daily, weekly or none.
    func setAlert(req: Request) async throws -> Response {
        guard let account = try await CVController().seeker(req) else { return req.redirect(to: SiteRoute.login.path) }
        let t = req.catalogue
        let value = (try? req.content.decode(AlertInput.self).frequency) ?? nil
        guard let value, value == "off" || AlertFrequency(rawValue: value) != nil else {
            return try await render(req, account, notice: t.text("form.invalid_field", ["field": t.text("matches.alert_frequency"),
                                                                                        "reason": t.text("offer.error.choice")]), status: .badRequest)
        }
        let store = SavedSearchStore(db: req.db)
        for s in try await store.list(account: account.id) where s.kind == .matches { try await store.delete(s.id, account: account.id) }
        if let frequency = AlertFrequency(rawValue: value) {
            do {
                _ = try await store.create(account: account.id, kind: .matches, query: "", label: t.text("matches.alert_label"), frequency: frequency)
            } catch SavedSearchError.limitReached {
                return try await render(req, account, notice: t.text("alerts.limit", ["max": "\(AlertSchedule.maximumPerAccount)"]), status: .conflict)
            }
        }
        return try await render(req, account, notice: t.text(value == "off" ? "matches.alert_off_saved" : "matches.alert_saved"))
    }

    struct MatchJSON: Content {
        struct Offer: Content { let id: UUID; let title: String; let company: String?; let locality: String; let country: String? }
        let offer: Offer
        let cv_id: UUID
        let score: Int
        let reasons: [String]
    }
    struct MatchListJSON: Content { let items: [MatchJSON]; let blocked: String? }

    /// The same for the app: the signed-in seeker's offers that fit, with the reasons in words.
    func api(req: Request) async throws -> MatchListJSON {
        guard let account = try await req.signedInAccount() else { throw Abort(.unauthorized, reason: req.catalogue.text("matches.sign_in")) }
        guard account.kind == .seeker else { throw Abort(.forbidden, reason: req.catalogue.text("matches.seekers_only")) }
        let (found, blocked) = try await matches(req, account)
        let text = MatchText(t: req.catalogue, language: req.language)
        return MatchListJSON(items: found.map { m in
            MatchJSON(offer: .init(id: m.offer.id, title: m.offer.draft.title, company: m.offer.draft.employerVisible ? m.offer.companyName : nil,
                                   locality: m.offer.draft.locality, country: m.offer.draft.country),
                      cv_id: m.cv.id, score: m.match.score, reasons: text.reasons(m.match))
        }, blocked: blocked)
    }

    /// The candidates that fit one of the employer's live offers, for verified employers.
    func candidates(req: Request) async throws -> Response {
        let controller = CandidateController()
        let access = try await controller.access(req)
        guard case .allowed(let e) = access else { return controller.refusal(req, access) }
        let offer = try await EmployerOfferController().ownOffer(req, e)
        guard offer.isLive(now: Date()) else { throw NotFoundError(detail: req.catalogue.text("offers.not_found")) }
        let found = try await Matching(req).candidates(for: offer)
        let interested = try await CVStore(db: req.db).interests(offer: offer.id)
        let t = req.catalogue, text = MatchText(t: t, language: req.language)
        var items: [MatchItem] = []
        for (n, (c, m)) in found.enumerated() {
            let summary = try await controller.summary(c, req)
            let detail = [summary.place, summary.education, summary.experience, summary.languages].compactMap { $0 }.joined(separator: " · ")
            items.append(MatchItem(heading: t.text("matches.candidate_number", ["number": "\(n + 1)", "job": summary.heading]),
                                   path: SiteRoute.employerCandidate(summary.id).path, detail: detail, score: m.score,
                                   reasons: text.reasons(m), note: interested.contains(c.id) ? t.text("matches.interest_sent") : nil))
        }
        return .html(OfferCandidatesPage.render(.init(offerTitle: offer.draft.title, items: items), req.pageContext))
    }
}
