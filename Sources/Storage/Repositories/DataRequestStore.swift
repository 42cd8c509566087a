import Fluent
import SQLKit
import Foundation
import Privacy

/// A request in the register, as the data protection officer works on it.
public struct DataRequest: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let reference: String
    public let kind: DataRequestKind
    public let channel: DataRequestChannel
    public let status: DataRequestStatus
    public let name: String
    public let email: String
    public let language: String
    /// nil: national (the centre itself).
    public let officeID: String?
    public let text: String
    public let receivedAt: Date
    public let extendedBy: Int
    public let extensionReason: String?
    public let answer: String?
    public let answeredAt: Date?
    /// How the person's identity was checked (nil: not yet).
    public var identityCheck: IdentityCheck? = nil
    public var identityVerifiedAt: Date? = nil

    /// Whether the officer may answer or act on it: a right needs the person's identity checked.
    public var identityReady: Bool { !kind.needsIdentity || identityCheck != nil }

    public func deadline(_ calendar: Calendar) -> DataRequestDeadline {
        DataRequestDeadline(receivedAt: receivedAt, extendedBy: extendedBy, calendar: calendar)
    }
}

public struct NewDataRequest: Sendable {
    public let kind: DataRequestKind
    public let channel: DataRequestChannel
    public let name: String
    public let email: String
    public let language: String
    public let officeID: String?
    public let text: String
    /// The staff member who registered a request that came by phone, letter or e-mail.
    public var receivedBy: UUID? = nil
    public init(kind: DataRequestKind, channel: DataRequestChannel, name: String, email: String, language: String, officeID: String?, text: String,
                receivedBy: UUID? = nil) {
        self.kind = kind; self.channel = channel; self.name = name; self.email = email; self.language = language; self.officeID = officeID; self.text = text
        self.receivedBy = receivedBy
    }
}

public enum DataRequestStoreError: Error, Equatable {
    case notFound
    case alreadyAnswered
    case refused(DataRequestDeadline.Refusal)
}

