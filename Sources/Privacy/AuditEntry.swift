import Foundation

/// Who read or changed which client's personal data, when, from which office and why.
/// The application can only append to it and read it: there is no update and no delete.
public struct AuditEntry: Sendable, Equatable {
    public let at: Date
    public let actorID: UUID
    public let actorOfficeID: String?
    public let clientID: UUID?
    public let clientOfficeID: String?
    public let action: String
    public let detail: String
    public let reason: String

    /// One reading session: the same person reading the same data for the same purpose again
    /// within this time (a reload, coming back to a contact's screen) is the same read, logged
    /// once, so the log stays readable; a read after a longer pause is logged again.
    public static let readingSession: TimeInterval = 30 * 60

    /// Whether `earlier` already logs this read: same person, client, action and subject,
    /// within a reading session before it.
    public func isSameReading(as earlier: AuditEntry) -> Bool {
        earlier.actorID == actorID && earlier.clientID == clientID && earlier.action == action && earlier.detail == detail
            && earlier.at <= at && at.timeIntervalSince(earlier.at) < Self.readingSession
    }

    public init(at: Date = Date(), actorID: UUID, actorOfficeID: String?, clientID: UUID?, clientOfficeID: String? = nil,
                action: String, detail: String, reason: String) {
        self.at = at; self.actorID = actorID; self.actorOfficeID = actorOfficeID; self.clientID = clientID
        self.clientOfficeID = clientOfficeID; self.action = action; self.detail = detail; self.reason = reason
    }
}
