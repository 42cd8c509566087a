import Fluent
import SQLKit

/// Voice: the IVR flow's versions (a draft being edited, published versions kept for rollback
/// and for calls still inside them), the calls the carrier is walking through a flow, and the
/// recordings made of calls and voicemail.
struct M035_CreateVoice: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("ivr_flows")
            .field("version", .int, .identifier(auto: false))
            .field("flow", .string, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .string, .required)
            .field("published_at", .datetime)
            .field("published_by", .string)
            .field("note", .string)
            .create()
        try await db.schema("ivr_calls")
            .field("call_sid", .string, .identifier(auto: false))
            .field("caller", .string, .required)
            .field("flow_version", .int, .required)
            .field("state", .string, .required)
            .field("seq", .int, .required)
            .field("interaction_id", .uuid)
            .field("status", .string, .required)
            .field("last_key", .string, .required)
            .field("last_response", .string, .required)
            .field("announced_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await (db as! any SQLDatabase).create(index: "ivr_calls_interaction").on("ivr_calls").column("interaction_id").run()
        try await db.schema("voice_recordings")
            .id()
            .field("interaction_id", .uuid, .required)
            .field("call_sid", .string, .required)
            .field("recording_sid", .string, .required)
            .field("url", .string, .required)
            .field("duration_seconds", .int, .required)
            .field("kind", .string, .required)
            .field("created_at", .datetime, .required)
            .field("delete_after", .datetime, .required)
            .unique(on: "recording_sid")
            .create()
        try await (db as! any SQLDatabase).create(index: "voice_recordings_interaction").on("voice_recordings").column("interaction_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("voice_recordings").delete()
        try await db.schema("ivr_calls").delete()
        try await db.schema("ivr_flows").delete()
    }
}
