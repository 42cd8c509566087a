import Fluent
import SQLKit

struct M003_CreatePostalCodes: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("postal_codes")
            .field("code", .string, .identifier(auto: false))
            .field("voivodeship_code", .string, .required)
            .field("locality", .string, .required)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("powiat_code", .string, .required)
            .field("method", .string, .required)
            .create()
        try await (db as! any SQLDatabase).create(index: "postal_codes_powiat_idx").on("postal_codes").column("powiat_code").run()
        try await db.schema("postal_code_overrides")
            .field("code", .string, .identifier(auto: false))
            .field("powiat_code", .string, .required, .references("powiats", "code"))
            .field("reason", .string)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("postal_code_overrides").delete()
        try await db.schema("postal_codes").delete()
    }
}
