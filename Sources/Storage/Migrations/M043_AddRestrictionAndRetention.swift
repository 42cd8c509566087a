import Fluent
import SQLKit

/// Restriction (art. 18) and retention: when an account or a client record was restricted
/// (its data kept only because a law says so, seen only by the data protection officer), when a
/// client's and an interaction's identity and words were removed, and, for the deletion of
/// accounts nobody uses, when each was last used (from its last change for existing ones, from its creation until a first sign-in) and
/// when its owner was warned.
struct M043_AddRestrictionAndRetention: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await db.schema("accounts").field("restricted_at", .datetime).update()
        try await db.schema("accounts").field("last_seen_at", .datetime).update()
        try await db.schema("accounts").field("deletion_warned_at", .datetime).update()
        try await sql.raw("UPDATE accounts SET last_seen_at = updated_at").run()
        try await db.schema("clients").field("restricted_at", .datetime).update()
        try await db.schema("clients").field("anonymised_at", .datetime).update()
        try await db.schema("cc_interactions").field("restricted_at", .datetime).update()
        try await db.schema("cc_interactions").field("anonymised_at", .datetime).update()
        // Retention walks contacts without a client by age, skipping those already done.
        try await sql.create(index: "cc_interactions_retention_idx").on("cc_interactions").column("anonymised_at").column("arrived_at").run()
        try await db.schema("privacy_requests").field("anonymised_at", .datetime).update()
    }

    func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.drop(index: "cc_interactions_retention_idx").run()
        try await db.schema("privacy_requests").deleteField("anonymised_at").update()
        for f in ["anonymised_at", "restricted_at"] { try await db.schema("cc_interactions").deleteField(.string(f)).update() }
        for f in ["anonymised_at", "restricted_at"] { try await db.schema("clients").deleteField(.string(f)).update() }
        for f in ["deletion_warned_at", "last_seen_at", "restricted_at"] { try await db.schema("accounts").deleteField(.string(f)).update() }
    }
}
