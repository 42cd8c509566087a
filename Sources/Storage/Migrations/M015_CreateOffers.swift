import Fluent
import SQLKit

/// The occupation classification, job offers with their moderation state, and the offers'
/// full-text index.
struct M015_CreateOffers: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("occupations")
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("level", .int, .required)
            .field("school_occupation", .bool, .required)
            .create()
        try await db.schema("offers")
            .id()
            .field("company_id", .uuid, .required, .references("companies", "id", onDelete: .cascade))
            .field("created_by", .uuid, .required)
            .field("office_id", .string, .required, .references("offices", "id"))
            .field("status", .string, .required)
            .field("moderation_note", .string)
            .field("title", .string, .required)
            .field("occupation_code", .string, .required, .references("occupations", "code"))
            .field("duties", .string, .required)
            .field("postal_code", .string)
            .field("locality", .string, .required)
            .field("powiat_code", .string)
            .field("voivodeship_code", .string)
            .field("country", .string)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("contract", .string, .required)
            .field("working_time", .double, .required)
            .field("shifts", .string, .required)
            .field("wage_min", .double)
            .field("wage_max", .double)
            .field("wage_type", .string, .required)
            .field("positions", .int, .required)
            .field("positions_disabled", .int, .required)
            .field("education", .string, .required)
            .field("languages", .string, .required)
            .field("experience_months", .int, .required)
            .field("licences", .string, .required)
            .field("start_date", .datetime)
            .field("valid_until", .datetime, .required)
            .field("how_to_apply", .string, .required)
            .field("employer_visible", .bool, .required)
            .field("employer_verified", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("published_at", .datetime)
            .create()
        let sql = db as! any SQLDatabase
        for (name, columns) in [("offers_live_idx", ["status", "valid_until"]), ("offers_voivodeship_idx", ["voivodeship_code"]),
                                ("offers_powiat_idx", ["powiat_code"]), ("offers_occupation_idx", ["occupation_code"]),
                                ("offers_published_idx", ["published_at"]), ("offers_office_idx", ["office_id", "status"]),
                                ("offers_company_idx", ["company_id"]), ("offers_location_idx", ["latitude", "longitude"])] {
            var builder = sql.create(index: name).on("offers")
            for c in columns { builder = builder.column(c) }
            try await builder.run()
        }
        try await SearchIndex.offers.create(on: db)
    }

    func revert(on db: any Database) async throws {
        try await SearchIndex.offers.drop(on: db)
        try await db.schema("offers").delete()
        try await db.schema("occupations").delete()
    }
}

extension SearchIndex {
    public static let offers = SearchIndex("offer")
    public static let cvs = SearchIndex("cv")
    public static let events = SearchIndex("event")
}
