import Vapor
import Fluent
import SQLKit

/// One clock for every process: on PostgreSQL the database's, so two servers whose clocks
/// disagree still agree on how long an offer has rung and how long a contact has waited.
enum ServerClock {
    static func now(_ db: any Database, local: @Sendable () -> Date = { Date() }) async throws -> Date {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return local() }
        let row = try await sql.raw("SELECT clock_timestamp() AS now").first()
        return try row?.decode(column: "now", as: Date.self) ?? Date()
    }
}
