import Fluent

/// Sessions live in the database so that several application servers share them.
struct M005_CreateSessions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await SessionRecord.migration.prepare(on: db).get()
    }

    func revert(on db: any Database) async throws {
        try await SessionRecord.migration.revert(on: db).get()
    }
}
