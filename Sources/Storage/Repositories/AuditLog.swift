import Fluent
import Foundation

/// Who read or changed which client's personal data, when, from which office and why.
/// The application can only append to it and read it: there is no update and no delete.
public struct AuditEntry: Sendable, Equatable {
    public let at: Date
    public let actorID: UUID
    public let actorOfficeID: String?
    public let clientID: UUID?
    public let action: String
    public let detail: String
    public let reason: String

    public init(at: Date = Date(), actorID: UUID, actorOfficeID: String?, clientID: UUID?, action: String, detail: String, reason: String) {
        self.at = at; self.actorID = actorID; self.actorOfficeID = actorOfficeID; self.clientID = clientID
        self.action = action; self.detail = detail; self.reason = reason
    }
}

public struct AuditLog: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    public func append(_ e: AuditEntry) async throws {
        let r = AuditRecord()
        r.at = e.at; r.actorID = e.actorID; r.actorOfficeID = e.actorOfficeID; r.clientID = e.clientID
        r.action = e.action; r.detail = e.detail; r.reason = e.reason
        try await r.create(on: db)
    }

    public struct Filter: Sendable {
        public var clientID: UUID?
        public var actorID: UUID?
        public var officeID: String?
        public var since: Date?
        public var limit: Int = 200
        public init(clientID: UUID? = nil, actorID: UUID? = nil, officeID: String? = nil, since: Date? = nil, limit: Int = 200) {
            self.clientID = clientID; self.actorID = actorID; self.officeID = officeID; self.since = since; self.limit = limit
        }
    }

    public func entries(_ f: Filter) async throws -> [AuditEntry] {
        let q = AuditRecord.query(on: db).sort(\.$at, .descending).limit(f.limit)
        if let c = f.clientID { q.filter(\.$clientID == c) }
        if let a = f.actorID { q.filter(\.$actorID == a) }
        if let o = f.officeID { q.filter(\.$actorOfficeID == o) }
        if let s = f.since { q.filter(\.$at >= s) }
        return try await q.all().map {
            AuditEntry(at: $0.at, actorID: $0.actorID, actorOfficeID: $0.actorOfficeID, clientID: $0.clientID,
                       action: $0.action, detail: $0.detail, reason: $0.reason)
        }
    }
}
