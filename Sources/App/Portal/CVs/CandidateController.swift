import Vapor
import Views
import Localization
import Portal
import Storage

/// Verified employers search candidates over what seekers shared — never a hidden section,
/// never contact data — and can say "I am interested", which e-mails the seeker naming the
/// company and offer; the seeker decides whether to answer.
struct CandidateController: RouteCollection {
    /// Interest messages one company may send a day.
    static let dailyInterestLimit = 100

    func boot(routes: any RoutesBuilder) throws {
        routes.get("employer", "candidates", use: search)
        routes.get("employer", "candidates", ":id", use: detail)
        routes.post("employer", "candidates", ":id", "interest", use: interest)
        routes.get("api", "v1", "candidates", use: api)
    }

    enum Access { case allowed(EmployerOfferController.Employer), signIn, unverified }

    /// Only employers whose company an office verified may look at candidates.
    func access(_ req: Request) async throws -> Access {
        guard let e = try await EmployerOfferController().employer(req) else { return .signIn }
        return e.company.verified ? .allowed(e) : .unverified
    }

    func refusal(_ req: Request, _ access: Access) -> Response {
        if case .unverified = access {
            return .html(CandidateSearchPage.renderUnverified(req.pageContext), status: .forbidden)
        }
        return req.redirect(to: SiteRoute.login.path)
    }

    func search(req: Request) async throws -> Response {
        let a = try await access(req)
        guard case .allowed = a else { return refusal(req, a) }
        let input = try req.query.decode(CandidateRequest.self)
        let (criteria, errors) = try await input.criteria(req)
        let result = errors.isEmpty ? try await CVStore(db: req.db).searchCandidates(criteria) : nil
        let items = try await (result?.candidates ?? []).asyncMapAll { try await summary($0, req) }
        var model = CandidateSearchPage.Model(form: FormState(values: input.values, errors: errors),
                                              voivodeships: try await req.directory.voivodeships().map { ($0.code, $0.name) },
                                              total: result?.total, page: criteria.page, perPage: criteria.perPage, items: items)
        model.more = result?.more ?? false
        return .html(CandidateSearchPage.render(model, req.pageContext), status: errors.isEmpty ? .ok : .badRequest)
    }

