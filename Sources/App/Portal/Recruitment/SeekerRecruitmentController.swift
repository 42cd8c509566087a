import Vapor
import Fluent
import Views
import Portal
import Storage
import Privacy

/// The seeker's side of recruitments run by the centre: applying for an offer the centre
/// recruits for, and answering the centre's request to take part — agreeing to the data the
/// register lists (recorded in the consent ledger with the text's version), declining, or
/// withdrawing later, which takes them out of the employer's view at once and deletes what the
/// centre noted about them. Agreeing to future recruitments is a consent of its own.
struct SeekerRecruitmentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.accountRecruitments.pathComponents, use: page)
        routes.post(SiteRoute.accountRecruitmentAnswer(":id").pathComponents, use: answer)
        routes.get(SiteRoute.offerRecruitmentApply(":id").pathComponents, use: applyPage)
        routes.post(SiteRoute.offerRecruitmentApply(":id").pathComponents, use: apply)
    }

    func seeker(_ req: Request) async throws -> Account {
        guard let a = try await CVController().seeker(req) else { throw Abort.redirect(to: SiteRoute.login.path) }
        return a
    }

    func page(req: Request) async throws -> Response { try await render(req, try await seeker(req)) }

    func render(_ req: Request, _ account: Account, form: FormState = FormState(), notice: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let text = RecruitmentText(req: req)
        var items: [RecruitmentPage.Participation] = []
        for (c, o) in try await RecruitmentStore(db: req.db).participations(account: account.id) {
            let facts = try await text.facts(o)
            items.append(.init(id: c.id.uuidString.lowercased(), offerID: facts.offerID, offer: facts.offer, company: facts.company,
                               orderStatus: facts.status, stage: text.stage(c.stage), consent: text.consent(c.consent),
                               canAnswer: o.status == .open && c.consent == .asked, canWithdraw: c.consent == .given))
        }
        var model = RecruitmentPage.SeekerModel(items: items, data: text.data, consent: RecruitmentText.consentPrompt, future: RecruitmentText.futurePrompt,
                                                futureGiven: try await ConsentLedger(db: req.db).isGiven(.futureRecruitments, by: .account(account.id)))
        model.form = form
        model.notice = notice
        return .html(RecruitmentPage.renderSeeker(model, req.pageContext), status: status)
    }

    struct AnswerInput: Content { var answer: String?; var consent: String?; var consent_version: Int?; var future: String?; var future_version: Int? }

    /// Records the consents of an answer or application in the ledger, with the versions shown.
    static func record(_ input: AnswerInput, account: UUID, on db: any Database, now: Date) async throws {
        let ledger = ConsentLedger(db: db)
        try await ledger.record(ConsentGiven(.recruitment, version: input.consent_version, channel: .web), for: .account(account), now: now)
        if input.future == "on" {
            try await ledger.record(ConsentGiven(.futureRecruitments, version: input.future_version, channel: .web), for: .account(account), now: now)
        }
    }

    func answer(req: Request) async throws -> Response {
        let account = try await seeker(req)
        let t = req.catalogue, text = RecruitmentText(req: req)
        let input = try req.content.decode(AnswerInput.self)
        guard let id = req.parameters.get("id", as: UUID.self), let mine = try await RecruitmentStore(db: req.db).candidate(id), mine.accountID == account.id else {
            throw NotFoundError(detail: t.text("recruitment.not_found"))
        }
        guard let answer = input.answer.flatMap(RecruitmentPolicy.Answer.init(rawValue:)) else {
            throw FieldValidationError(field: "answer", reason: t.text("form.invalid_field", ["field": t.text("recruitment.consent"),
                                                                                             "reason": t.text("offer.error.choice")]))
        }
        if answer == .give, input.consent != "on" {
            let form = FormState(errors: [("consent", t.text("recruitment.error.consent"))])
            return try await render(req, account, form: form, status: .badRequest)
        }
        let now = Date()
        do {
            try await RecruitmentStore(db: req.db).change(id, now: now) { c, order in
                c.consent = try RecruitmentPolicy.answer(answer, c, in: order)
                c.consentAt = now
            } within: { tx, c, _ in
                if c.consent == .given { try await Self.record(input, account: account.id, on: tx, now: now) }
                if c.consent == .withdrawn,
                   try await RecruitmentStore(db: tx).participations(account: account.id).allSatisfy({ $0.candidate.consent != .given }) {
                    try await ConsentLedger(db: tx).withdraw(.recruitment, for: .account(account.id), channel: .web, now: now)
                }
            }
        } catch let r as RecruitmentRefusal { throw text.refusal(r) }
        return try await render(req, account, notice: t.text("recruitment.answered." + answer.rawValue))
    }

    // MARK: Applying

    func liveOrder(_ req: Request) async throws -> (StoredOffer, RecruitmentOrder) {
        guard let id = req.parameters.get("id", as: UUID.self), let offer = try await OfferStore(db: req.db).find(id), offer.isLive(now: Date()),
              let order = try await RecruitmentStore(db: req.db).openOrder(offer: id) else {
            throw NotFoundError(detail: req.catalogue.text("recruitment.not_found"))
        }
        return (offer, order)
    }

    func applyModel(_ req: Request, _ offer: StoredOffer, _ order: RecruitmentOrder, form: FormState = FormState()) async throws -> RecruitmentPage.ApplyModel {
        let account = try await CVController().seeker(req)
        let cvs = try await account.asyncMap { try await CVStore(db: req.db).list(account: $0.id) } ?? []
        let applied = try await account.asyncMap { a in
            try await RecruitmentStore(db: req.db).participations(account: a.id).contains { $0.order.id == order.id }
        } ?? false
        var m = RecruitmentPage.ApplyModel(offerID: offer.id.uuidString.lowercased(), cvs: cvs.map { ($0.id.uuidString.lowercased(), $0.draft.title) },
                                           signedIn: account != nil, applied: applied, data: RecruitmentText(req: req).data,
                                           consent: RecruitmentText.consentPrompt, future: RecruitmentText.futurePrompt)
        m.form = form
        return m
    }

    func applyPage(req: Request) async throws -> Response {
        let (offer, order) = try await liveOrder(req)
        return .html(RecruitmentApplyPage.render(title: offer.draft.title, try await applyModel(req, offer, order), req.pageContext))
    }

    struct ApplyInput: Content { var cv_id: String?; var consent: String?; var consent_version: Int?; var future: String?; var future_version: Int? }

    func apply(req: Request) async throws -> Response {
        let account = try await seeker(req)
        let (offer, order) = try await liveOrder(req)
        let t = req.catalogue, input = try req.content.decode(ApplyInput.self)
        var errors: [(field: String, message: String)] = []
        let cv = try await input.cv_id.flatMap(UUID.init(uuidString:)).asyncMap { try await CVStore(db: req.db).find($0, account: account.id) } ?? nil
        if cv == nil { errors.append(("cv_id", t.text("form.invalid_field", ["field": t.text("recruitment.apply_cv"), "reason": t.text("offer.error.choice")]))) }
        if input.consent != "on" { errors.append(("consent", t.text("recruitment.error.consent"))) }
        if try await MatchStore(db: req.db).hold(account: account.id) == .restriction {
            errors.append(("cv_id", t.text("recruitment.error.restricted")))
        }
        let values = ["cv_id": input.cv_id ?? "", "future": input.future ?? ""]
        guard errors.isEmpty, let cv else {
            return .html(RecruitmentApplyPage.render(title: offer.draft.title, try await applyModel(req, offer, order, form: FormState(values: values, errors: errors)),
                                                     req.pageContext), status: .badRequest)
        }
        let now = Date()
        let answer = AnswerInput(answer: "give", consent: input.consent, consent_version: input.consent_version, future: input.future,
                                 future_version: input.future_version)
        do {
            try await req.db.transaction { tx in
                try await RecruitmentStore(db: tx).add(RecruitmentCandidate(orderID: order.id, cvID: cv.id, accountID: account.id, source: .application,
                                                                            consent: .given, consentAt: now, createdAt: now))
                try await Self.record(answer, account: account.id, on: tx, now: now)
            }
        } catch RecruitmentStoreError.alreadyCandidate {
            return .html(RecruitmentApplyPage.render(title: offer.draft.title, try await applyModel(req, offer, order), req.pageContext), status: .conflict)
        }
        return try await render(req, account, notice: t.text("recruitment.notice.applied", ["offer": offer.draft.title]))
    }
}
