import Fluent
import SQLKit

/// Fabryka CV: the requests (from an account or a visitor's e-mail), their files (what to
/// work from, the result for a visitor) and, for an account, the result as a CV draft.
struct M048_CreateCVFactory: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("cv_factory_requests")
            .field("id", .uuid, .identifier(auto: false))
            .field("kind", .string, .required)
            .field("target_language", .string, .required)
            .field("account_id", .uuid, .references("accounts", "id", onDelete: .cascade))
            .field("email", .string, .required)
            .field("name", .string)
            .field("language", .string, .required)
            .field("note", .string, .required)
            .field("source_cv_id", .uuid)
            .field("status", .string, .required)
            .field("assigned_to", .uuid)
            .field("due_at", .datetime, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("finished_at", .datetime)
            .field("result", .string)
            .field("return_reason", .string)
            .field("accepted_cv_id", .uuid)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "cv_factory_requests_status_idx").on("cv_factory_requests").column("status").column("due_at").run()
        try await sql.create(index: "cv_factory_requests_account_idx").on("cv_factory_requests").column("account_id").run()
        try await db.schema("cv_factory_files")
            .field("request_id", .uuid, .required, .references("cv_factory_requests", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("file_name", .string, .required)
            .field("size", .int, .required)
            .field("data", .data, .required)
            .field("uploaded_at", .datetime, .required)
            .compositeIdentifier(over: "request_id", "role")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("cv_factory_files").delete()
        try await db.schema("cv_factory_requests").delete()
    }
}
