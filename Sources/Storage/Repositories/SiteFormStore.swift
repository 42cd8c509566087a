import Fluent
import SQLKit
import Foundation
import Content
import Privacy

public struct SiteForm: Sendable, Equatable {
    public let id: UUID
    public let draft: SiteFormDraft
    public let updatedAt: Date
}

public struct SiteFormAnswer: Sendable, Equatable {
    public let id: UUID
    /// One value per field of the form as it was when the answer came.
    public let values: [String]
    public let submittedAt: Date
}

public enum SiteFormStoreError: Error, Equatable {
    case notFound
    /// Questions cannot be added, removed or changed in kind once answers came (the columns would shift).
    case fieldsFixed
}

/// Editor-built forms and their answers (see M058); every change to a form audited.
public struct SiteFormStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    var sql: any SQLDatabase { db as! any SQLDatabase }

    @discardableResult
    /// Adds (`id` nil; the new form gets `newID`) or changes a form, audited.
    public func save(_ id: UUID?, _ d: SiteFormDraft, by: UUID, audit: AuditEntry, address: String?, newID: UUID = UUID(), now: Date = Date()) async throws -> UUID {
        let content = String(decoding: try JSONEncoder().encode(d), as: UTF8.self)
        return try await db.transaction { tx in
            let store = SiteFormStore(db: tx)
            let formID = id ?? newID
            if let id {
                guard let current = try await store.find(id) else { throw SiteFormStoreError.notFound }
                if current.draft.fields.map(\.kind) != d.fields.map(\.kind), try await store.count(id) > 0 { throw SiteFormStoreError.fieldsFixed }
                try await store.sql.update("site_forms").set("section", to: SQLBind(d.section.key)).set("content", to: SQLBind(content))
                    .set("updated_by", to: SQLBind(by)).set("updated_at", to: SQLBind(now)).where("id", .equal, SQLBind(id)).run()
            } else {
                try await store.sql.insert(into: "site_forms").columns("id", "section", "content", "updated_by", "updated_at")
                    .values(SQLBind(formID), SQLBind(d.section.key), SQLBind(content), SQLBind(by), SQLBind(now)).run()
            }
            try await AuditLog(db: tx, address: address).append(AuditEntry(at: audit.at, actorID: audit.actorID, actorOfficeID: audit.actorOfficeID,
                clientID: nil, action: audit.action, detail: "form " + formID.uuidString.lowercased() + " " + content, reason: audit.reason))
            return formID
        }
    }

    public func delete(_ id: UUID, audit: AuditEntry, address: String?) async throws {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            guard try await SiteFormStore(db: tx).find(id) != nil else { throw SiteFormStoreError.notFound }
            try await sql.delete(from: "site_form_answers").where("form_id", .equal, SQLBind(id)).run()
            try await sql.delete(from: "site_forms").where("id", .equal, SQLBind(id)).run()
            try await AuditLog(db: tx, address: address).append(AuditEntry(at: audit.at, actorID: audit.actorID, actorOfficeID: audit.actorOfficeID,
                clientID: nil, action: audit.action, detail: "form " + id.uuidString.lowercased(), reason: audit.reason))
        }
    }

    public func find(_ id: UUID) async throws -> SiteForm? {
        try await sql.select().column("*").from("site_forms").where("id", .equal, SQLBind(id)).first().flatMap(Self.form)
    }

    public func list(sections: [ContentSection], limit: Int = 200) async throws -> [SiteForm] {
        guard !sections.isEmpty else { return [] }
        return try await sql.select().column("*").from("site_forms").where("section", .in, SQLBind.group(sections.map(\.key)))
            .orderBy("updated_at", .descending).limit(limit).all().compactMap(Self.form)
    }

    /// Keeps one answer until its form's retention ends.
    public func answer(_ form: SiteForm, values: [String], now: Date = Date()) async throws {
        let json = String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
        try await sql.insert(into: "site_form_answers").columns("id", "form_id", "answers", "submitted_at", "delete_after")
            .values(SQLBind(UUID()), SQLBind(form.id), SQLBind(json), SQLBind(now),
                    SQLBind(now.addingTimeInterval(Double(form.draft.retentionDays) * 86_400))).run()
    }

    public func count(_ form: UUID) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("site_form_answers")
            .where("form_id", .equal, SQLBind(form)).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The answers kept, oldest first.
    public func answers(_ form: UUID, limit: Int = 100_000) async throws -> [SiteFormAnswer] {
        try await sql.select().columns("id", "answers", "submitted_at").from("site_form_answers").where("form_id", .equal, SQLBind(form))
            .orderBy("submitted_at").limit(limit).all().map { row in
                SiteFormAnswer(id: try row.decode(column: "id", as: UUID.self),
                               values: (try? JSONDecoder().decode([String].self, from: Data(try row.decode(column: "answers", as: String.self).utf8))) ?? [],
                               submittedAt: try row.decode(column: "submitted_at", as: Date.self))
            }
    }

    static func form(_ row: any SQLRow) throws -> SiteForm? {
        guard let draft = try? JSONDecoder().decode(SiteFormDraft.self, from: Data(try row.decode(column: "content", as: String.self).utf8)) else { return nil }
        return SiteForm(id: try row.decode(column: "id", as: UUID.self), draft: draft, updatedAt: try row.decode(column: "updated_at", as: Date.self))
    }
}
