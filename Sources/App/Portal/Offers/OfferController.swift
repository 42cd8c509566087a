import Vapor
import Views
import Portal
import Storage

/// Public job offers: the search page and API, and each offer's page (with schema.org
/// JobPosting) and JSON. Only live offers (published, not past their date) are shown.
struct OfferController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("offers", use: page)
        routes.get("offers", ":id", use: detail)
        routes.get("api", "v1", "offers", use: list)
        routes.get("api", "v1", "offers", ":id", use: one)
    }

    func list(req: Request) async throws -> OfferListJSON {
        let (criteria, errors) = try await req.query.decode(OfferSearchRequest.self).criteria(req)
        try Problem.check(errors, req)
        let result = try await OfferStore(db: req.db).search(criteria, cache: req.services.offerSearches)
        req.services.searchTally.record(found: result.total)
        let url = req.services.config.publicURL
        return OfferListJSON(total: result.total, page: criteria.page, per_page: criteria.perPage,
                             items: result.offers.map { OfferJSON($0, publicURL: url) })
    }

    func liveOffer(_ req: Request) async throws -> StoredOffer {
        guard let id = req.parameters.get("id", as: UUID.self), let offer = try await OfferStore(db: req.db).find(id),
              offer.isLive(now: Date()) else {
            throw NotFoundError(detail: req.catalogue.text("offers.not_found"))
        }
        return offer
    }

    func one(req: Request) async throws -> OfferJSON {
        OfferJSON(try await liveOffer(req), publicURL: req.services.config.publicURL)
    }

    func page(req: Request) async throws -> Response {
        let input = try req.query.decode(OfferSearchRequest.self)
        let (criteria, errors) = try await input.criteria(req)
        let form = FormState(values: [
            "q": input.q ?? "", "voivodeship": input.voivodeship ?? "", "postal_code": input.postal_code ?? "",
            "radius_km": input.radius_km ?? "", "contract": input.contract ?? "", "working_time": input.working_time ?? "",
            "min_wage": input.min_wage ?? "", "verified": input.verified == nil ? "" : "on", "abroad": input.abroad ?? "",
            "sort": input.sort ?? "", "occupation": input.occupation ?? "",
        ], errors: errors)
        let result = errors.isEmpty ? try await OfferStore(db: req.db).search(criteria, cache: req.services.offerSearches) : nil
        if let result { req.services.searchTally.record(found: result.total) }
        let register = try await req.services.directoryCache.register(req.db)
        let model = OfferSearchPage.Model(
            form: form, voivodeships: register.voivodeships.map { ($0.code, $0.name) },
            total: result?.total, page: criteria.page, perPage: criteria.perPage,
            items: (result?.offers ?? []).map { OfferViews.summary($0, register: register, req) })
        return .html(OfferSearchPage.render(model, req.pageContext), status: errors.isEmpty ? .ok : .badRequest)
    }

    func detail(req: Request) async throws -> Response {
        let offer = try await liveOffer(req)
        var model = try await OfferViews.detail(offer, req)
        model.recruiting = try await RecruitmentStore(db: req.db).openOrder(offer: offer.id) != nil
        return .html(OfferDetailPage.render(model, req.pageContext))
    }
}

extension Array {
    func asyncMapAll<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        out.reserveCapacity(count)
        for e in self { out.append(try await transform(e)) }
        return out
    }
}
