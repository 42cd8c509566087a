import Fluent
import SQLKit
import Foundation
import Portal

extension OfferStore {
    /// The offers with these ids, in that order, read in one statement with their company and
    /// occupation names, decoded column by column: Fluent's model decoding reflects over every
    /// property of every row, which cost more than the search itself on a page of results.
    public func offers(ids: [UUID]) async throws -> [StoredOffer] {
        guard !ids.isEmpty else { return [] }
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw("""
            SELECT o.*, c.name AS company_name, oc.name AS occupation_name FROM offers o \
            JOIN companies c ON c.id = o.company_id LEFT JOIN occupations oc ON oc.code = o.occupation_code \
            WHERE o.id IN \(SQLGroupExpression(ids.map { SQLBind($0) }))
            """).all()
        let byID = Dictionary(uniqueKeysWithValues: try rows.map(Self.offer).map { ($0.id, $0) })
        return ids.compactMap { byID[$0] }
    }

    static func offer(_ row: any SQLRow) throws -> StoredOffer {
        func s(_ c: String) throws -> String { try row.decode(column: c, as: String.self) }
        func os(_ c: String) throws -> String? { try row.decodeNil(column: c) ? nil : row.decode(column: c, as: String.self) }
        func od(_ c: String) throws -> Double? { try row.decodeNil(column: c) ? nil : row.decode(column: c, as: Double.self) }
        func i(_ c: String) throws -> Int { try row.decode(column: c, as: Int.self) }
        func date(_ c: String) throws -> Date { try row.decode(column: c, as: Date.self) }
        func odate(_ c: String) throws -> Date? { try row.decodeNil(column: c) ? nil : row.decode(column: c, as: Date.self) }
        func b(_ c: String) throws -> Bool { try row.decode(column: c, as: Bool.self) }
        let languages = (try? JSONDecoder().decode([LanguageRequirement].self, from: Data(try s("languages").utf8))) ?? []
        let draft = OfferDraft(title: try s("title"), occupationCode: try s("occupation_code"), duties: try s("duties"),
                               postalCode: try os("postal_code"), locality: try s("locality"), country: try os("country"),
                               contract: ContractType(rawValue: try s("contract")) ?? .employment, workingTime: try row.decode(column: "working_time", as: Double.self),
                               shifts: ShiftSystem(rawValue: try s("shifts")) ?? .single, wageMin: try od("wage_min"), wageMax: try od("wage_max"),
                               wageType: WageType(rawValue: try s("wage_type")) ?? .monthly, positions: try i("positions"),
                               positionsForDisabled: try i("positions_disabled"), education: Education(rawValue: try s("education")) ?? .none,
                               languages: languages, experienceMonths: try i("experience_months"), licences: try s("licences"),
                               startDate: try odate("start_date"), validUntil: try date("valid_until"), howToApply: try s("how_to_apply"),
                               employerVisible: try b("employer_visible"))
        return StoredOffer(id: try row.decode(column: "id", as: UUID.self), draft: draft, companyID: try row.decode(column: "company_id", as: UUID.self),
                           companyName: try s("company_name"), officeID: try s("office_id"), status: OfferStatus(rawValue: try s("status")) ?? .closed,
                           moderationNote: try os("moderation_note"), occupationName: try os("occupation_name") ?? "",
                           powiatCode: try os("powiat_code"), voivodeshipCode: try os("voivodeship_code"), latitude: try od("latitude"),
                           longitude: try od("longitude"), employerVerified: try b("employer_verified"), createdAt: try date("created_at"),
                           publishedAt: try odate("published_at"))
    }
}
