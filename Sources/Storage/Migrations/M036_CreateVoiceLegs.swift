import Fluent
import SQLKit

/// The calls the system itself places through the carrier for a conversation: the
/// consultant's leg into the caller's conference, and supervisors listening or coaching.
struct M036_CreateVoiceLegs: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("voice_legs")
            .field("call_sid", .string, .identifier(auto: false))
            .field("interaction_id", .uuid, .required)
            .field("role", .string, .required)
            .field("staff_id", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("ended_at", .datetime)
            .create()
        try await (db as! any SQLDatabase).create(index: "voice_legs_interaction").on("voice_legs").column("interaction_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("voice_legs").delete()
    }
}
