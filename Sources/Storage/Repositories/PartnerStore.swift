import Fluent
import SQLKit
import Foundation
import Content
import Privacy

/// The partner institutions of the "they work with us" page.
public struct PartnerStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    var sql: any SQLDatabase { db as! any SQLDatabase }

    public func all() async throws -> [Partner] {
        try await sql.raw("""
            SELECT p.*, i.format AS logo_format, i.width AS logo_width, i.height AS logo_height \
            FROM partners p LEFT JOIN content_images i ON i.id = p.logo_id ORDER BY p.position, p.name
            """).all().map(Self.partner)
    }

    public func find(_ id: UUID) async throws -> Partner? { try await all().first { $0.id == id } }

    /// Adds (`id` nil) or changes a partner, with its logo, in one transaction with its audit entry.
    @discardableResult
    public func save(_ id: UUID?, _ d: PartnerDraft, logo: ImageChange, by: UUID, audit: AuditEntry, address: String?, now: Date = Date()) async throws -> UUID {
        try await db.transaction { tx in
            let store = PartnerStore(db: tx)
            var current: Partner? = nil
            if let id { current = try await store.find(id) }
            if id != nil && current == nil { throw NewsStoreError.notFound }
            var logoID = current?.logo?.id
            switch logo {
            case .keep: break
            case .remove: logoID = nil
            case .replace(let prepared): logoID = try await ContentImageStore(db: tx).insert(prepared, now: now).id
            }
            let partnerID = id ?? UUID()
            if current == nil {
                try await store.sql.insert(into: "partners").columns("id", "name", "url", "description", "position", "logo_id", "updated_by", "updated_at")
                    .values(SQLBind(partnerID), SQLBind(d.name), SQLBind(d.url), SQLBind(d.description), SQLBind(d.position), SQLBind(logoID),
                            SQLBind(by), SQLBind(now)).run()
            } else {
                try await store.sql.update("partners").set("name", to: SQLBind(d.name)).set("url", to: SQLBind(d.url))
                    .set("description", to: SQLBind(d.description)).set("position", to: SQLBind(d.position)).set("logo_id", to: SQLBind(logoID))
                    .set("updated_by", to: SQLBind(by)).set("updated_at", to: SQLBind(now)).where("id", .equal, SQLBind(partnerID)).run()
            }
            if let old = current?.logo?.id, old != logoID { try await ContentImageStore(db: tx).deleteIfUnused(old) }
            try await AuditLog(db: tx, address: address).append(AuditEntry(at: audit.at, actorID: audit.actorID, actorOfficeID: audit.actorOfficeID,
                clientID: nil, action: audit.action, detail: "partner " + partnerID.uuidString.lowercased() + " " + d.name, reason: audit.reason))
            return partnerID
        }
    }

    public func delete(_ id: UUID, audit: AuditEntry, address: String?) async throws {
        try await db.transaction { tx in
            let store = PartnerStore(db: tx)
            guard let p = try await store.find(id) else { throw NewsStoreError.notFound }
            try await store.sql.delete(from: "partners").where("id", .equal, SQLBind(id)).run()
            if let logo = p.logo?.id { try await ContentImageStore(db: tx).deleteIfUnused(logo) }
            try await AuditLog(db: tx, address: address).append(AuditEntry(at: audit.at, actorID: audit.actorID, actorOfficeID: audit.actorOfficeID,
                clientID: nil, action: audit.action, detail: "partner " + id.uuidString.lowercased() + " " + p.draft.name, reason: audit.reason))
        }
    }

    static func partner(_ row: any SQLRow) throws -> Partner {
        var logo: ContentImage.Info? = nil
        if !(try row.decodeNil(column: "logo_id")), !(try row.decodeNil(column: "logo_format")),
           let format = ContentImage.Format(rawValue: try row.decode(column: "logo_format", as: String.self)) {
            logo = ContentImage.Info(id: try row.decode(column: "logo_id", as: UUID.self), format: format,
                                     width: try row.decode(column: "logo_width", as: Int.self), height: try row.decode(column: "logo_height", as: Int.self))
        }
        return Partner(id: try row.decode(column: "id", as: UUID.self),
                       draft: PartnerDraft(name: try row.decode(column: "name", as: String.self), url: try row.decode(column: "url", as: String.self),
                                           description: try row.decode(column: "description", as: String.self),
                                           position: try row.decode(column: "position", as: Int.self)),
                       logo: logo)
    }
}

/// The deployment's look: one row.
public struct ThemeStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    static let rowID = "site"
    var sql: any SQLDatabase { db as! any SQLDatabase }

    public func load() async throws -> (theme: SiteTheme, logo: ContentImage.Info?, updatedAt: Date?) {
        guard let row = try await sql.select().column("*").from("site_theme").where("id", .equal, SQLBind(Self.rowID)).first() else {
            return (.standard, nil, nil)
        }
        let theme = (try? JSONDecoder().decode(SiteTheme.self, from: Data(try row.decode(column: "content", as: String.self).utf8))) ?? .standard
        let logo = try row.decodeNil(column: "logo_id") ? nil : try await ContentImageStore(db: db).info(try row.decode(column: "logo_id", as: UUID.self))
        return (theme, logo, try row.decode(column: "updated_at", as: Date.self))
    }

    /// Saves a theme that passed `SiteTheme.problems()`, with its logo change and audit entry.
    public func save(_ theme: SiteTheme, logo: ImageChange, by: UUID, audit: AuditEntry, address: String?, now: Date = Date()) async throws {
        try await db.transaction { tx in
            let store = ThemeStore(db: tx)
            let current = try await store.load()
            var logoID = current.logo?.id
            switch logo {
            case .keep: break
            case .remove: logoID = nil
            case .replace(let prepared): logoID = try await ContentImageStore(db: tx).insert(prepared, now: now).id
            }
            var theme = theme
            theme.hasLogo = logoID != nil
            let content = String(decoding: try JSONEncoder().encode(theme), as: UTF8.self)
            try await store.sql.delete(from: "site_theme").where("id", .equal, SQLBind(Self.rowID)).run()
            try await store.sql.insert(into: "site_theme").columns("id", "content", "logo_id", "updated_by", "updated_at")
                .values(SQLBind(Self.rowID), SQLBind(content), SQLBind(logoID), SQLBind(by), SQLBind(now)).run()
            if let old = current.logo?.id, old != logoID { try await ContentImageStore(db: tx).deleteIfUnused(old) }
            try await AuditLog(db: tx, address: address).append(AuditEntry(at: audit.at, actorID: audit.actorID, actorOfficeID: audit.actorOfficeID,
                clientID: nil, action: audit.action, detail: "theme " + content, reason: audit.reason))
        }
    }
}
