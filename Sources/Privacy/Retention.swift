import Foundation

/// How long a kind of personal data is kept after its last use, and what deleting it means.
/// The retention jobs ask these rules for their cut-off, so the policy lives in one place.
public struct RetentionRule: Sendable, Equatable {
    public enum Length: Sendable, Equatable { case days(Double), years(Int) }
    public let name: String
    public let length: Length

    public init(name: String, days: Double) { self.name = name; self.length = .days(days) }
    public init(name: String, years: Int) { self.name = name; self.length = .years(years) }


    /// Data last used before this moment is due for deletion.
    public func cutoff(now: Date) -> Date { shift(now, by: -1) }

    /// Until when something made at `made` may be kept.
    public func keptUntil(_ made: Date) -> Date { shift(made, by: 1) }

    func shift(_ date: Date, by sign: Int) -> Date {
        switch length {
        case .days(let d): date.addingTimeInterval(Double(sign) * d * 86_400)
        case .years(let y): Retention.calendar.date(byAdding: .year, value: sign * y, to: date)!
        }
    }
}

public enum Retention {
    /// Years and months are calendar ones in Polish time (29 February counts), as the law counts them.
    public static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "Europe/Warsaw")!
        return c
    }()

    /// The IVR's own state of a call (the caller's number, the keys pressed): a week, long
    /// enough for a complaint about a call to be looked into.
    public static let ivrCallState = RetentionRule(name: "ivr_call_state", days: 7)

    /// Call recordings: as many days as the deployment says (VOICE_RECORDING_DAYS; 0 records nothing).
    public static func recordings(days: Int) -> RetentionRule { RetentionRule(name: "recordings", days: Double(days)) }

    /// A purpose's own rule as the register states it (nil when it has no fixed length: an
    /// account's lifetime, until a consent is withdrawn).
    public static func of(purpose id: String) -> RetentionRule? {
        switch ProcessingRegister.purpose(id)?.retention {
        case .yearsSinceLastContact(let y): RetentionRule(name: id, years: y)
        case .days(let d): RetentionRule(name: id, days: Double(d))
        case .accountLifetime, .untilWithdrawn, nil: nil
        }
    }

    /// Contacts with the centre (calls, forms, e-mail, chats, SMS, surveys): the phone line's rule.
    public static var contactCentre: RetentionRule { of(purpose: "phone_line")! }
    /// Complaints and requests: the complaints purpose's rule, from the answer.
    public static var complaints: RetentionRule { of(purpose: "complaints")! }
    /// The security log (who read what): the security purpose's rule.
    public static var securityLog: RetentionRule { of(purpose: "security")! }
    /// Fabryka CV's working copies, from when a request ended.
    public static var cvFactory: RetentionRule { of(purpose: "cv_factory")! }
    /// Who voted in a poll, counted from the poll's closing.
    public static var pollVotes: RetentionRule { of(purpose: "poll_votes")! }
    /// A recruitment's candidates, from when the order ended.
    public static var recruitment: RetentionRule { of(purpose: "recruitment")! }
    /// A draft of the foreigners' generator without an account, from its last change.
    public static var foreignerDrafts: RetentionRule { of(purpose: "foreigner_forms")! }
    /// Mail sent to people (the outbox keeps a copy): the forms-and-e-mail purpose's rule.
    public static var sentMail: RetentionRule { of(purpose: "forms_and_email")! }

    /// A newsletter sign-up never confirmed is not a consent: it goes after a week.
    public static let unconfirmedSignUp = RetentionRule(name: "unconfirmed_sign_up", days: 7)
    /// Attempt counters (login, PIN, forms) mean nothing after a day.
    public static let attemptCounters = RetentionRule(name: "attempt_counters", days: 1)
}

/// When an account nobody uses is deleted: after `inactiveDays` without a sign-in, once its
/// owner was warned `warningDays` before by e-mail (RETENTION_ACCOUNT_INACTIVE_DAYS,
/// RETENTION_ACCOUNT_WARNING_DAYS; an account lives as long as it is used, the register says).
public struct AccountInactivity: Sendable, Equatable {
    public let inactiveDays: Int
    public let warningDays: Int

    public init(inactiveDays: Int, warningDays: Int) {
        self.inactiveDays = max(1, inactiveDays); self.warningDays = min(max(1, warningDays), self.inactiveDays)
    }

    public static let standard = AccountInactivity(inactiveDays: 3 * 365, warningDays: 30)

    /// Accounts last used before this are warned now.
    public func warnBefore(now: Date) -> Date { now.addingTimeInterval(-Double(inactiveDays - warningDays) * 86_400) }

    /// When an account last used at `lastUse` is deleted.
    public func deletion(lastUse: Date) -> Date { lastUse.addingTimeInterval(Double(inactiveDays) * 86_400) }

    /// Whether an account warned at `warnedAt` and unused since `lastUse` is deleted now: its
    /// time is up and the warning had its full notice.
    public func deletes(lastUse: Date, warnedAt: Date, now: Date) -> Bool {
        now >= deletion(lastUse: lastUse) && now.timeIntervalSince(warnedAt) >= Double(warningDays) * 86_400
    }
}
