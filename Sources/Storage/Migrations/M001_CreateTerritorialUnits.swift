import Fluent
import SQLKit

struct M001_CreateTerritorialUnits: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("voivodeships")
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .create()
        try await db.schema("powiats")
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("voivodeship_code", .string, .required, .references("voivodeships", "code"))
            .field("is_city", .bool, .required)
            .field("office_id", .string)
            .create()
        try await (db as! any SQLDatabase).create(index: "powiats_voivodeship_idx").on("powiats").column("voivodeship_code").run()
        try await (db as! any SQLDatabase).create(index: "powiats_office_idx").on("powiats").column("office_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("powiats").delete()
        try await db.schema("voivodeships").delete()
    }
}
