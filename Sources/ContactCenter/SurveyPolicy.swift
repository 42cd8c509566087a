import Foundation

/// After a contact that reached the client, a 1–5 survey: by e-mail when an address is known
/// (the client's, else the one a form gave), otherwise by SMS to the client's or the caller's
/// phone. Chats rate themselves in the chat window; an unreached callback is not asked.
public enum SurveyPolicy {
    public enum Route: Equatable, Sendable {
        case email(String)
        case sms(String)
    }

    public static func route(channel: Channel, reached: Bool, email: String?, phone: String?) -> Route? {
        guard reached, channel != .chat else { return nil }
        if let email { return .email(email) }
        if let phone { return .sms(phone) }
        return nil
    }
}
