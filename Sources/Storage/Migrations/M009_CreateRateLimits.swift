import Fluent

struct M009_CreateRateLimits: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("rate_limits")
            .field("key", .string, .identifier(auto: false))
            .field("window_start", .datetime, .required)
            .field("count", .int, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("rate_limits").delete()
    }
}
