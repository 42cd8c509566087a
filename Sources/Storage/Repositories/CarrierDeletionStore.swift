import Fluent
import SQLKit
import Foundation

/// Recordings the carrier still holds that this system has let go: deleted at the carrier one
/// by one, retried with back-off while its API is away, and forgotten only once it confirms
/// (a recording it no longer has counts as confirmed, so a deletion sent twice, by two servers
/// or after a lost answer, changes nothing).
public struct CarrierDeletionStore: Sendable {
    let sql: any SQLDatabase

    public init(db: any Database) { sql = db as! any SQLDatabase }
    init(sql: any SQLDatabase) { self.sql = sql }

    /// Queues these recordings (one already queued stays as it is).
    public func enqueue(_ sids: [String], now: Date) async throws {
        for sid in Set(sids).sorted() {
            try await sql.insert(into: "carrier_deletions").columns("recording_sid", "queued_at", "attempts", "next_attempt_at")
                .values(SQLBind(sid), SQLBind(now), SQLBind(0), SQLBind(now))
                .ignoringConflicts(with: "recording_sid").run()
        }
    }

    /// Those whose next attempt is due, oldest first.
    public func due(now: Date, limit: Int = 100) async throws -> [String] {
        try await sql.select().column("recording_sid").from("carrier_deletions").where("next_attempt_at", .lessThanOrEqual, SQLBind(now))
            .orderBy("queued_at").orderBy("recording_sid").limit(limit).all()
            .map { try $0.decode(column: "recording_sid", as: String.self) }
    }

    /// The carrier confirmed it: forgotten.
    public func deleted(_ sid: String) async throws {
        try await sql.delete(from: "carrier_deletions").where("recording_sid", .equal, SQLBind(sid)).run()
    }

    /// The carrier could not be asked or refused for now: tried again with the outbox's back-off
    /// (1, 2, 4 … minutes, at most every six hours).
    public func failed(_ sid: String, now: Date) async throws {
        guard let row = try await sql.select().column("attempts").from("carrier_deletions").where("recording_sid", .equal, SQLBind(sid)).first() else { return }
        let attempts = try row.decode(column: "attempts", as: Int.self) + 1
        try await sql.update("carrier_deletions").set("attempts", to: SQLBind(attempts))
            .set("next_attempt_at", to: SQLBind(now.addingTimeInterval(Outbox.backoff(afterAttempts: attempts))))
            .where("recording_sid", .equal, SQLBind(sid)).run()
    }

    public func count() async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("carrier_deletions").first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
