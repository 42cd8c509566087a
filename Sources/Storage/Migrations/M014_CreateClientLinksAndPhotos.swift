import Fluent
import SQLKit

/// A seeker's request to be linked to their client record (by PESEL, decided by the office),
/// account photos, invitations of further users of a company, and the office of a company
/// (the one that verifies it).
struct M014_CreateClientLinksAndPhotos: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("client_link_requests")
            .id()
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("pesel_ciphertext", .string, .required)
            .field("pesel_index", .string, .required)
            .field("office_id", .string, .required, .references("offices", "id"))
            .field("status", .string, .required)
            .field("client_id", .uuid, .references("clients", "id", onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .field("decided_at", .datetime)
            .field("decided_by", .uuid)
            .create()
        try await db.schema("account_photos")
            .field("account_id", .uuid, .identifier(auto: false), .references("accounts", "id", onDelete: .cascade))
            .field("content_type", .string, .required)
            .field("data", .data, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.schema("company_invitations")
            .id()
            .field("company_id", .uuid, .required, .references("companies", "id", onDelete: .cascade))
            .field("email", .string, .required)
            .field("token_hash", .string, .required)
            .field("invited_by", .uuid, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await db.schema("companies").field("office_id", .string).update()
        // Whose client it was, so an office's DPO also sees reads by staff of other offices.
        try await db.schema("audit_log").field("client_office_id", .string).update()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "client_link_requests_office_idx").on("client_link_requests").column("office_id").column("status").run()
        try await sql.create(index: "client_link_requests_account_idx").on("client_link_requests").column("account_id").run()
        try await sql.create(index: "companies_office_idx").on("companies").column("office_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("audit_log").deleteField("client_office_id").update()
        try await db.schema("companies").deleteField("office_id").update()
        try await db.schema("company_invitations").delete()
        try await db.schema("account_photos").delete()
        try await db.schema("client_link_requests").delete()
    }
}
