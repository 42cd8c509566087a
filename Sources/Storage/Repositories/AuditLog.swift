import Fluent
import Foundation
import Privacy

public struct AuditLog: Sendable {
    let db: any Database
    /// The client address of the request the entries belong to.
    let address: String?
    public init(db: any Database, address: String? = nil) { self.db = db; self.address = address }

    public func append(_ e: AuditEntry) async throws {
        let r = AuditRecord()
        r.at = e.at; r.actorID = e.actorID; r.actorOfficeID = e.actorOfficeID; r.clientID = e.clientID
        r.clientOfficeID = e.clientOfficeID; r.action = e.action; r.detail = e.detail; r.reason = e.reason
        r.address = address
        try await r.create(on: db)
    }

    /// A read, logged once per reading session (`AuditEntry.readingSession`): a reload of the
    /// same page by the same person adds nothing.
    public func appendRead(_ e: AuditEntry) async throws {
        let q = AuditRecord.query(on: db).filter(\.$actorID == e.actorID).filter(\.$action == e.action).filter(\.$detail == e.detail)
            .filter(\.$at >= e.at.addingTimeInterval(-AuditEntry.readingSession)).sort(\.$at, .descending)
        if let c = e.clientID { q.filter(\.$clientID == c) } else { q.filter(\.$clientID == nil) }
        if let last = try await q.first(), e.isSameReading(as: Self.entry(last)) { return }
        try await append(e)
    }

    public struct Filter: Sendable {
        public var clientID: UUID?
        public var actorID: UUID?
        /// Entries that concern these offices: the actor acted from one, or the client belongs to one.
        public var offices: Set<String>?
        public var action: String?
        public var since: Date?
        public var until: Date?
        public var limit: Int = 200
        public init(clientID: UUID? = nil, actorID: UUID? = nil, offices: Set<String>? = nil, action: String? = nil,
                    since: Date? = nil, until: Date? = nil, limit: Int = 200) {
            self.clientID = clientID; self.actorID = actorID; self.offices = offices; self.action = action
            self.since = since; self.until = until; self.limit = limit
        }
    }

    public func entries(_ f: Filter) async throws -> [AuditEntry] {
        let q = AuditRecord.query(on: db).sort(\.$at, .descending).limit(f.limit)
        if let c = f.clientID { q.filter(\.$clientID == c) }
        if let a = f.actorID { q.filter(\.$actorID == a) }
        if let offices = f.offices {
            let list = Array(offices)
            q.group(.or) { $0.filter(\.$actorOfficeID ~~ list).filter(\.$clientOfficeID ~~ list) }
        }
        if let action = f.action { q.filter(\.$action == action) }
        if let s = f.since { q.filter(\.$at >= s) }
        if let u = f.until { q.filter(\.$at < u) }
        return try await q.all().map(Self.entry)
    }

    static func entry(_ r: AuditRecord) -> AuditEntry {
        AuditEntry(at: r.at, actorID: r.actorID, actorOfficeID: r.actorOfficeID, clientID: r.clientID,
                   clientOfficeID: r.clientOfficeID, action: r.action, detail: r.detail, reason: r.reason)
    }

    /// The e-mail of each actor, for showing entries.
    public func actorEmails(_ ids: Set<UUID>) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await AccountRecord.query(on: db).filter(\.$id ~~ Array(ids)).all()
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.id!, $0.email) })
    }
}
