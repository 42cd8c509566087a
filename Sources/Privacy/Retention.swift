import Foundation

/// How long a kind of personal data is kept after its last use, and what deleting it means.
/// The retention jobs ask these rules for their cut-off, so the policy lives in one place.
public struct RetentionRule: Sendable, Equatable {
    public let name: String
    public let keep: TimeInterval

    public init(name: String, days: Double) { self.name = name; self.keep = days * 86_400 }

    /// Data last used before this moment is due for deletion.
    public func cutoff(now: Date) -> Date { now.addingTimeInterval(-keep) }

    /// Until when something made at `made` may be kept.
    public func keptUntil(_ made: Date) -> Date { made.addingTimeInterval(keep) }
}

public enum Retention {
    /// The IVR's own state of a call (the caller's number, the keys pressed): a week, long
    /// enough for a complaint about a call to be looked into.
    public static let ivrCallState = RetentionRule(name: "ivr_call_state", days: 7)

    /// Call recordings: as many days as the deployment says (VOICE_RECORDING_DAYS; 0 records nothing).
    public static func recordings(days: Int) -> RetentionRule { RetentionRule(name: "recordings", days: Double(days)) }
}
