import Foundation

/// Callbacks not reached are tried again: an hour later (or at the next opening), at most
/// `attempts` times in all; the new attempt carries the same context.
public enum CallbackPolicy {
    public static let attempts = 3
    public static let retryAfter: TimeInterval = 3_600

    /// When to try again after attempt `attempt` (1-based) failed at `now`; nil: give up.
    /// `nextOpening` gives the first open moment at or after a date (nil: never open again).
    public static func retry(after attempt: Int, now: Date, nextOpening: (Date) -> Date?) -> Date? {
        guard attempt < attempts else { return nil }
        return nextOpening(now.addingTimeInterval(retryAfter))
    }
}
