import Foundation

/// How long a waiting chat stays in the queue after the visitor's page stopped asking for it:
/// a page reload must not lose the place, a closed tab must not be offered to a consultant.
public enum ChatPolicy {
    public static let visitorLeftGrace: TimeInterval = 60
}
