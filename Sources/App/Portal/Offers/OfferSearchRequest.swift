import Vapor
import Directory
import Identity
import Localization
import Portal
import Storage
import TextSearch

/// The query string of `/offers` and `GET /api/v1/offers`, checked field by field: a bad value
/// gets a message naming the field in the visitor's language.
struct OfferSearchRequest: Content {
    var q: String?
    var voivodeship: String?
    var powiat: String?
    var postal_code: String?
    var radius_km: String?
    var occupation: String?
    var contract: String?
    var working_time: String?
    var min_wage: String?
    var verified: String?
    var abroad: String?
    var since: String?
    var sort: String?
    var page: String?
    var per_page: String?

    static let radiusDefault = 25.0

    /// The criteria, or the problems (field, message).
    func criteria(_ req: Request) async throws -> (OfferCriteria, [(field: String, message: String)]) {
        var check = QueryChecker(req, labelPrefix: "search.field.")
        var c = OfferCriteria()
        c.query = check.text(q, analyzer: req.services.analyzer)
        (c.voivodeship, c.powiat) = try await check.area(voivodeship: voivodeship, powiat: powiat, req)
        if let code = check.present(postal_code) {
            var radius = Self.radiusDefault
            if let r = check.present(radius_km) {
                if let value = DecimalText.parse(r), (1...300).contains(value) { radius = value }
                else { check.invalid("radius_km", "search.error.radius") }
            }
            do {
                let entry = try await req.locator.locate(try PostalCode(code).value).postalCode
                if let lat = entry.latitude, let lon = entry.longitude { c.near = (lat, lon, radius) }
            } catch let e as IdentifierError {
                check.invalid("postal_code", e.catalogueKey, e.arguments)
            } catch {
                check.invalid("postal_code", "search.error.unknown_postal_code")
            }
        }
        c.occupation = check.occupation(occupation)
        if let v = check.present(contract) {
            if let type = ContractType(rawValue: v) { c.contract = type } else { check.invalid("contract", "search.error.choice") }
        }
        if let v = check.present(working_time) {
            switch v { case "full": c.fullTime = true; case "part": c.fullTime = false; default: check.invalid("working_time", "search.error.choice") }
        }
        if let v = check.present(min_wage) {
            if let w = DecimalText.parse(v), w >= 0, w < 1_000_000 { c.minimumWage = w } else { check.invalid("min_wage", "search.error.wage") }
        }
        if let v = check.present(verified) {
            switch v { case "1", "true", "on": c.verifiedOnly = true; case "0", "false": break; default: check.invalid("verified", "search.error.choice") }
        }
        if let v = check.present(abroad) {
            switch v { case "1", "true", "only": c.abroad = true; case "0", "false", "no": c.abroad = false; default: check.invalid("abroad", "search.error.choice") }
        }
        if let v = check.present(since) {
            if let day = CalendarText.day(v) { c.postedSince = day } else { check.invalid("since", "validation.date_format") }
        }
        if let v = check.present(sort) {
            if let s = OfferCriteria.Sort(rawValue: v) { c.sort = s } else { check.invalid("sort", "search.error.choice") }
        }
        c.page = check.page(page) ?? c.page
        c.perPage = check.perPage(per_page) ?? c.perPage
        return (c, check.errors)
    }
}
