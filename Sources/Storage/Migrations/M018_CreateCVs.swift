import Fluent
import SQLKit

/// Job seekers' CVs, their one uploaded file, and what employers may search: `cv_candidates`
/// holds only the sections a seeker shared (never a hidden field, never contact data), with
/// the tokens of those sections in the `cv` search index.
struct M018_CreateCVs: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("cvs")
            .id()
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("content", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await (db as! any SQLDatabase).create(index: "cvs_account_idx").on("cvs").column("account_id").run()
        try await db.schema("cv_files")
            .field("account_id", .uuid, .identifier(auto: false), .references("accounts", "id", onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("size", .int, .required)
            .field("data", .data, .required)
            .field("uploaded_at", .datetime, .required)
            .create()
        try await db.schema("cv_candidates")
            .field("cv_id", .uuid, .identifier(auto: false), .references("cvs", "id", onDelete: .cascade))
            .field("shared", .string, .required)
            .field("occupation_code", .string)
            .field("voivodeship_code", .string)
            .field("powiat_code", .string)
            .field("experience_months", .int)
            .field("education_rank", .int)
            .field("languages", .string)
            .field("updated_at", .datetime, .required)
            .create()
        try await (db as! any SQLDatabase).create(index: "cv_candidates_updated_idx").on("cv_candidates").column("updated_at").run()
        try await SearchIndex.cvs.create(on: db)
        try await db.schema("cv_interests")
            .id()
            .field("cv_id", .uuid, .required, .references("cvs", "id", onDelete: .cascade))
            .field("offer_id", .uuid, .required, .references("offers", "id", onDelete: .cascade))
            .field("company_id", .uuid, .required, .references("companies", "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .unique(on: "cv_id", "offer_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("cv_interests").delete()
        try await SearchIndex.cvs.drop(on: db)
        try await db.schema("cv_candidates").delete()
        try await db.schema("cv_files").delete()
        try await db.schema("cvs").delete()
    }
}
