import Fluent
import SQLKit

struct M011_CreateAuditLog: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("audit_log")
            .id()
            .field("at", .datetime, .required)
            .field("actor_id", .uuid, .required)
            .field("actor_office_id", .string)
            .field("client_id", .uuid)
            .field("action", .string, .required)
            .field("detail", .string, .required)
            .field("reason", .string, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "audit_log_client_idx").on("audit_log").column("client_id").column("at").run()
        try await sql.create(index: "audit_log_actor_idx").on("audit_log").column("actor_id").column("at").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("audit_log").delete()
    }
}
