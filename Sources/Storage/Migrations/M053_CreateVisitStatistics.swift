import Fluent
import SQLKit

/// Visit statistics without cookies or stored addresses: page views per day and page, external
/// referrers, and unique visitors per day from a hash salted with a random salt of that day —
/// the salt and the hashes are deleted once the day has ended, leaving only the count.
struct M053_CreateVisitStatistics: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("visit_salts")
            .field("day", .string, .identifier(auto: false))
            .field("salt", .string, .required)
            .create()
        try await db.schema("visit_visitors")
            .field("day", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "day", "hash")
            .create()
        try await db.schema("visit_days")
            .field("day", .string, .identifier(auto: false))
            .field("views", .int64, .required)
            .field("visitors", .int64)
            .create()
        try await db.schema("visit_pages")
            .field("day", .string, .required)
            .field("page", .string, .required)
            .field("section", .string, .required)
            .field("views", .int64, .required)
            .unique(on: "day", "page")
            .create()
        try await db.schema("visit_referrers")
            .field("day", .string, .required)
            .field("host", .string, .required)
            .field("views", .int64, .required)
            .unique(on: "day", "host")
            .create()
    }

    func revert(on db: any Database) async throws {
        for table in ["visit_referrers", "visit_pages", "visit_days", "visit_visitors", "visit_salts"] { try await db.schema(table).delete() }
    }
}
