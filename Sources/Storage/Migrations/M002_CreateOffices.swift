import Fluent
import SQLKit

struct M002_CreateOffices: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("offices")
            .field("id", .string, .identifier(auto: false))
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("locality", .string, .required)
            .field("voivodeship_code", .string, .required, .references("voivodeships", "code"))
            .field("powiat_codes", .string, .required)
            .field("street", .string)
            .field("postal_code", .string)
            .field("phone", .string)
            .field("email", .string)
            .field("website", .string)
            .field("hours", .string)
            .field("verified", .bool, .required)
            .field("note", .string)
            .field("search_text", .string, .required)
            .create()
        try await (db as! any SQLDatabase).create(index: "offices_voivodeship_idx").on("offices").column("voivodeship_code").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("offices").delete()
    }
}
