import Foundation
import Fluent
import SQLKit
import Portal

public enum CVFactoryStoreError: Error, Equatable, Sendable {
    case notFound
    /// The step is not possible in the request's status (someone else was quicker, or it is done).
    case notAllowed(CVFactoryStatus)
}

/// A file of a request: what to work from (`source`) or a visitor's result (`result`).
public enum CVFactoryFileRole: String, Sendable { case source, result }

/// Fabryka CV's requests and their files.
public struct CVFactoryStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }
    var sql: any SQLDatabase { db as! any SQLDatabase }

    static let columns = ["id", "kind", "target_language", "account_id", "email", "name", "language", "note", "source_cv_id", "status",
                          "assigned_to", "due_at", "created_at", "updated_at", "finished_at", "result", "return_reason", "accepted_cv_id"]

    /// A new request with its file, in one transaction.
    public func create(_ r: CVFactoryRequest, file: (name: String, data: Data)?) async throws {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            try await sql.insert(into: "cv_factory_requests")
                .columns(Self.columns)
                .values([SQLBind(r.id), SQLBind(r.kind.rawValue), SQLBind(r.targetLanguage), SQLBind(r.accountID), SQLBind(r.email), SQLBind(r.name),
                         SQLBind(r.language), SQLBind(r.note), SQLBind(r.sourceCV), SQLBind(r.status.rawValue), SQLBind(r.assignedTo), SQLBind(r.dueAt),
                         SQLBind(r.createdAt), SQLBind(r.updatedAt), SQLBind(r.finishedAt), SQLBind(try r.result.map(CVStore.json)),
                         SQLBind(r.returnReason), SQLBind(r.acceptedCV)])
                .run()
            if let file { try await CVFactoryStore(db: tx).putFile(r.id, .source, name: file.name, data: file.data, now: r.createdAt) }
        }
    }

    func putFile(_ id: UUID, _ role: CVFactoryFileRole, name: String, data: Data, now: Date) async throws {
        try await sql.delete(from: "cv_factory_files").where("request_id", .equal, SQLBind(id)).where("role", .equal, SQLBind(role.rawValue)).run()
        try await sql.insert(into: "cv_factory_files").columns("request_id", "role", "file_name", "size", "data", "uploaded_at")
            .values(SQLBind(id), SQLBind(role.rawValue), SQLBind(name), SQLBind(data.count), SQLBind(data), SQLBind(now)).run()
    }

    public func file(_ id: UUID, _ role: CVFactoryFileRole) async throws -> (name: String, data: Data)? {
        try await sql.select().columns("file_name", "data").from("cv_factory_files")
            .where("request_id", .equal, SQLBind(id)).where("role", .equal, SQLBind(role.rawValue)).first()
            .map { (try $0.decode(column: "file_name", as: String.self), try $0.decode(column: "data", as: Data.self)) }
    }

    func select() -> SQLSelectBuilder {
        sql.select().columns(Self.columns.map { SQLColumn($0, table: "r") })
            .column(SQLRaw("(SELECT COUNT(*) FROM cv_factory_files f WHERE f.request_id = r.id AND f.role = 'source')"), as: "source_files")
            .column(SQLRaw("(SELECT COUNT(*) FROM cv_factory_files f WHERE f.request_id = r.id AND f.role = 'result')"), as: "result_files")
            .from(SQLAlias(SQLIdentifier("cv_factory_requests"), as: SQLIdentifier("r")))
    }

    static func request(_ row: any SQLRow) throws -> CVFactoryRequest {
        let result = try row.decode(column: "result", as: String?.self).map { try JSONDecoder().decode(CVDraft.self, from: Data($0.utf8)) }
        return CVFactoryRequest(
            id: try row.decode(column: "id", as: UUID.self), kind: CVFactoryKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .improve,
            targetLanguage: try row.decode(column: "target_language", as: String.self), accountID: try row.decode(column: "account_id", as: UUID?.self),
            email: try row.decode(column: "email", as: String.self), name: try row.decode(column: "name", as: String?.self),
            language: try row.decode(column: "language", as: String.self), note: try row.decode(column: "note", as: String.self),
            sourceCV: try row.decode(column: "source_cv_id", as: UUID?.self), hasSourceFile: try row.decode(column: "source_files", as: Int.self) > 0,
            status: CVFactoryStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .received,
            assignedTo: try row.decode(column: "assigned_to", as: UUID?.self), dueAt: try row.decode(column: "due_at", as: Date.self),
            createdAt: try row.decode(column: "created_at", as: Date.self), updatedAt: try row.decode(column: "updated_at", as: Date.self),
            finishedAt: try row.decode(column: "finished_at", as: Date?.self), result: result,
            hasResultFile: try row.decode(column: "result_files", as: Int.self) > 0, returnReason: try row.decode(column: "return_reason", as: String?.self),
            acceptedCV: try row.decode(column: "accepted_cv_id", as: UUID?.self))
    }

    public func find(_ id: UUID) async throws -> CVFactoryRequest? {
        try await select().where(SQLColumn("id", table: "r"), .equal, SQLBind(id)).first().map(Self.request)
    }

    public func list(account: UUID) async throws -> [CVFactoryRequest] {
        try await select().where(SQLColumn("account_id", table: "r"), .equal, SQLBind(account))
            .orderBy(SQLOrderBy(expression: SQLColumn("created_at", table: "r"), direction: SQLDirection.descending)).all().map(Self.request)
    }

    /// The work list: open and delivered requests, the soonest due first; `assignedTo`: one
    /// member's; `unassigned`: nobody's yet.
    public func queue(assignedTo: UUID? = nil, unassigned: Bool = false, limit: Int = 200) async throws -> [CVFactoryRequest] {
        var q = select().where(SQLColumn("status", table: "r"), .in, SQLBind.group([CVFactoryStatus.received, .inProgress, .delivered].map(\.rawValue)))
        if let assignedTo { q = q.where(SQLColumn("assigned_to", table: "r"), .equal, SQLBind(assignedTo)) }
        if unassigned { q = q.where(SQLColumn("assigned_to", table: "r"), .is, SQLLiteral.null) }
        return try await q.orderBy(SQLOrderBy(expression: SQLColumn("due_at", table: "r"), direction: SQLDirection.ascending))
            .orderBy(SQLOrderBy(expression: SQLColumn("id", table: "r"), direction: SQLDirection.ascending)).limit(limit).all().map(Self.request)
    }

    /// One step of a request in a transaction that reads it again first, so two people acting
    /// at once cannot both succeed where only one may (`change` also sets the step's fields).
    @discardableResult
    public func step(_ id: UUID, _ step: CVFactoryStatus.Step, now: Date, change: @escaping @Sendable (inout CVFactoryRequest) -> Void = { _ in },
                     file: (name: String, data: Data)? = nil,
                     within: @escaping @Sendable (any Database, CVFactoryRequest) async throws -> Void = { _, _ in }) async throws -> CVFactoryRequest {
        try await db.transaction { tx in
            let store = CVFactoryStore(db: tx)
            if SearchIndex.dialect(tx) == .postgres {
                try await (tx as! any SQLDatabase).raw("SELECT id FROM cv_factory_requests WHERE id = \(bind: id) FOR UPDATE").run()
            }
            guard var r = try await store.find(id) else { throw CVFactoryStoreError.notFound }
            guard let next = r.status.after(step) else { throw CVFactoryStoreError.notAllowed(r.status) }
            r.status = next
            r.updatedAt = now
            if next.isFinished { r.finishedAt = now }
            change(&r)
            if let file { try await store.putFile(id, .result, name: file.name, data: file.data, now: now); r.hasResultFile = true }
            try await within(tx, r)
            try await (tx as! any SQLDatabase).update("cv_factory_requests")
                .set("status", to: SQLBind(r.status.rawValue)).set("assigned_to", to: SQLBind(r.assignedTo)).set("due_at", to: SQLBind(r.dueAt))
                .set("updated_at", to: SQLBind(r.updatedAt)).set("finished_at", to: SQLBind(r.finishedAt))
                .set("result", to: SQLBind(try r.result.map(CVStore.json))).set("return_reason", to: SQLBind(r.returnReason))
                .set("accepted_cv_id", to: SQLBind(r.acceptedCV))
                .where("id", .equal, SQLBind(id)).run()
            return r
        }
    }

    /// Assigns an open request to a staff member (a supervisor hands it over) without changing its status.
    public func assign(_ id: UUID, to staff: UUID?, now: Date) async throws {
        let n = try await sql.update("cv_factory_requests").set("assigned_to", to: SQLBind(staff)).set("updated_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(id))
            .where("status", .in, SQLBind.group([CVFactoryStatus.received, .inProgress, .delivered].map(\.rawValue)))
            .returning("id").all().count
        guard n == 1 else { throw CVFactoryStoreError.notFound }
    }
}
