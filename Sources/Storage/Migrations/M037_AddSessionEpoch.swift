import Fluent
import SQLKit

/// A counter a session is stamped with at sign-in: raising it (a password change or reset,
/// "sign out everywhere") ends every session stamped before.
struct M037_AddSessionEpoch: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("accounts").field("session_epoch", .int, .required, .sql(.default(0))).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("accounts").deleteField("session_epoch").update()
    }
}
