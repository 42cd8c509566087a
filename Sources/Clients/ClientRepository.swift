import Foundation

/// What the register needs from storage to identify a client. Storage implements it on both
/// databases; tests implement it in memory.
public protocol ClientRepository: Sendable {
    func find(number: String) async throws -> Client?
}

/// Counts attempts per key in a sliding window (the PIN lockouts). Storage keeps the counts in
/// the database, so every process of a deployment shares them.
public protocol AttemptCounter: Sendable {
    /// Records one attempt; true when the count, this attempt included, is at most `limit`.
    func hit(_ key: String, limit: Int, window: TimeInterval, now: Date) async throws -> Bool
    func isBlocked(_ key: String, limit: Int, window: TimeInterval, now: Date) async throws -> Bool
    func reset(_ key: String) async throws
}
