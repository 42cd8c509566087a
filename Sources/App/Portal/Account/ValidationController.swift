import Vapor
import Identity

/// `POST /api/v1/validate`: the validators the forms use, for immediate feedback in the browser.
struct ValidationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("api", "v1", "validate", use: validate)
    }

    struct Input: Content {
        let type: String?
        let value: String?
    }

    struct Output: Content {
        let type: String
        let valid: Bool
        let reason: String?
        let reason_code: String?
        let normalized: String?
        let birth_date: String?
        let sex: String?
        let local_unit: Bool?
    }

    static let types = ["pesel", "nip", "regon", "postal_code"]

    func validate(req: Request) async throws -> Output {
        let t = req.catalogue
        let input = try req.content.decode(Input.self)
        guard let type = input.type, Self.types.contains(type) else {
            throw FieldValidationError(field: "type", reason: t.text("validation.type_unknown", ["types": Self.types.joined(separator: ", ")]))
        }
        guard let value = input.value else { throw FieldValidationError(field: "value", reason: t.text("validation.required")) }
        guard value.count <= 64 else { throw FieldValidationError(field: "value", reason: t.text("validation.too_long", ["max": "64"])) }
        func invalid(_ e: IdentifierError) -> Output {
            Output(type: type, valid: false, reason: t.text(e.catalogueKey, e.arguments), reason_code: String(e.catalogueKey.dropFirst("validation.".count)),
                   normalized: nil, birth_date: nil, sex: nil, local_unit: nil)
        }
        do {
            switch type {
            case "pesel":
                let p = try PESEL(value)
                return Output(type: type, valid: true, reason: nil, reason_code: nil, normalized: p.value,
                              birth_date: p.birthDateISO, sex: p.sex.rawValue, local_unit: nil)
            case "nip":
                let n = try NIP(value)
                return Output(type: type, valid: true, reason: nil, reason_code: nil, normalized: n.value, birth_date: nil, sex: nil, local_unit: nil)
            case "regon":
                let r = try REGON(value)
                return Output(type: type, valid: true, reason: nil, reason_code: nil, normalized: r.value, birth_date: nil, sex: nil,
                              local_unit: r.isLocalUnit)
            default:
                let c = try PostalCode(value)
                return Output(type: type, valid: true, reason: nil, reason_code: nil, normalized: c.value, birth_date: nil, sex: nil, local_unit: nil)
            }
        } catch let e as IdentifierError {
            return invalid(e)
        }
    }
}
