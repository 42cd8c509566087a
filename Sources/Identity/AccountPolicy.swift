import Foundation

/// How long the links sent to account holders stay valid, and how hard sign-in may be tried.
public enum AccountPolicy {
    /// The link confirming an e-mail address (registration, a new address).
    public static let verifyLifetime: TimeInterval = 48 * 3600
    /// The link setting a new password.
    public static let resetLifetime: TimeInterval = 3600
    /// A new staff member's first link: time to find the mail after a weekend.
    public static let staffWelcomeLifetime: TimeInterval = 72 * 3600
    /// Wrong passwords for one e-mail before it is locked for the window.
    public static let loginLimit = (attempts: 5, window: 15.0 * 60)
    /// Sign-in attempts from one client address (many accounts tried from one place).
    public static let addressLimit = (attempts: 30, window: 15.0 * 60)
}
