import Fluent
import SQLKit
import Foundation
import Content
import Privacy

public enum PageStoreError: Error, Equatable {
    case notFound
    case changedMeanwhile(version: Int, by: UUID, at: Date)
    case sourceMissing
    case hasTranslations(Int)
    /// Another page of the section has this address in this language.
    case slugTaken
}

/// The pages of the portal's sections: a Polish source with its translations (same section and
/// address), each saved version, who may read it. Every change is one transaction with its
/// version and audit entry.
public struct PageStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    var sql: any SQLDatabase { db as! any SQLDatabase }
    static let encoder: JSONEncoder = { let e = JSONEncoder(); e.outputFormatting = .sortedKeys; return e }()

    public func create(_ d: PageDraft, section: ContentSection, status: NewsStatus, sourceID: UUID? = nil, by: UUID,
                       audit: AuditEntry, address: String?, now: Date = Date()) async throws -> UUID {
        try await db.transaction { tx in
            let store = PageStore(db: tx)
            var d = d, section = section, sourceVersion: Int? = nil
            if let sourceID {
                guard let source = try await store.find(sourceID), source.draft.language == "pl", source.sourceID == nil else { throw PageStoreError.sourceMissing }
                // A translation is the same page: its section, address and readers are the source's.
                section = source.section; d.slug = source.draft.slug; d.audience = source.draft.audience; sourceVersion = source.version
            }
            guard try await store.find(section: section, slug: d.slug, language: d.language) == nil else { throw PageStoreError.slugTaken }
            let id = UUID()
            try await store.sql.insert(into: "site_pages")
                .columns("id", "section", "slug", "language", "source_id", "source_version", "title", "body", "audience", "status", "version",
                         "updated_by", "updated_at")
                .values(SQLBind(id), SQLBind(section.key), SQLBind(d.slug), SQLBind(d.language), SQLBind(sourceID), SQLBind(sourceVersion),
                        SQLBind(d.title), SQLBind(d.body), SQLBind(d.audience.rawValue), SQLBind(status.rawValue), SQLBind(1), SQLBind(by), SQLBind(now)).run()
            try await Self.snapshot(id, version: 1, status: status, d, by: by, at: now, on: tx)
            try await AuditLog(db: tx, address: address).append(Self.naming(audit, id, d.slug))
            return id
        }
    }

    /// A new version if nobody saved one since `expectedVersion`; a Polish page's address and
    /// readers carry over to its translations.
    @discardableResult
    public func update(_ id: UUID, _ d: PageDraft, status: NewsStatus, expectedVersion: Int, by: UUID, audit: AuditEntry, address: String?,
                       now: Date = Date()) async throws -> Int {
        try await db.transaction { tx in
            let store = PageStore(db: tx)
            guard let current = try await store.find(id) else { throw PageStoreError.notFound }
            guard current.version == expectedVersion else {
                throw PageStoreError.changedMeanwhile(version: current.version, by: current.updatedBy, at: current.updatedAt)
            }
            var d = d, sourceVersion = current.sourceVersion
            d.language = current.draft.language
            if let sourceID = current.sourceID {
                guard let source = try await store.find(sourceID) else { throw PageStoreError.sourceMissing }
                d.slug = source.draft.slug; d.audience = source.draft.audience; sourceVersion = source.version
            }
            if d.slug != current.draft.slug, try await store.find(section: current.section, slug: d.slug, language: d.language) != nil {
                throw PageStoreError.slugTaken
            }
            let next = expectedVersion + 1
            let rows = try await store.sql.raw("""
                UPDATE site_pages SET slug = \(bind: d.slug), title = \(bind: d.title), body = \(bind: d.body), audience = \(bind: d.audience.rawValue), \
                status = \(bind: status.rawValue), version = \(bind: next), source_version = \(bind: sourceVersion), updated_by = \(bind: by), \
                updated_at = \(bind: now) WHERE id = \(bind: id) AND version = \(bind: expectedVersion) RETURNING id
                """).all()
            guard rows.count == 1 else {
                let latest = try await store.find(id)
                throw PageStoreError.changedMeanwhile(version: latest?.version ?? next, by: latest?.updatedBy ?? by, at: latest?.updatedAt ?? now)
            }
            if current.sourceID == nil {
                try await store.sql.raw("UPDATE site_pages SET slug = \(bind: d.slug), audience = \(bind: d.audience.rawValue) WHERE source_id = \(bind: id)").run()
            }
            try await Self.snapshot(id, version: next, status: status, d, by: by, at: now, on: tx)
            try await AuditLog(db: tx, address: address).append(Self.naming(audit, id, d.slug))
            return next
        }
    }

    public func delete(_ id: UUID, audit: AuditEntry, address: String?) async throws {
        try await db.transaction { tx in
            let store = PageStore(db: tx)
            guard let page = try await store.find(id) else { throw PageStoreError.notFound }
            let translations = try await store.translations(of: id)
            guard translations.isEmpty else { throw PageStoreError.hasTranslations(translations.count) }
            try await store.sql.delete(from: "site_pages").where("id", .equal, SQLBind(id)).run()
            try await AuditLog(db: tx, address: address).append(Self.naming(audit, id, page.draft.slug))
        }
    }

    static func naming(_ e: AuditEntry, _ id: UUID, _ slug: String) -> AuditEntry {
        AuditEntry(at: e.at, actorID: e.actorID, actorOfficeID: e.actorOfficeID, clientID: nil, action: e.action,
                   detail: "page " + id.uuidString.lowercased() + " " + slug + (e.detail.isEmpty ? "" : " " + e.detail), reason: e.reason)
    }

    static func snapshot(_ id: UUID, version: Int, status: NewsStatus, _ d: PageDraft, by: UUID, at: Date, on db: any Database) async throws {
        try await (db as! any SQLDatabase).insert(into: "site_page_versions").columns("id", "page_id", "version", "status", "content", "changed_by", "changed_at")
            .values(SQLBind(UUID()), SQLBind(id), SQLBind(version), SQLBind(status.rawValue), SQLBind(String(decoding: try encoder.encode(d), as: UTF8.self)),
                    SQLBind(by), SQLBind(at)).run()
    }

    public func find(_ id: UUID) async throws -> SitePage? {
        try await sql.select().column("*").from("site_pages").where("id", .equal, SQLBind(id)).first().flatMap(Self.page)
    }

    public func find(section: ContentSection, slug: String, language: String) async throws -> SitePage? {
        try await sql.select().column("*").from("site_pages").where("section", .equal, SQLBind(section.key)).where("slug", .equal, SQLBind(slug))
            .where("language", .equal, SQLBind(language)).first().flatMap(Self.page)
    }

    public func translations(of id: UUID) async throws -> [SitePage] {
        try await sql.select().column("*").from("site_pages").where("source_id", .equal, SQLBind(id)).orderBy("language").all().compactMap(Self.page)
    }

    /// The pages of these sections (nil: every section), by section and address.
    public func all(sections: [ContentSection]?) async throws -> [SitePage] {
        let q = sql.select().column("*").from("site_pages")
        if let sections { q.where("section", .in, SQLBind.group(sections.map(\.key))) }
        return try await q.orderBy("section").orderBy("slug").orderBy("language").all().compactMap(Self.page)
    }

    /// Published pages behind these paths, with who may read them (for links inside texts).
    public func audiences(section: ContentSection, slugs: [String]) async throws -> [String: ContentAudience] {
        guard !slugs.isEmpty else { return [:] }
        let rows = try await sql.select().columns("slug", "audience").from("site_pages").where("section", .equal, SQLBind(section.key))
            .where("slug", .in, SQLBind.group(slugs)).where("source_id", .is, SQLLiteral.null).all()
        return Dictionary(try rows.map { (try $0.decode(column: "slug", as: String.self),
                                          ContentAudience(rawValue: try $0.decode(column: "audience", as: String.self)) ?? .staff) },
                          uniquingKeysWith: { a, _ in a })
    }

    public func versions(of id: UUID) async throws -> [(version: Int, status: NewsStatus, draft: PageDraft, by: UUID, at: Date)] {
        try await sql.select().column("*").from("site_page_versions").where("page_id", .equal, SQLBind(id)).orderBy("version", .descending).all().map { row in
            (try row.decode(column: "version", as: Int.self), NewsStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
             try JSONDecoder().decode(PageDraft.self, from: Data(try row.decode(column: "content", as: String.self).utf8)),
             try row.decode(column: "changed_by", as: UUID.self), try row.decode(column: "changed_at", as: Date.self))
        }
    }

    static func page(_ row: any SQLRow) throws -> SitePage? {
        guard let section = ContentSection(key: try row.decode(column: "section", as: String.self)) else { return nil }
        let d = PageDraft(language: try row.decode(column: "language", as: String.self), slug: try row.decode(column: "slug", as: String.self),
                          title: try row.decode(column: "title", as: String.self), body: try row.decode(column: "body", as: String.self),
                          audience: ContentAudience(rawValue: try row.decode(column: "audience", as: String.self)) ?? .staff)
        return SitePage(id: try row.decode(column: "id", as: UUID.self), section: section, draft: d,
                        status: NewsStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
                        version: try row.decode(column: "version", as: Int.self),
                        sourceID: try row.decodeNil(column: "source_id") ? nil : row.decode(column: "source_id", as: UUID.self),
                        sourceVersion: try row.decodeNil(column: "source_version") ? nil : row.decode(column: "source_version", as: Int.self),
                        updatedAt: try row.decode(column: "updated_at", as: Date.self), updatedBy: try row.decode(column: "updated_by", as: UUID.self))
    }
}
