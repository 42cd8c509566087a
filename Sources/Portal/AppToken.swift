import Foundation

/// What a device signed in to the Moja Praca app may do with its token.
public enum AppScope: String, Sendable, CaseIterable, Codable {
    /// Read the account's own data: offers that fit, saved searches, CVs.
    case read
    /// Change or delete the account's saved searches and alerts.
    case alerts
    /// Write, change, share and delete the account's CVs.
    case cvs
    /// Ask for a copy of the account's data and download it (with the password again).
    case privacy
    /// Write to the office (the contact form) and book a callback, as the account.
    case contact

    /// Scopes as a device asks for them ("read alerts"); nil when one is unknown.
    public static func parse(_ text: String) -> Set<AppScope>? {
        var out: Set<AppScope> = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
            guard let s = AppScope(rawValue: String(word)) else { return nil }
            out.insert(s)
        }
        return out
    }
}

/// The app's sign-in: a token per device, expiring, revocable, ending with the account's
/// sessions (a new password or "sign out everywhere" ends every device's token too).
public enum AppTokenPolicy {
    public static let lifetime: TimeInterval = 90 * 86_400
    /// Devices one account may have signed in at once; the oldest goes first.
    public static let maximumPerAccount = 10
    /// Tokens of the app start with this, so the server tells them from staff tokens at once.
    public static let prefix = "zla_"
    public static let maximumDeviceName = 80
}
