import Fluent
import SQLKit

/// The knowledge base: entries (FAQ and articles) per language and scope with a version number
/// guarding concurrent edits, every saved version, the searches that found nothing (for
/// editors), and the full-text index.
struct M027_CreateKnowledgeBase: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("kb_entries")
            .id()
            .field("kind", .string, .required)
            .field("category", .string, .required)
            .field("language", .string, .required)
            .field("office_id", .string, .references("offices", "id"))
            .field("source_id", .uuid, .references("kb_entries", "id"))
            .field("source_version", .int)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("tags", .string, .required)
            .field("legal_basis", .string, .required)
            .field("internal_note", .string, .required)
            .field("valid_from", .datetime)
            .field("valid_until", .datetime)
            .field("needs_review", .bool, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .field("helpful_yes", .int, .required)
            .field("helpful_no", .int, .required)
            .field("created_by", .uuid, .required)
            .field("updated_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "kb_entries_language_idx").on("kb_entries").column("language").column("status").run()
        try await sql.create(index: "kb_entries_source_idx").on("kb_entries").column("source_id").run()
        try await db.schema("kb_versions")
            .id()
            .field("entry_id", .uuid, .required, .references("kb_entries", "id", onDelete: .cascade))
            .field("version", .int, .required)
            .field("status", .string, .required)
            .field("content", .string, .required)
            .field("changed_by", .uuid, .required)
            .field("changed_at", .datetime, .required)
            .unique(on: "entry_id", "version")
            .create()
        try await db.schema("kb_misses")
            .id()
            .field("query", .string, .required)
            .field("language", .string, .required)
            .field("count", .int, .required)
            .field("last_at", .datetime, .required)
            .unique(on: "query", "language")
            .create()
        try await SearchIndex.kb.create(on: db)
    }

    func revert(on db: any Database) async throws {
        try await SearchIndex.kb.drop(on: db)
        try await db.schema("kb_misses").delete()
        try await db.schema("kb_versions").delete()
        try await db.schema("kb_entries").delete()
    }
}

extension SearchIndex {
    /// Knowledge-base entries: the question in `title`, tags and answer in `body`.
    public static let kb = SearchIndex("kb")
}
