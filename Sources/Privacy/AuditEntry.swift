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

    public init(at: Date = Date(), actorID: UUID, actorOfficeID: String?, clientID: UUID?, clientOfficeID: String? = nil,
                action: String, detail: String, reason: String) {
        self.at = at; self.actorID = actorID; self.actorOfficeID = actorOfficeID; self.clientID = clientID
        self.clientOfficeID = clientOfficeID; self.action = action; self.detail = detail; self.reason = reason
    }
}
