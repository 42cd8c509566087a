import Vapor
import Views
import Portal
import Storage

/// A verified employer orders a recruitment for one of its live offers and sees the candidates
/// the centre presented — only those who consent at the moment the page is read: a
/// withdrawal takes a candidate out of this view with the next page.
struct EmployerRecruitmentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.employerRecruitments.pathComponents, use: list)
        routes.get(SiteRoute.employerRecruitmentNew.pathComponents, use: newForm)
        routes.post(SiteRoute.employerRecruitments.pathComponents, use: create)
        routes.get(SiteRoute.employerRecruitment(":id").pathComponents, use: detail)
    }

    /// A verified employer, or where to send the others (sign in; verification first).
    func employer(_ req: Request) async throws -> EmployerOfferController.Employer {
        guard let e = try await EmployerOfferController().employer(req) else { throw Abort.redirect(to: SiteRoute.login.path) }
        guard e.company.verified else { throw Abort(.forbidden, reason: req.catalogue.text("recruitment.error.unverified")) }
        return e
    }

    func list(req: Request) async throws -> Response {
        let e = try await employer(req)
        let text = RecruitmentText(req: req)
        let rows = try await RecruitmentStore(db: req.db).summaries(company: e.company.id).map { text.row($0) }
        let notice = (try? req.query.get(String.self, at: "notice")) == "ordered" ? req.catalogue.text("recruitment.notice.ordered") : nil
        return .html(RecruitmentPage.renderEmployerList(.init(rows: rows, notice: notice), req.pageContext))
    }

    /// Live offers of the company without an open order.
    func orderable(_ req: Request, _ e: EmployerOfferController.Employer) async throws -> [(value: String, label: String)] {
        let now = Date(), store = RecruitmentStore(db: req.db)
        var out: [(value: String, label: String)] = []
        for o in try await OfferStore(db: req.db).ofCompany(e.company.id) where o.isLive(now: now) {
            if try await store.openOrder(offer: o.id) == nil { out.append((o.id.uuidString.lowercased(), o.draft.title)) }
        }
        return out
    }

    func newForm(req: Request) async throws -> Response {
        let e = try await employer(req)
        var model = RecruitmentPage.OrderFormModel(offers: try await orderable(req, e))
        model.form = FormState(values: ["offer_id": (try? req.query.get(String.self, at: "offer")) ?? ""])
        return .html(RecruitmentPage.renderOrderForm(model, req.pageContext))
    }

    struct OrderInput: Content { var offer_id: String?; var requirements: String? }

    func create(req: Request) async throws -> Response {
        let e = try await employer(req)
        let t = req.catalogue, input = try req.content.decode(OrderInput.self)
        let requirements = (input.requirements ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let offers = try await orderable(req, e)
        var errors: [(field: String, message: String)] = []
        let chosen = input.offer_id.flatMap { id in offers.contains { $0.value == id.lowercased() } ? UUID(uuidString: id) : nil }
        if chosen == nil {
            errors.append(("offer_id", t.text("form.invalid_field", ["field": t.text("recruitment.offer"), "reason": t.text("recruitment.error.offer")])))
        }
        if requirements.count > RecruitmentPolicy.maximumRequirements {
            errors.append(("requirements", t.text("form.too_long_field", ["field": t.text("recruitment.requirements"),
                                                                          "max": "\(RecruitmentPolicy.maximumRequirements)"])))
        }
        let store = RecruitmentStore(db: req.db)
        if errors.isEmpty, try await store.openOrders(company: e.company.id) >= RecruitmentPolicy.maximumOpenOrders {
            errors.append(("offer_id", t.text("recruitment.error.too_many", ["max": "\(RecruitmentPolicy.maximumOpenOrders)"])))
        }
        var status = HTTPStatus.badRequest
        if errors.isEmpty, let chosen, let offer = try await OfferStore(db: req.db).find(chosen) {
            do {
                try await store.create(RecruitmentOrder(offerID: offer.id, companyID: e.company.id, officeID: offer.officeID, orderedBy: e.account.id,
                                                        requirements: requirements, createdAt: Date()))
                return req.redirect(to: SiteRoute.employerRecruitments.with(["notice": "ordered"]), redirectType: .normal)
            } catch RecruitmentStoreError.alreadyOrdered {
                errors.append(("offer_id", t.text("recruitment.error.ordered")))
                status = .conflict
            }
        }
        var model = RecruitmentPage.OrderFormModel(offers: offers)
        model.form = FormState(values: ["offer_id": input.offer_id ?? "", "requirements": input.requirements ?? ""], errors: errors)
        return .html(RecruitmentPage.renderOrderForm(model, req.pageContext), status: status)
    }

    func detail(req: Request) async throws -> Response {
        let e = try await employer(req)
        guard let id = req.parameters.get("id", as: UUID.self), let o = try await RecruitmentStore(db: req.db).order(id), o.companyID == e.company.id else {
            throw NotFoundError(detail: req.catalogue.text("recruitment.not_found"))
        }
        let text = RecruitmentText(req: req)
        var presented: [RecruitmentPage.Presented] = []
        for c in try await RecruitmentStore(db: req.db).candidates(order: o.id) where c.visibleToEmployer {
            let person = try await text.person(c.accountID)
            presented.append(.init(name: person.name, contact: person.contact, stage: text.stage(c.stage), sections: try await text.fullCV(c)))
        }
        return .html(RecruitmentPage.renderEmployerDetail(.init(order: try await text.facts(o), presented: presented), req.pageContext))
    }
}
