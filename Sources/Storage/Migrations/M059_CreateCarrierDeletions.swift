import Fluent
import SQLKit

/// The carrier's copies of recordings this system has let go (retention, anonymisation) and
/// that the carrier has not yet confirmed deleted: only the recording's id, kept until the
/// carrier's API says it is gone, so an outage of that API loses no deletion.
struct M059_CreateCarrierDeletions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("carrier_deletions")
            .field("recording_sid", .string, .identifier(auto: false))
            .field("queued_at", .datetime, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .create()
        try await (db as! any SQLDatabase).raw("CREATE INDEX carrier_deletions_due ON carrier_deletions (next_attempt_at)").run()
    }

    func revert(on db: any Database) async throws { try await db.schema("carrier_deletions").delete() }
}
