import Fluent
import SQLKit
import Foundation
import Privacy

/// The consent ledger of accounts and newsletter subscribers, and the objections to profiling.
public struct ConsentLedger: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    public enum Subject: Sendable, Equatable {
        case account(UUID)
        case subscriber(UUID)
        var column: String { if case .account = self { "account_id" } else { "subscriber_id" } }
        var id: UUID { switch self { case .account(let id), .subscriber(let id): id } }
    }

    /// Records a consent. One already active of the same kind stays (the first one given
    /// counts); a new version of its text is recorded as a consent of its own.
    @discardableResult
    public func record(_ consent: ConsentGiven, for subject: Subject, now: Date) async throws -> UUID {
        let sql = db as! any SQLDatabase
        if let same = try await sql.select().column("id").from("consents").where(SQLIdentifier(subject.column), .equal, SQLBind(subject.id))
            .where("kind", .equal, SQLBind(consent.kind.rawValue)).where("version", .equal, SQLBind(consent.version))
            .where("withdrawn_at", .is, SQLLiteral.null).first() {
            return try same.decode(column: "id", as: UUID.self)
        }
        let id = UUID()
        try await sql.insert(into: "consents").columns("id", subject.column, "kind", "version", "given_at", "channel")
            .values(SQLBind(id), SQLBind(subject.id), SQLBind(consent.kind.rawValue), SQLBind(consent.version), SQLBind(now),
                    SQLBind(consent.channel.rawValue)).run()
        return id
    }

    /// Withdraws every active consent of the kind; false when there was none.
    @discardableResult
    public func withdraw(_ kind: ConsentKind, for subject: Subject, channel: ConsentChannel, now: Date) async throws -> Bool {
        let rows = try await (db as! any SQLDatabase).update("consents")
            .set("withdrawn_at", to: SQLBind(now)).set("withdrawn_channel", to: SQLBind(channel.rawValue))
            .where(SQLIdentifier(subject.column), .equal, SQLBind(subject.id)).where("kind", .equal, SQLBind(kind.rawValue))
            .where("withdrawn_at", .is, SQLLiteral.null).returning("id").all()
        return !rows.isEmpty
    }

    /// Every consent of the subject, the newest first.
    public func list(_ subject: Subject) async throws -> [ConsentRecord] {
        try await (db as! any SQLDatabase).select().column("*").from("consents").where(SQLIdentifier(subject.column), .equal, SQLBind(subject.id))
            .orderBy("given_at", .descending).all().compactMap { row in
                guard let kind = ConsentKind(rawValue: try row.decode(column: "kind", as: String.self)),
                      let channel = ConsentChannel(rawValue: try row.decode(column: "channel", as: String.self)) else { return nil }
                let withdrawn = try row.decodeNil(column: "withdrawn_at") ? nil : try row.decode(column: "withdrawn_at", as: Date.self)
                let withdrawnChannel = try row.decodeNil(column: "withdrawn_channel") ? nil
                    : ConsentChannel(rawValue: try row.decode(column: "withdrawn_channel", as: String.self))
                return ConsentRecord(id: try row.decode(column: "id", as: UUID.self), kind: kind, version: try row.decode(column: "version", as: Int.self),
                                     givenAt: try row.decode(column: "given_at", as: Date.self), channel: channel,
                                     withdrawnAt: withdrawn, withdrawnChannel: withdrawnChannel)
            }
    }

    public func isGiven(_ kind: ConsentKind, by subject: Subject) async throws -> Bool {
        try await list(subject).contains { $0.kind == kind && $0.isActive }
    }

    // MARK: Objections to profiling (art. 21)

    /// When the account objected to the profiling case (nil: it has not, or lifted it).
    public func objection(_ profiling: ProfilingCase, account: UUID) async throws -> Date? {
        guard let column = Self.objectionColumn(profiling) else { return nil }
        let row = try await (db as! any SQLDatabase).select().column(column).from("accounts").where("id", .equal, SQLBind(account)).first()
        guard let row, !(try row.decodeNil(column: column)) else { return nil }
        return try row.decode(column: column, as: Date.self)
    }

    /// Objects to the profiling case (`at`), or lifts the objection (nil).
    public func setObjection(_ profiling: ProfilingCase, account: UUID, at: Date?) async throws {
        guard let column = Self.objectionColumn(profiling) else { return }
        try await (db as! any SQLDatabase).update("accounts").set(column, to: at.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
            .where("id", .equal, SQLBind(account)).run()
    }

    /// The profiling an account can object to; the postal code on the line is how a call is
    /// routed to the caller's office (a legal obligation) and has no objection of its own.
    public static func objectionColumn(_ profiling: ProfilingCase) -> String? {
        switch profiling {
        case .alerts: "objects_to_alerts_at"
        case .candidateMatching: "objects_to_matching_at"
        case .postalCodeLocation: nil
        }
    }
}
