import Fluent
import SQLKit
import Foundation

/// A copy of a person's data being built or ready for download.
public struct PrivacyExport: Sendable, Equatable {
    public enum Status: String, Sendable { case queued, building, ready }
    public let id: UUID
    public let accountID: UUID
    public let status: Status
    public let language: String
    public let requestedAt: Date
    public let expiresAt: Date?
    public let size: Int?

    public func expired(now: Date) -> Bool { expiresAt.map { now >= $0 } ?? false }
}

public enum PrivacyExportError: Error, Equatable {
    /// One copy is built at a time.
    case alreadyBuilding
    case notFound
    case expired
    case notReady
}

/// The jobs of copies: asked for (one at a time per person), claimed by one process at a time
/// (a claim lapses after ten minutes, so a crashed build is taken up again), kept a week once ready.
public struct PrivacyExportStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    public static let validity: TimeInterval = 7 * 86_400
    static let claim: TimeInterval = 600

    var sql: any SQLDatabase { db as! any SQLDatabase }

    public func request(account: UUID, language: String, now: Date = Date()) async throws -> UUID {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            let running = try await sql.select().column("id").from("privacy_exports").where("account_id", .equal, SQLBind(account))
                .where("status", .in, SQLBind.group([PrivacyExport.Status.queued.rawValue, PrivacyExport.Status.building.rawValue])).first()
            guard running == nil else { throw PrivacyExportError.alreadyBuilding }
            let id = UUID()
            try await sql.insert(into: "privacy_exports").columns("id", "account_id", "status", "language", "requested_at")
                .values(SQLBind(id), SQLBind(account), SQLBind(PrivacyExport.Status.queued.rawValue), SQLBind(language), SQLBind(now)).run()
            return id
        }
    }

    /// Takes the oldest waiting job (or one whose builder stopped) for this process.
    public func claimNext(now: Date = Date()) async throws -> PrivacyExport? {
        let waiting: SQLQueryString = "(status = 'queued' OR (status = 'building' AND claimed_until < \(bind: now)))"
        let row = try await sql.raw("""
            UPDATE privacy_exports SET status = 'building', claimed_until = \(bind: now.addingTimeInterval(Self.claim))
            WHERE id = (SELECT id FROM privacy_exports WHERE \(waiting) ORDER BY requested_at LIMIT 1) AND \(waiting)
            RETURNING id
            """).first()
        guard let row else { return nil }
        return try await find(try row.decode(column: "id", as: UUID.self))
    }

    public func finish(_ id: UUID, zip: Data, now: Date = Date()) async throws {
        try await sql.update("privacy_exports").set("status", to: SQLBind(PrivacyExport.Status.ready.rawValue)).set("data", to: SQLBind(zip))
            .set("size", to: SQLBind(zip.count)).set("ready_at", to: SQLBind(now)).set("expires_at", to: SQLBind(now.addingTimeInterval(Self.validity)))
            .set("claimed_until", to: SQLLiteral.null).where("id", .equal, SQLBind(id)).run()
    }

    public func find(_ id: UUID) async throws -> PrivacyExport? {
        try await sql.select().columns("id", "account_id", "status", "language", "requested_at", "expires_at", "size").from("privacy_exports")
            .where("id", .equal, SQLBind(id)).first().map(Self.export)
    }

    /// The account's last job.
    public func latest(account: UUID) async throws -> PrivacyExport? {
        try await sql.select().columns("id", "account_id", "status", "language", "requested_at", "expires_at", "size").from("privacy_exports")
            .where("account_id", .equal, SQLBind(account)).orderBy("requested_at", .descending).limit(1).first().map(Self.export)
    }

    /// The ZIP of a ready job of this account; another account's job does not exist for it.
    public func download(_ id: UUID, account: UUID, now: Date = Date()) async throws -> Data {
        guard let job = try await find(id), job.accountID == account else { throw PrivacyExportError.notFound }
        guard job.status == .ready else { throw PrivacyExportError.notReady }
        guard !job.expired(now: now) else { throw PrivacyExportError.expired }
        guard let row = try await sql.select().column("data").from("privacy_exports").where("id", .equal, SQLBind(id)).first() else {
            throw PrivacyExportError.notFound
        }
        return try row.decode(column: "data", as: Data.self)
    }

    static func export(_ r: any SQLRow) throws -> PrivacyExport {
        PrivacyExport(id: try r.decode(column: "id", as: UUID.self), accountID: try r.decode(column: "account_id", as: UUID.self),
                      status: PrivacyExport.Status(rawValue: try r.decode(column: "status", as: String.self)) ?? .queued,
                      language: try r.decode(column: "language", as: String.self), requestedAt: try r.decode(column: "requested_at", as: Date.self),
                      expiresAt: try r.decode(column: "expires_at", as: Date?.self), size: try r.decode(column: "size", as: Int?.self))
    }
}
