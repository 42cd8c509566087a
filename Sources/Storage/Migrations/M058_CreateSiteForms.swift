import Fluent
import SQLKit

/// Editor-built forms (the form itself: published content) and the answers people sent, each
/// with the day it is to be deleted (the form's retention, at most the register's `form_answers`).
struct M058_CreateSiteForms: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("site_forms")
            .id()
            .field("section", .string, .required)
            .field("content", .string, .required)
            .field("updated_by", .uuid, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.schema("site_form_answers")
            .id()
            .field("form_id", .uuid, .required, .references("site_forms", "id", onDelete: .cascade))
            .field("answers", .string, .required)
            .field("submitted_at", .datetime, .required)
            .field("delete_after", .datetime, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.raw("CREATE INDEX site_form_answers_form ON site_form_answers (form_id, submitted_at)").run()
        try await sql.raw("CREATE INDEX site_form_answers_delete ON site_form_answers (delete_after)").run()
    }

    func revert(on db: any Database) async throws {
        for table in ["site_form_answers", "site_forms"] { try await db.schema(table).delete() }
    }
}
