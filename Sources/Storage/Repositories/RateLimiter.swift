import Fluent
import SQLKit
import Foundation
import Clients

/// Fixed-window counters in the database, shared by every application server: used for login,
/// password reset, PIN and TOTP attempts.
public struct RateLimiter: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    /// Counts one attempt for `key`; false when the attempts in the current window exceed `limit`.
    /// One statement: two servers counting the same key at once can neither lose an attempt nor
    /// both insert the first row.
    public func hit(_ key: String, limit: Int, window: TimeInterval, now: Date = Date()) async throws -> Bool {
        let expired = now.addingTimeInterval(-window)
        let row = try await (db as! any SQLDatabase).raw("""
            INSERT INTO rate_limits (\(ident: "key"), window_start, count) VALUES (\(bind: key), \(bind: now), 1)
            ON CONFLICT (\(ident: "key")) DO UPDATE SET
              count = CASE WHEN rate_limits.window_start <= \(bind: expired) THEN 1 ELSE rate_limits.count + 1 END,
              window_start = CASE WHEN rate_limits.window_start <= \(bind: expired) THEN \(bind: now) ELSE rate_limits.window_start END
            RETURNING count
            """).first()
        return try (row?.decode(column: "count", as: Int.self) ?? 1) <= limit
    }

    /// Whether `key` is over its limit now, without counting an attempt.
    public func isBlocked(_ key: String, limit: Int, window: TimeInterval, now: Date = Date()) async throws -> Bool {
        guard let r = try await RateLimitRecord.find(key, on: db) else { return false }
        return now.timeIntervalSince(r.windowStart) < window && r.count >= limit
    }

    public func reset(_ key: String) async throws {
        try await RateLimitRecord.query(on: db).filter(\.$id == key).delete()
    }
}

extension RateLimiter: AttemptCounter {}
