import Fluent

/// The client address a staff action came from (behind trusted proxies: the visitor's, not the
/// load balancer's), kept with the audit entry.
struct M038_AddAuditAddress: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("audit_log").field("address", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("audit_log").deleteField("address").update()
    }
}
