import Fluent
import Foundation

/// Fixed-window counters in the database, shared by every application server: used for login,
/// password reset, PIN and TOTP attempts.
public struct RateLimiter: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    /// Counts one attempt for `key`; false when the attempts in the current window exceed `limit`.
    public func hit(_ key: String, limit: Int, window: TimeInterval, now: Date = Date()) async throws -> Bool {
        try await db.transaction { tx in
            if let r = try await RateLimitRecord.find(key, on: tx) {
                if now.timeIntervalSince(r.windowStart) >= window { r.windowStart = now; r.count = 1 } else { r.count += 1 }
                try await r.update(on: tx)
                return r.count <= limit
            }
            let r = RateLimitRecord(); r.id = key; r.windowStart = now; r.count = 1
            try await r.create(on: tx)
            return 1 <= limit
        }
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
