import Vapor
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
        let t = req.catalogue
        var c = OfferCriteria()
        var errors: [(field: String, message: String)] = []
        func invalid(_ field: String, _ key: String, _ args: [String: String] = [:]) {
            errors.append((field, t.text("form.invalid_field", ["field": t.text("search.field." + field), "reason": t.text(key, args)])))
        }
        func present(_ s: String?) -> String? {
            guard let v = s?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
        if let text = present(q) {
            do { c.query = try req.services.analyzer.query(text) } catch {
                switch error {
                case .tooLong(let max): invalid("q", "search.error.too_long", ["max": "\(max)"])
                case .noWords: invalid("q", "search.error.no_words")
                }
            }
        }
        if let v = present(voivodeship) {
            if try await req.directory.voivodeships().contains(where: { $0.code == v }) { c.voivodeship = v } else { invalid("voivodeship", "validation.unknown_voivodeship") }
        }
        if let p = present(powiat) {
            if try await req.directory.powiat(code: p) != nil { c.powiat = p } else { invalid("powiat", "search.error.unknown_powiat") }
        }
        if let code = present(postal_code) {
            var radius = Self.radiusDefault
            if let r = present(radius_km) {
                if let value = Double(r.replacingOccurrences(of: ",", with: ".")), (1...300).contains(value) { radius = value }
                else { invalid("radius_km", "search.error.radius") }
            }
            do {
                let entry = try await req.locator.locate(try PostalCode(code).value).postalCode
                if let lat = entry.latitude, let lon = entry.longitude { c.near = (lat, lon, radius) }
            } catch let e as IdentifierError {
                invalid("postal_code", e.catalogueKey, e.arguments)
            } catch {
                invalid("postal_code", "search.error.unknown_postal_code")
            }
        }
        if let o = present(occupation) {
            if [1, 2, 3, 4, 6].contains(o.count), o.allSatisfy(\.isNumber) { c.occupation = o } else { invalid("occupation", "search.error.occupation") }
        }
        if let v = present(contract) {
            if let type = ContractType(rawValue: v) { c.contract = type } else { invalid("contract", "search.error.choice") }
        }
        if let v = present(working_time) {
            switch v { case "full": c.fullTime = true; case "part": c.fullTime = false; default: invalid("working_time", "search.error.choice") }
        }
        if let v = present(min_wage) {
            if let w = Double(v.replacingOccurrences(of: ",", with: ".")), w >= 0, w < 1_000_000 { c.minimumWage = w } else { invalid("min_wage", "search.error.wage") }
        }
        if let v = present(verified) {
            switch v { case "1", "true", "on": c.verifiedOnly = true; case "0", "false": break; default: invalid("verified", "search.error.choice") }
        }
        if let v = present(abroad) {
            switch v { case "1", "true", "only": c.abroad = true; case "0", "false", "no": c.abroad = false; default: invalid("abroad", "search.error.choice") }
        }
        if let v = present(since) {
            if let day = AuditLogController.day(v) { c.postedSince = day } else { invalid("since", "validation.date_format") }
        }
        if let v = present(sort) {
            if let s = OfferCriteria.Sort(rawValue: v) { c.sort = s } else { invalid("sort", "search.error.choice") }
        }
        if let v = present(page) {
            if let n = Int(v), (1...10_000).contains(n) { c.page = n } else { invalid("page", "search.error.page") }
        }
        if let v = present(per_page) {
            if let n = Int(v), (1...100).contains(n) { c.perPage = n } else { invalid("per_page", "search.error.per_page") }
        }
        return (c, errors)
    }
}
