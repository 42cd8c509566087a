import Fluent
import SQLKit
import Foundation
import Content
import Privacy

public enum NewsStoreError: Error, Equatable {
    case notFound
    /// Someone saved the item since it was opened: their version, who and when.
    case changedMeanwhile(version: Int, by: UUID, at: Date)
    /// A translation must name an existing Polish item.
    case sourceMissing
    /// A Polish item with translations cannot be deleted before them.
    case hasTranslations(Int)
}

/// Which news a list shows.
public enum NewsFilter: Sendable, Equatable {
    case everything
    case national
    /// A voivodeship's own news and its offices'.
    case voivodeship(String)
    /// A voivodeship's own news and these offices' (an office's page; a powiat's offices).
    case local(voivodeship: String, offices: [String])
}

/// What happens to an item's picture when it is saved.
public enum ImageChange: Sendable, Equatable {
    case keep
    case replace(ContentImage.Prepared)
    case remove
}

/// News items: the Polish source and its translations, each saved version, and who may read it.
/// Every change is one transaction with its version and its audit entry.
public struct NewsStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    static let encoder: JSONEncoder = { let e = JSONEncoder(); e.outputFormatting = .sortedKeys; e.dateEncodingStrategy = .iso8601; return e }()
    static let decoder: JSONDecoder = { let d = JSONDecoder(); d.dateDecodingStrategy = .iso8601; return d }()

    static let select = SQLQueryString("""
        SELECT n.*, i.format AS image_format, i.width AS image_width, i.height AS image_height \
        FROM news_items n LEFT JOIN content_images i ON i.id = n.image_id
        """)

    var sql: any SQLDatabase { db as! any SQLDatabase }

    public func create(_ d: NewsDraft, status: NewsStatus, voivodeship: String?, image: ContentImage.Prepared?, sourceID: UUID? = nil,
                       by: UUID, audit: AuditEntry, address: String?, now: Date = Date()) async throws -> UUID {
        try await db.transaction { tx in
            let store = NewsStore(db: tx)
            var d = d, voivodeship = voivodeship, imageID: UUID? = nil, sourceVersion: Int? = nil
            if let sourceID {
                guard let source = try await store.find(sourceID), source.draft.language == "pl", source.sourceID == nil else { throw NewsStoreError.sourceMissing }
                // A translation tells the same story to the same people at the same time.
                d = Self.inheriting(d, from: source.draft); voivodeship = source.voivodeship
                imageID = source.image?.id; sourceVersion = source.version
            } else if let image {
                imageID = try await ContentImageStore(db: tx).insert(image, now: now).id
            }
            let id = UUID()
            try await store.sql.insert(into: "news_items")
                .columns("id", "source_id", "source_version", "language", "title", "lead", "body", "scope", "voivodeship", "office_id", "audience",
                         "publish_at", "expires_at", "image_id", "image_alt", "status", "version", "created_by", "updated_by", "created_at", "updated_at")
                .values(SQLBind(id), SQLBind(sourceID), SQLBind(sourceVersion), SQLBind(d.language), SQLBind(d.title), SQLBind(d.lead), SQLBind(d.body),
                        SQLBind(d.scope.kind), SQLBind(voivodeship), SQLBind(d.scope.officeID), SQLBind(d.audience.rawValue),
                        SQLBind(d.publishAt), SQLBind(d.expiresAt), SQLBind(imageID), SQLBind(d.imageAlt), SQLBind(status.rawValue), SQLBind(1),
                        SQLBind(by), SQLBind(by), SQLBind(now), SQLBind(now)).run()
            try await Self.snapshot(id, version: 1, status: status, d, by: by, at: now, on: tx)
            try await AuditLog(db: tx, address: address).append(Self.naming(audit, id))
            return id
        }
    }

    /// Saves a new version if nobody saved one since `expectedVersion` was read. A Polish item's
    /// scope, readers, dates and picture carry over to its translations.
    @discardableResult
    public func update(_ id: UUID, _ d: NewsDraft, status: NewsStatus, voivodeship: String?, image: ImageChange, expectedVersion: Int,
                       by: UUID, audit: AuditEntry, address: String?, now: Date = Date()) async throws -> Int {
        try await db.transaction { tx in
            let store = NewsStore(db: tx)
            guard let current = try await store.find(id) else { throw NewsStoreError.notFound }
            guard current.version == expectedVersion else {
                throw NewsStoreError.changedMeanwhile(version: current.version, by: current.updatedBy, at: current.updatedAt)
            }
            var d = d, voivodeship = voivodeship, imageID = current.image?.id, sourceVersion = current.sourceVersion
            if let sourceID = current.sourceID {
                guard let source = try await store.find(sourceID) else { throw NewsStoreError.sourceMissing }
                d = Self.inheriting(d, from: source.draft); voivodeship = source.voivodeship; sourceVersion = source.version
            } else {
                switch image {
                case .keep: break
                case .remove: imageID = nil
                case .replace(let prepared): imageID = try await ContentImageStore(db: tx).insert(prepared, now: now).id
                }
            }
            let next = expectedVersion + 1
            let rows = try await store.sql.raw("""
                UPDATE news_items SET title = \(bind: d.title), lead = \(bind: d.lead), body = \(bind: d.body), scope = \(bind: d.scope.kind), \
                voivodeship = \(bind: voivodeship), office_id = \(bind: d.scope.officeID), audience = \(bind: d.audience.rawValue), \
                publish_at = \(bind: d.publishAt), expires_at = \(bind: d.expiresAt), image_id = \(bind: imageID), image_alt = \(bind: d.imageAlt), \
                status = \(bind: status.rawValue), version = \(bind: next), source_version = \(bind: sourceVersion), updated_by = \(bind: by), \
                updated_at = \(bind: now) WHERE id = \(bind: id) AND version = \(bind: expectedVersion) RETURNING id
                """).all()
            guard rows.count == 1 else {
                let latest = try await store.find(id)
                throw NewsStoreError.changedMeanwhile(version: latest?.version ?? next, by: latest?.updatedBy ?? by, at: latest?.updatedAt ?? now)
            }
            if current.sourceID == nil {
                try await store.sql.raw("""
                    UPDATE news_items SET scope = \(bind: d.scope.kind), voivodeship = \(bind: voivodeship), office_id = \(bind: d.scope.officeID), \
                    audience = \(bind: d.audience.rawValue), publish_at = \(bind: d.publishAt), expires_at = \(bind: d.expiresAt), \
                    image_id = \(bind: imageID) WHERE source_id = \(bind: id)
                    """).run()
            }
            try await Self.snapshot(id, version: next, status: status, d, by: by, at: now, on: tx)
            try await AuditLog(db: tx, address: address).append(Self.naming(audit, id))
            if let old = current.image?.id, old != imageID { try await ContentImageStore(db: tx).deleteIfUnused(old) }
            return next
        }
    }

    public func delete(_ id: UUID, audit: AuditEntry, address: String?) async throws {
        try await db.transaction { tx in
            let store = NewsStore(db: tx)
            guard let item = try await store.find(id) else { throw NewsStoreError.notFound }
            let translations = try await store.translations(of: id)
            guard translations.isEmpty else { throw NewsStoreError.hasTranslations(translations.count) }
            try await store.sql.delete(from: "news_items").where("id", .equal, SQLBind(id)).run()
            if let image = item.image?.id { try await ContentImageStore(db: tx).deleteIfUnused(image) }
            try await AuditLog(db: tx, address: address).append(Self.naming(audit, id))
        }
    }

    static func inheriting(_ d: NewsDraft, from source: NewsDraft) -> NewsDraft {
        var d = d
        d.scope = source.scope; d.audience = source.audience; d.publishAt = source.publishAt; d.expiresAt = source.expiresAt
        return d
    }

    /// The audit entry with the item's id as its subject (a new item's id is known only here).
    static func naming(_ e: AuditEntry, _ id: UUID) -> AuditEntry {
        AuditEntry(at: e.at, actorID: e.actorID, actorOfficeID: e.actorOfficeID, clientID: nil, action: e.action,
                   detail: "news " + id.uuidString.lowercased() + (e.detail.isEmpty ? "" : " " + e.detail), reason: e.reason)
    }

    static func snapshot(_ id: UUID, version: Int, status: NewsStatus, _ d: NewsDraft, by: UUID, at: Date, on db: any Database) async throws {
        let content = String(decoding: try encoder.encode(d), as: UTF8.self)
        try await (db as! any SQLDatabase).insert(into: "news_versions").columns("id", "news_id", "version", "status", "content", "changed_by", "changed_at")
            .values(SQLBind(UUID()), SQLBind(id), SQLBind(version), SQLBind(status.rawValue), SQLBind(content), SQLBind(by), SQLBind(at)).run()
    }

    public func find(_ id: UUID) async throws -> NewsItem? {
        try await sql.raw("\(Self.select) WHERE n.id = \(bind: id)").first().map(Self.item)
    }

    public func translations(of id: UUID) async throws -> [NewsItem] {
        try await sql.raw("\(Self.select) WHERE n.source_id = \(bind: id) ORDER BY n.language").all().map(Self.item)
    }

    public func versions(of id: UUID) async throws -> [NewsVersion] {
        try await sql.select().column("*").from("news_versions").where("news_id", .equal, SQLBind(id)).orderBy("version", .descending).all().map { row in
            NewsVersion(version: try row.decode(column: "version", as: Int.self),
                        status: NewsStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
                        draft: try Self.decoder.decode(NewsDraft.self, from: Data(try row.decode(column: "content", as: String.self).utf8)),
                        changedBy: try row.decode(column: "changed_by", as: UUID.self), changedAt: try row.decode(column: "changed_at", as: Date.self))
        }
    }

    /// Every item for the editors' list: national and voivodeship ones plus these offices' (nil:
    /// all), newest change first.
    public func all(offices: Set<String>?, limit: Int = 500) async throws -> [NewsItem] {
        var q = SQLQueryString("\(Self.select)")
        if let offices {
            q = "\(q) WHERE (n.office_id IS NULL OR n.office_id IN \(SQLBind.group(offices.sorted())))"
        }
        return try await sql.raw("\(q) ORDER BY n.updated_at DESC LIMIT \(literal: limit)").all().map(Self.item)
    }

    /// A page of the stories live now that `audiences` may read, newest first, each in
    /// `language` where a live translation exists; and how many stories there are.
    public func live(_ filter: NewsFilter, audiences: [ContentAudience], language: String, now: Date = Date(),
                     since: Date? = nil, page: Int = 1, perPage: Int = 20) async throws -> (total: Int, items: [NewsItem]) {
        let condition = Self.condition(filter, audiences: audiences, now: now, since: since)
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM news_items n WHERE \(condition)").first()
            .map { try $0.decode(column: "n", as: Int.self) } ?? 0
        let sources = try await sql.raw("""
            \(Self.select) WHERE \(condition) ORDER BY n.publish_at DESC, n.id DESC LIMIT \(literal: perPage) OFFSET \(literal: max(0, page - 1) * perPage)
            """).all().map(Self.item)
        guard language != "pl", !sources.isEmpty else { return (total, sources) }
        let translated = try await sql.raw("""
            \(Self.select) WHERE n.source_id IN \(SQLBind.group(sources.map(\.id))) AND n.language = \(bind: language)
            """).all().map(Self.item)
        return (total, NewsSelection.inLanguage(sources + translated, language, now: now))
    }

    /// Live Polish sources matching the filter (translations follow their source's state).
    static func condition(_ filter: NewsFilter, audiences: [ContentAudience], now: Date, since: Date?) -> SQLQueryString {
        var q: SQLQueryString = """
            n.source_id IS NULL AND n.status = 'published' AND n.publish_at <= \(bind: now) \
            AND (n.expires_at IS NULL OR n.expires_at > \(bind: now)) AND n.audience IN \(SQLBind.group(audiences.map(\.rawValue)))
            """
        if let since { q = "\(q) AND n.publish_at >= \(bind: since)" }
        switch filter {
        case .everything: break
        case .national: q = "\(q) AND n.scope = 'national'"
        case .voivodeship(let v): q = "\(q) AND n.scope <> 'national' AND n.voivodeship = \(bind: v)"
        case .local(let v, let offices):
            let own: SQLQueryString = offices.isEmpty ? "1 = 0" : "n.office_id IN \(SQLBind.group(offices))"
            q = "\(q) AND ((n.scope = 'voivodeship' AND n.voivodeship = \(bind: v)) OR \(own))"
        }
        return q
    }

    static func item(_ row: any SQLRow) throws -> NewsItem {
        func os(_ c: String) throws -> String? { try row.decodeNil(column: c) ? nil : row.decode(column: c, as: String.self) }
        let kind = try row.decode(column: "scope", as: String.self)
        let scope = NewsScope(kind: kind, code: kind == "office" ? try os("office_id") : try os("voivodeship")) ?? .national
        let d = NewsDraft(language: try row.decode(column: "language", as: String.self), title: try row.decode(column: "title", as: String.self),
                          lead: try row.decode(column: "lead", as: String.self), body: try row.decode(column: "body", as: String.self), scope: scope,
                          audience: ContentAudience(rawValue: try row.decode(column: "audience", as: String.self)) ?? .staff,
                          publishAt: try row.decode(column: "publish_at", as: Date.self),
                          expiresAt: try row.decodeNil(column: "expires_at") ? nil : row.decode(column: "expires_at", as: Date.self),
                          imageAlt: try row.decode(column: "image_alt", as: String.self))
        var image: ContentImage.Info? = nil
        if !(try row.decodeNil(column: "image_id")), let format = ContentImage.Format(rawValue: try os("image_format") ?? "") {
            image = ContentImage.Info(id: try row.decode(column: "image_id", as: UUID.self), format: format,
                                      width: try row.decode(column: "image_width", as: Int.self), height: try row.decode(column: "image_height", as: Int.self))
        }
        return NewsItem(id: try row.decode(column: "id", as: UUID.self), draft: d,
                        status: NewsStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
                        version: try row.decode(column: "version", as: Int.self),
                        sourceID: try row.decodeNil(column: "source_id") ? nil : row.decode(column: "source_id", as: UUID.self),
                        sourceVersion: try row.decodeNil(column: "source_version") ? nil : row.decode(column: "source_version", as: Int.self),
                        voivodeship: try os("voivodeship"), image: image,
                        updatedAt: try row.decode(column: "updated_at", as: Date.self), updatedBy: try row.decode(column: "updated_by", as: UUID.self))
    }
}