public struct DataRequestStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    /// Registers a request and queues the acknowledgement `mail(reference, deadline)` with it.
    public func create(_ r: NewDataRequest, now: Date, calendar: Calendar,
                       mail: @escaping @Sendable (String, DataRequestDeadline) -> OutboxMessage) async throws -> DataRequest {
        let id = UUID()
        // Short enough to say on the phone; the unique key catches the rare repeat.
        let reference = "RODO-" + String(id.uuidString.replacingOccurrences(of: "-", with: "").prefix(8))
        try await db.transaction { tx in
            try await (tx as! any SQLDatabase).insert(into: "privacy_requests")
                .columns("id", "reference", "kind", "channel", "status", "name", "email", "language", "office_id", "text", "received_at", "extended_by",
                         "received_by")
                .values(SQLBind(id), SQLBind(reference), SQLBind(r.kind.rawValue), SQLBind(r.channel.rawValue), SQLBind(DataRequestStatus.received.rawValue),
                        SQLBind(r.name), SQLBind(r.email), SQLBind(r.language), SQLBind(r.officeID), SQLBind(r.text), SQLBind(now), SQLBind(0),
                        SQLBind(r.receivedBy)).run()
            try await Outbox(db: tx).enqueue(mail(reference, DataRequestDeadline(receivedAt: now, calendar: calendar)))
        }
        guard let made = try await find(id) else { throw DataRequestStoreError.notFound }
        return made
    }

    public func find(_ id: UUID) async throws -> DataRequest? {
        try await (db as! any SQLDatabase).select().column("*").from("privacy_requests").where("id", .equal, SQLBind(id)).first().map(Self.request)
    }

    /// The requests of these offices (nil: all; national ones go to national staff only):
    /// every open one, by deadline, then the `answeredLimit` answered last.
    public func list(offices: Set<String>?, calendar: Calendar, answeredLimit: Int = 200) async throws -> [DataRequest] {
        let sql = db as! any SQLDatabase
        if let offices, offices.isEmpty { return [] }
        func query(_ status: DataRequestStatus) -> SQLSelectBuilder {
            var q = sql.select().column("*").from("privacy_requests").where("status", .equal, SQLBind(status.rawValue))
            if let offices { q = q.where("office_id", .in, SQLBind.group(Array(offices))) }
            return q
        }
        // Open ones are never cut off: the oldest are the most urgent.
        let open = try await query(.received).orderBy("received_at").all().map(Self.request)
            .sorted { $0.deadline(calendar).due < $1.deadline(calendar).due }
        let answered = try await query(.answered).orderBy("answered_at", .descending).limit(answeredLimit).all().map(Self.request)
        return open + answered
    }

    /// Sends the answer (`mail`) and closes the request, together.
    public func answer(_ id: UUID, text: String, by staff: UUID, now: Date, mail: OutboxMessage) async throws {
        try await db.transaction { tx in
            let rows = try await (tx as! any SQLDatabase).update("privacy_requests")
                .set("status", to: SQLBind(DataRequestStatus.answered.rawValue)).set("answer", to: SQLBind(text))
                .set("answered_at", to: SQLBind(now)).set("answered_by", to: SQLBind(staff))
                .where("id", .equal, SQLBind(id)).where("status", .equal, SQLBind(DataRequestStatus.received.rawValue)).returning("id").all()
            guard !rows.isEmpty else { throw DataRequestStoreError.alreadyAnswered }
            try await Outbox(db: tx).enqueue(mail, now: now)
        }
    }

    /// Records how the person's identity was checked, by whom, once.
    public func verifyIdentity(_ id: UUID, check: IdentityCheck, by staff: UUID, now: Date) async throws {
        try await (db as! any SQLDatabase).update("privacy_requests").set("identity_check", to: SQLBind(check.rawValue))
            .set("identity_verified_at", to: SQLBind(now)).set("identity_verified_by", to: SQLBind(staff))
            .where("id", .equal, SQLBind(id)).where("identity_check", .is, SQLLiteral.null).run()
    }

    /// Extends the deadline with its reason and queues the notice to the person, together.
    public func extend(_ id: UUID, months: Int, reason: String, now: Date, calendar: Calendar,
                       notice: @escaping @Sendable (DataRequestDeadline) -> OutboxMessage) async throws -> DataRequestDeadline {
        try await db.transaction { tx in
            guard let r = try await DataRequestStore(db: tx).find(id) else { throw DataRequestStoreError.notFound }
            guard r.status == .received else { throw DataRequestStoreError.alreadyAnswered }
            let extended: DataRequestDeadline
            do { extended = try r.deadline(calendar).extended(by: months, reason: reason, now: now) } catch let refusal as DataRequestDeadline.Refusal {
                throw DataRequestStoreError.refused(refusal)
            }
            try await (tx as! any SQLDatabase).update("privacy_requests").set("extended_by", to: SQLBind(months))
                .set("extension_reason", to: SQLBind(reason)).set("extended_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(id)).where("extended_by", .equal, SQLBind(0)).run()
            try await Outbox(db: tx).enqueue(notice(extended), now: now)
            return extended
        }
    }

    static func request(_ row: any SQLRow) throws -> DataRequest {
        func text(_ c: String) throws -> String? { try row.decodeNil(column: c) ? nil : try row.decode(column: c, as: String.self) }
        var r = DataRequest(id: try row.decode(column: "id", as: UUID.self), reference: try row.decode(column: "reference", as: String.self),
                           kind: DataRequestKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .complaint,
                           channel: DataRequestChannel(rawValue: try row.decode(column: "channel", as: String.self)) ?? .web,
                           status: DataRequestStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .received,
                           name: try row.decode(column: "name", as: String.self), email: try row.decode(column: "email", as: String.self),
                           language: try row.decode(column: "language", as: String.self), officeID: try text("office_id"),
                           text: try row.decode(column: "text", as: String.self), receivedAt: try row.decode(column: "received_at", as: Date.self),
                           extendedBy: try row.decode(column: "extended_by", as: Int.self), extensionReason: try text("extension_reason"),
                           answer: try text("answer"),
                           answeredAt: try row.decodeNil(column: "answered_at") ? nil : try row.decode(column: "answered_at", as: Date.self))
        r.identityCheck = try text("identity_check").flatMap(IdentityCheck.init(rawValue:))
        r.identityVerifiedAt = try row.decodeNil(column: "identity_verified_at") ? nil : try row.decode(column: "identity_verified_at", as: Date.self)
        return r
    }
}
