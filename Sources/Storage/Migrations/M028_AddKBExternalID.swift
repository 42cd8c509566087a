import Fluent
import SQLKit

/// Entries imported from another system (the office system PULS, an export of another
/// installation, the shipped starter set) keep that system's id, so a second import updates them.
struct M028_AddKBExternalID: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("kb_entries").field("external_id", .string).update()
        try await (db as! any SQLDatabase).create(index: "kb_entries_external_idx").on("kb_entries").column("external_id").unique().run()
    }

    func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).drop(index: "kb_entries_external_idx").run()
        try await db.schema("kb_entries").deleteField("external_id").update()
    }
}
