import Foundation

/// A written answer from the screen pop, in the contact's own channel. A web form promised an
/// answer by e-mail, an SMS is answered by SMS; a callback or a video booking may get a
/// follow-up the same way (e-mail when an address is known, else SMS). An e-mail case is
/// answered in its own thread; a chat in the chat; a call or a visit in person.
public enum ReplyPolicy {
    public enum Route: Equatable, Sendable {
        case email(String)
        case sms(String)
    }

    /// Where a reply to a contact of `channel` goes, given the addresses the contact came with
    /// (first) and the client's; nil when the channel answers otherwise or nothing is known.
    public static func route(channel: Channel, email: String?, phone: String?) -> Route? {
        switch channel {
        case .sms: phone.map(Route.sms)
        case .webForm, .callback, .video: email.map(Route.email) ?? phone.map(Route.sms)
        case .email, .chat, .voice, .visit: nil
        }
    }

    /// Contacts that asked a question in writing and wait for the answer in writing.
    public static func awaitsWrittenAnswer(_ channel: Channel) -> Bool {
        channel == .webForm || channel == .sms || channel == .email
    }

    /// Whether the contact may be closed with `outcome`: one waiting for a written answer is
    /// closed as reached only once it was answered — the survey that follows a reached close
    /// comes after the answer, never instead of it. "Not reached" and "other" close it anyway.
    public static func mayClose(channel: Channel, outcome: OutcomeCode, answered: Bool) -> Bool {
        guard awaitsWrittenAnswer(channel) else { return true }
        switch outcome {
        case .notReached, .other: return true
        case .resolved, .informationGiven, .appointmentBooked, .callbackNeeded, .referredToOffice: return answered
        }
    }
}
