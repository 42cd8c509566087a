import Fluent

struct M004_CreateAppMeta: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("app_meta")
            .field("key", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("app_meta").delete()
    }
}
