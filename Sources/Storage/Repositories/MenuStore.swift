import Fluent
import SQLKit
import Foundation
import Content
import Privacy

/// Each section's menu as one saved list (checked as a tree before it is saved), every saved
/// menu kept; the home page's blocks; the offices' own confirmations of their details.
public struct MenuStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    var sql: any SQLDatabase { db as! any SQLDatabase }

    public func items(_ section: ContentSection) async throws -> (items: [MenuItem], version: Int) {
        guard let row = try await sql.select().columns("items", "version").from("menus").where("section", .equal, SQLBind(section.key)).first() else {
            return ([], 0)
        }
        return (try JSONDecoder().decode([MenuItem].self, from: Data(try row.decode(column: "items", as: String.self).utf8)),
                try row.decode(column: "version", as: Int.self))
    }

    /// Every section's menu (for the page cache).
    public func all() async throws -> [ContentSection: [MenuItem]] {
        var out: [ContentSection: [MenuItem]] = [:]
        for row in try await sql.select().columns("section", "items").from("menus").all() {
            guard let section = ContentSection(key: try row.decode(column: "section", as: String.self)) else { continue }
            out[section] = try JSONDecoder().decode([MenuItem].self, from: Data(try row.decode(column: "items", as: String.self).utf8))
        }
        return out
    }

    /// Saves a section's menu if nobody saved it since `expectedVersion`; the caller checked it
    /// with `MenuTree` (a loop is never stored).
    public func save(_ section: ContentSection, _ items: [MenuItem], expectedVersion: Int, by: UUID, audit: AuditEntry, address: String?,
                     now: Date = Date()) async throws {
        _ = try MenuTree(items)
        let json = String(decoding: try JSONEncoder().encode(items), as: UTF8.self)
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            let current = try await MenuStore(db: tx).items(section).version
            guard current == expectedVersion else { throw PageStoreError.changedMeanwhile(version: current, by: by, at: now) }
            let next = current + 1
            try await sql.delete(from: "menus").where("section", .equal, SQLBind(section.key)).run()
            try await sql.insert(into: "menus").columns("section", "version", "items", "updated_by", "updated_at")
                .values(SQLBind(section.key), SQLBind(next), SQLBind(json), SQLBind(by), SQLBind(now)).run()
            try await sql.insert(into: "menu_versions").columns("id", "section", "version", "items", "changed_by", "changed_at")
                .values(SQLBind(UUID()), SQLBind(section.key), SQLBind(next), SQLBind(json), SQLBind(by), SQLBind(now)).run()
            try await AuditLog(db: tx, address: address).append(AuditEntry(at: audit.at, actorID: audit.actorID, actorOfficeID: audit.actorOfficeID,
                clientID: nil, action: audit.action, detail: "menu \(section.key) v\(next)", reason: audit.reason))
        }
    }

    public func versionCount(_ section: ContentSection) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("menu_versions")
            .where("section", .equal, SQLBind(section.key)).first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
    }

    // MARK: home page

    public func homeBlocks() async throws -> [String]? {
        try await sql.select().column("blocks").from("home_layout").where("id", .equal, SQLBind("home")).first()
            .map { try JSONDecoder().decode([String].self, from: Data(try $0.decode(column: "blocks", as: String.self).utf8)) }
    }

    public func saveHomeBlocks(_ blocks: [String], by: UUID, audit: AuditEntry, address: String?, now: Date = Date()) async throws {
        let json = String(decoding: try JSONEncoder().encode(blocks), as: UTF8.self)
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            try await sql.delete(from: "home_layout").where("id", .equal, SQLBind("home")).run()
            try await sql.insert(into: "home_layout").columns("id", "blocks", "updated_by", "updated_at")
                .values(SQLBind("home"), SQLBind(json), SQLBind(by), SQLBind(now)).run()
            try await AuditLog(db: tx, address: address).append(AuditEntry(at: audit.at, actorID: audit.actorID, actorOfficeID: audit.actorOfficeID,
                clientID: nil, action: audit.action, detail: "home " + json, reason: audit.reason))
        }
    }

    // MARK: offices' own details

    /// The latest confirmation of each office that made one.
    public func officeDetails() async throws -> [String: (details: OfficeDetails, at: Date)] {
        var out: [String: (details: OfficeDetails, at: Date)] = [:]
        for row in try await sql.select().columns("office_id", "content", "confirmed_at").from("office_details").orderBy("confirmed_at").all() {
            let details = try JSONDecoder().decode(OfficeDetails.self, from: Data(try row.decode(column: "content", as: String.self).utf8))
            out[try row.decode(column: "office_id", as: String.self)] = (details, try row.decode(column: "confirmed_at", as: Date.self))
        }
        return out
    }

    public func confirm(office: String, _ details: OfficeDetails, by: UUID, audit: AuditEntry, address: String?, now: Date = Date()) async throws {
        let json = String(decoding: try JSONEncoder().encode(details), as: UTF8.self)
        try await db.transaction { tx in
            try await (tx as! any SQLDatabase).insert(into: "office_details").columns("id", "office_id", "content", "confirmed_by", "confirmed_at")
                .values(SQLBind(UUID()), SQLBind(office), SQLBind(json), SQLBind(by), SQLBind(now)).run()
            try await AuditLog(db: tx, address: address).append(AuditEntry(at: audit.at, actorID: audit.actorID, actorOfficeID: audit.actorOfficeID,
                clientID: nil, action: audit.action, detail: "office \(office) " + json, reason: audit.reason))
        }
    }
}
