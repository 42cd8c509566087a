import Fluent
import SQLKit

/// Recruitment run by the centre: the employers' orders, each order's candidates (one
/// participation per seeker and order, with their consent) and the staff's notes on them.
struct M050_CreateRecruitment: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("recruitment_orders")
            .field("id", .uuid, .identifier(auto: false))
            .field("offer_id", .uuid, .required, .references("offers", "id", onDelete: .cascade))
            .field("company_id", .uuid, .required)
            .field("office_id", .string, .required)
            .field("ordered_by", .uuid, .references("accounts", "id", onDelete: .setNull))
            .field("requirements", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("closed_at", .datetime)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "recruitment_orders_office_idx").on("recruitment_orders").column("office_id").column("status").run()
        try await sql.create(index: "recruitment_orders_company_idx").on("recruitment_orders").column("company_id").run()
        try await sql.create(index: "recruitment_orders_offer_idx").on("recruitment_orders").column("offer_id").run()
        try await db.schema("recruitment_candidates")
            .field("id", .uuid, .identifier(auto: false))
            .field("order_id", .uuid, .required, .references("recruitment_orders", "id", onDelete: .cascade))
            .field("cv_id", .uuid, .required, .references("cvs", "id", onDelete: .cascade))
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("source", .string, .required)
            .field("stage", .string, .required)
            .field("consent", .string)
            .field("consent_at", .datetime)
            .field("outcome_sent_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "order_id", "account_id")
            .create()
        try await sql.create(index: "recruitment_candidates_account_idx").on("recruitment_candidates").column("account_id").run()
        try await db.schema("recruitment_notes")
            .field("id", .uuid, .identifier(auto: false))
            .field("candidate_id", .uuid, .required, .references("recruitment_candidates", "id", onDelete: .cascade))
            .field("staff_id", .uuid)
            .field("stage", .string, .required)
            .field("text", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await sql.create(index: "recruitment_notes_candidate_idx").on("recruitment_notes").column("candidate_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("recruitment_notes").delete()
        try await db.schema("recruitment_candidates").delete()
        try await db.schema("recruitment_orders").delete()
    }
}
