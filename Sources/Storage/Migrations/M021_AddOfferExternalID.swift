import Fluent
import SQLKit

/// Offers imported from another offer base keep that base's identifier, so importing the same
/// export again updates them instead of adding copies.
struct M021_AddOfferExternalID: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("offers").field("external_id", .string).update()
        try await (db as! any SQLDatabase).create(index: "offers_external_id_idx").on("offers").column("external_id").unique().run()
    }

    func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).drop(index: "offers_external_id_idx").run()
        try await db.schema("offers").deleteField("external_id").update()
    }
}
