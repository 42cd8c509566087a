import Vapor
import NIOConcurrencyHelpers
import Views
import Directory
import Identity
import Localization

/// The office directory: pages `/offices`, `/offices/{id}` and the API `/api/v1/offices`.
struct OfficeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.offices.pathComponents, use: directoryPage)
        routes.get(SiteRoute.office(id: "").pathComponents, use: officePage)
        let api = routes.grouped("api", "v1", "offices")
        api.get(use: list)
        api.get(":id", use: show)
    }

    // MARK: pages

    func directoryPage(req: Request) async throws -> Response {
        let query = ((try? req.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let voivodeship = (try? req.query.get(String.self, at: "voivodeship")).flatMap { $0.isEmpty ? nil : $0 }
        guard query.count <= 200 else {
            throw FieldValidationError(field: "q", reason: req.catalogue.text("validation.too_long", ["max": "200"]))
        }
        let store = req.directory
        let register = try await req.services.directoryCache.register(req.db)
        var postal: OfficeDirectoryPage.PostalResult? = nil
        let offices: [Office]
        if let code = try? PostalCode(query) {
            // A postal code answers with its office and the voivodeship office, not the whole list.
            do {
                let loc = try await req.locator.locate(code.value)
                postal = .found(code: code.value, locality: loc.postalCode.locality, powiat: loc.powiat.displayName,
                                overridden: loc.postalCode.method == .override, office: loc.office)
                offices = [loc.office] + (loc.regionalOffice.map { [$0] } ?? [])
            } catch OfficeLocatorError.unknownPostalCode(let suggestions) {
                postal = .notFound(code: code.value, suggestions: suggestions)
                offices = []
            }
        } else {
            offices = try await store.offices(matching: query.isEmpty ? nil : query, voivodeship: voivodeship)
        }
        let rows = offices.map { o in
            OfficeDirectoryPage.Row(office: o, powiatNames: o.powiatCodes.compactMap { register.powiat($0)?.displayName })
        }
        var model = OfficeDirectoryPage.Model(query: query, voivodeship: voivodeship, voivodeships: register.voivodeships,
                                              postal: postal, rows: rows)
        let ctx = req.pageContext
        if query.isEmpty {
            // The whole directory (or a voivodeship's) is the same for everyone: written once a minute per language.
            let key = ctx.language.rawValue + "/" + (voivodeship ?? "")
            let now = ContinuousClock.now
            if let kept = Self.listings.withLockedValue({ $0[key] }), now - kept.at < .seconds(60) { model.rowsHTML = kept.html } else {
                let html = OfficeDirectoryPage.rows(rows, ctx)
                Self.listings.withLockedValue { $0[key] = (now, html) }
                model.rowsHTML = html
            }
        }
        return .html(OfficeDirectoryPage.render(model, ctx))
    }

    static let listings = NIOLockedValueBox([String: (at: ContinuousClock.Instant, html: String)]())

    func officePage(req: Request) async throws -> Response {
        let store = req.directory
        let id = req.parameters.get("id") ?? ""
        guard let office = try await store.office(id: id) else {
            throw NotFoundError(detail: req.catalogue.text("offices.not_found", ["id": id]))
        }
        let register = try await registerSnapshot(req)
        let voivodeship = register.voivodeship(office.voivodeshipCode)
        let powiatNames = office.powiatCodes.compactMap { register.powiat($0)?.displayName }
        let t = req.catalogue
        let week: [OfficeDetailPage.DayHours] = office.hours.map { hours in
            (1...7).map { d in
                OfficeDetailPage.DayHours(dayName: t.text("weekday.\(d)"),
                                          hours: hours.days[d].flatMap { $0.isEmpty ? nil : $0.map(\.text).joined(separator: ", ") })
            }
        } ?? []
        let isOpen = office.hours.map { BusinessCalendar(hours: $0).isOpen(at: Date()) }
        let regional = office.kind == .pup ? try await store.office(id: "wup-\(office.voivodeshipCode)") : nil
        let model = OfficeDetailPage.Model(office: office, voivodeshipName: voivodeship?.name ?? office.voivodeshipCode,
                                           powiatNames: powiatNames, week: week, isOpenNow: isOpen, regionalOffice: regional,
                                           news: try await NewsText.latest(NewsText.filter(office: office), req),
                                           menu: req.services.menus.links(.office(office.id), language: req.language.rawValue, viewer: req.sessionViewer))
        return .html(OfficeDetailPage.render(model, req.pageContext))
    }

    // MARK: API

    func list(req: Request) async throws -> [OfficeJSON] {
        let store = req.directory
        let register = try await registerSnapshot(req)
        if let raw = try? req.query.get(String.self, at: "postal_code") {
            let code = try req.validated("postal_code") { () throws(IdentifierError) in try PostalCode(raw) }
            do {
                let loc = try await req.locator.locate(code.value)
                var result = [OfficeJSON(loc.office, register: register, matchedPowiat: loc.powiat.code, postal: loc.postalCode)]
                if let wup = loc.regionalOffice { result.append(OfficeJSON(wup, register: register)) }
                return result
            } catch OfficeLocatorError.unknownPostalCode(let suggestions) {
                throw NotFoundError(detail: req.catalogue.text("offices.postal_not_found_api", ["code": code.value]),
                                    suggestions: suggestions)
            }
        }
        let q = try? req.query.get(String.self, at: "q")
        if let q, q.count > 200 {
            throw FieldValidationError(field: "q", reason: req.catalogue.text("validation.too_long", ["max": "200"]))
        }
        let voivodeship = try? req.query.get(String.self, at: "voivodeship")
        if let voivodeship, register.voivodeship(voivodeship) == nil {
            throw FieldValidationError(field: "voivodeship", reason: req.catalogue.text("validation.unknown_voivodeship"))
        }
        return try await store.offices(matching: q, voivodeship: voivodeship).map { OfficeJSON($0, register: register) }
    }

    func show(req: Request) async throws -> OfficeJSON {
        let store = req.directory
        let id = req.parameters.get("id") ?? ""
        guard let office = try await store.office(id: id) else {
            throw NotFoundError(detail: req.catalogue.text("offices.not_found", ["id": id]))
        }
        return OfficeJSON(office, register: try await registerSnapshot(req))
    }

    func registerSnapshot(_ req: Request) async throws -> TerritorialRegister {
        try await req.services.directoryCache.register(req.db)
    }
}

/// An office as the API shows it.
struct OfficeJSON: Content {
    struct PowiatJSON: Content { let teryt: String; let name: String; let city: Bool }
    struct PostalJSON: Content { let code: String; let locality: String; let powiat_teryt: String; let powiat_method: String }

    let id: String
    let kind: String
    let name: String
    /// The powiat TERYT code this answer is about: the postal code's powiat when one was asked
    /// for, otherwise the first powiat served (the voivodeship code for a WUP).
    let teryt: String
    let voivodeship: String
    let voivodeship_teryt: String
    let locality: String
    let powiats: [PowiatJSON]
    let street: String?
    let postal_code: String?
    let phone: String?
    let email: String?
    let website: String?
    let hours: String?
    let verified: Bool
    let note: String?
    let matched_postal_code: PostalJSON?

    init(_ o: Office, register: TerritorialRegister, matchedPowiat: String? = nil, postal: PostalCodeEntry? = nil) {
        id = o.id; kind = o.kind.rawValue; name = o.name
        teryt = matchedPowiat ?? o.powiatCodes.first ?? o.voivodeshipCode
        voivodeship = register.voivodeship(o.voivodeshipCode)?.name ?? ""
        voivodeship_teryt = o.voivodeshipCode
        locality = o.locality
        powiats = o.powiatCodes.compactMap { register.powiat($0).map { PowiatJSON(teryt: $0.code, name: $0.name, city: $0.isCity) } }
        street = o.street; postal_code = o.postalCode; phone = o.phone; email = o.email; website = o.website
        hours = o.hours?.notation; verified = o.verified; note = o.note
        matched_postal_code = postal.map { PostalJSON(code: $0.code, locality: $0.locality, powiat_teryt: $0.powiatCode,
                                                       powiat_method: $0.method.rawValue) }
    }
}
