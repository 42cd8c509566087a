import Foundation

/// What a person asks of the controller: one of their rights, or a complaint or request
/// about the service (the policy's "reklamacje, skargi, wnioski").
public enum DataRequestKind: String, Sendable, CaseIterable, Codable {
    case access, rectification, erasure, restriction, portability, objection
    case complaint

    public var right: DataSubjectRight? { DataSubjectRight(rawValue: rawValue) }

    /// A right is exercised only by the person themself: their identity is checked before the
    /// answer or any action. A complaint is answered to whoever wrote it.
    public var needsIdentity: Bool { self != .complaint }
}

/// How the data protection officer made sure a request comes from the person it concerns.
public enum IdentityCheck: String, Sendable, CaseIterable, Codable {
    /// Sent from the address of the person's portal account (or made signed in to it).
    case accountEmail = "account_email"
    /// By phone: the client number and the phone PIN, as the line identifies callers.
    case clientPIN = "client_pin"
    /// An identity document shown at an office.
    case document
    /// A letter signed with a qualified or trusted (ePUAP) signature.
    case trustedSignature = "trusted_signature"
}

/// Where a request came in.
public enum DataRequestChannel: String, Sendable, CaseIterable, Codable {
    case web, email, phone, letter
}

public enum DataRequestStatus: String, Sendable, CaseIterable, Codable {
    case received, answered
}

/// How long a request's text, or the answer to it, may be (characters).
public enum DataRequestText {
    public static let length = 10...5_000
}

/// The deadline of a request (art. 12(3) RODO): one month from receipt; extendable once by up
/// to two further months when the request is complex or requests are many — only with a
/// reason, and only while the first month runs (the person must be told within it).
public struct DataRequestDeadline: Sendable, Equatable {
    public let receivedAt: Date
    public let extendedBy: Int
    public let calendar: Calendar

    public init(receivedAt: Date, extendedBy: Int = 0, calendar: Calendar) {
        self.receivedAt = receivedAt; self.extendedBy = extendedBy; self.calendar = calendar
    }

    public static let longestExtension = 2

    /// The end of the first month: the answer, or the notice of an extension, is due by then.
    public var firstMonthEnds: Date { calendar.date(byAdding: .month, value: 1, to: receivedAt)! }
    public var due: Date { calendar.date(byAdding: .month, value: 1 + extendedBy, to: receivedAt)! }

    public enum Refusal: String, Error, Sendable {
        /// Without a reason the person could be told.
        case noReason = "no_reason"
        /// One or two months, once.
        case tooLong = "too_long"
        case alreadyExtended = "already_extended"
        /// The first month is over: too late to tell the person.
        case tooLate = "too_late"
    }

    /// The deadline extended by `months` for `reason`, decided at `now`.
    public func extended(by months: Int, reason: String, now: Date) throws(Refusal) -> DataRequestDeadline {
        guard extendedBy == 0 else { throw .alreadyExtended }
        guard (1...Self.longestExtension).contains(months) else { throw .tooLong }
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .noReason }
        guard now < firstMonthEnds else { throw .tooLate }
        return DataRequestDeadline(receivedAt: receivedAt, extendedBy: months, calendar: calendar)
    }

    /// Whole days left until the deadline (negative: overdue).
    public func daysLeft(now: Date) -> Int {
        calendar.dateComponents([.day], from: calendar.startOfDay(for: now), to: calendar.startOfDay(for: due)).day!
    }
}