    func place(_ c: Candidate, _ req: Request) async throws -> String? {
        var parts: [String] = []
        if let p = c.powiatCode, let powiat = try await req.directory.powiat(code: p) { parts.append(powiat.name) }
        if let v = c.voivodeshipCode, let voivodeship = try await req.directory.voivodeships().first(where: { $0.code == v }) { parts.append(voivodeship.name) }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    func summary(_ c: Candidate, _ req: Request) async throws -> CandidateSearchPage.Item {
        let t = req.catalogue
        return CandidateSearchPage.Item(
            id: c.id.uuidString.lowercased(), heading: c.cv.desiredJob ?? t.text("candidates.no_desired_job"),
            place: try await place(c, req), education: c.cv.education.map { t.text("cv.education." + $0.rawValue) },
            experience: c.cv.experienceMonths.map { CVViews.experience($0, t) },
            languages: c.cv.languages.map { CVViews.languages($0, req.language) }, updated: OfferViews.date(c.updatedAt, req.language))
    }

    func candidate(_ req: Request) async throws -> Candidate {
        guard let id = req.parameters.get("id", as: UUID.self), let c = try await CVStore(db: req.db).candidate(id) else {
            throw NotFoundError(detail: req.catalogue.text("candidates.not_found"))
        }
        return c
    }

    func detail(req: Request) async throws -> Response {
        let a = try await access(req)
        guard case .allowed(let e) = a else { return refusal(req, a) }
        return try await detailPage(req, e, try await candidate(req))
    }

    func detailPage(_ req: Request, _ e: EmployerOfferController.Employer, _ c: Candidate, notice: String? = nil,
                    status: HTTPStatus = .ok) async throws -> Response {
        let occupation = try await c.cv.occupationCode.asyncMap { try await OfferStore(db: req.db).occupation($0)?.name } ?? nil
        let now = Date()
        let offers = try await OfferStore(db: req.db).ofCompany(e.company.id).filter { $0.isLive(now: now) }
            .map { (value: $0.id.uuidString.lowercased(), label: $0.draft.title) }
        let model = CandidateDetailPage.Model(id: c.id.uuidString.lowercased(), heading: c.cv.desiredJob ?? req.catalogue.text("candidates.no_desired_job"),
                                              sections: CVViews.sections(c.cv, occupationName: occupation, place: try await place(c, req), req),
                                              offers: offers, notice: notice)
        return .html(CandidateDetailPage.render(model, req.pageContext), status: status)
    }

    struct InterestInput: Content { var offer_id: String? }

    func interest(req: Request) async throws -> Response {
        let a = try await access(req)
        guard case .allowed(let e) = a else { return refusal(req, a) }
        let c = try await candidate(req)
        let t = req.catalogue
        let offerID = (try? req.content.decode(InterestInput.self).offer_id).flatMap { $0.flatMap(UUID.init(uuidString:)) }
        guard let offerID, let offer = try await OfferStore(db: req.db).find(offerID), offer.companyID == e.company.id, offer.isLive(now: Date()) else {
            return try await detailPage(req, e, c, notice: t.text("candidates.choose_offer"), status: .badRequest)
        }
        let store = CVStore(db: req.db)
        guard try await store.interestsSent(company: e.company.id, since: Date().addingTimeInterval(-86_400)) < Self.dailyInterestLimit else {
            return try await detailPage(req, e, c, notice: t.text("candidates.limit", ["max": "\(Self.dailyInterestLimit)"]), status: .tooManyRequests)
        }
        do {
            try await req.db.transaction { tx in
                let to = try await CVStore(db: tx).recordInterest(cv: c.id, offer: offer.id, company: e.company.id)
                let mail = MailComposer(publicURL: req.services.config.publicURL)
                    .candidateInterest(to: to.email, company: e.company.name, offerTitle: offer.draft.title, offerID: offer.id,
                                       language: Language(rawValue: to.language) ?? .pl)
                try await Outbox(db: tx).enqueue(mail)
            }
        } catch CVStoreError.alreadyInterested {
            return try await detailPage(req, e, c, notice: t.text("candidates.already_sent"), status: .conflict)
        }
        return try await detailPage(req, e, c, notice: t.text("candidates.sent"))
    }

    struct CandidateJSON: Content {
        struct Occupation: Content { let code: String; let name: String? }
        struct LanguageJSON: Content { let language: String; let level: String }
        let id: UUID
        let desired_job: String?
        let occupation: Occupation?
        let desired_locality: String?
        let voivodeship: String?
        let powiat: String?
        let education: String?
        let education_details: String?
        let experience_months: Int?
        let experience: String?
        let languages: [LanguageJSON]?
        let skills: String?
        let licences: String?
        let courses: String?
        let updated_at: Date
    }

    /// `total_is_lower_bound`: more matched than were counted (see `CVStore.countLimit`).
    struct CandidateListJSON: Content { let total: Int; let total_is_lower_bound: Bool; let page: Int; let per_page: Int; let items: [CandidateJSON] }

    /// The same search as JSON, for a signed-in verified employer.
    func api(req: Request) async throws -> CandidateListJSON {
        let a = try await access(req)
        switch a {
        case .signIn: throw Abort(.unauthorized, reason: req.catalogue.text("candidates.sign_in"))
        case .unverified: throw Abort(.forbidden, reason: req.catalogue.text("candidates.unverified"))
        case .allowed: break
        }
        let (criteria, errors) = try await req.query.decode(CandidateRequest.self).criteria(req)
        try Problem.check(errors, req)
        let result = try await CVStore(db: req.db).searchCandidates(criteria)
        return CandidateListJSON(total: result.total, total_is_lower_bound: result.more, page: criteria.page, per_page: criteria.perPage, items: result.candidates.map { c in
            CandidateJSON(id: c.id, desired_job: c.cv.desiredJob, occupation: c.cv.occupationCode.map { .init(code: $0, name: nil) },
                          desired_locality: c.cv.desiredLocality, voivodeship: c.voivodeshipCode, powiat: c.powiatCode,
                          education: c.cv.education?.rawValue, education_details: c.cv.educationDetails, experience_months: c.cv.experienceMonths,
                          experience: c.cv.experience, languages: c.cv.languages?.map { .init(language: $0.language, level: $0.level.rawValue) },
                          skills: c.cv.skills, licences: c.cv.licences, courses: c.cv.courses, updated_at: c.updatedAt)
        })
    }
}
