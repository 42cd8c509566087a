import Fluent
import SQLKit
import Foundation
import Portal
import TextSearch
import Knowledge

public struct KnowledgeBaseStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    static let encoder: JSONEncoder = { let e = JSONEncoder(); e.outputFormatting = .sortedKeys; e.dateEncodingStrategy = .iso8601; return e }()
    static let decoder: JSONDecoder = { let d = JSONDecoder(); d.dateDecodingStrategy = .iso8601; return d }()

    public static func tokens(_ d: KBDraft, analyzer: Analyzer) -> SearchTokens { KBRanking.tokens(d, analyzer: analyzer) }

    public func create(_ d: KBDraft, status: KBStatus, by: UUID, sourceID: UUID? = nil, analyzer: Analyzer, now: Date = Date()) async throws -> UUID {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            var sourceVersion: Int? = nil
            if let sourceID {
                guard let source = try await KnowledgeBaseStore(db: tx).find(sourceID), source.draft.language == "pl", source.sourceID == nil else {
                    throw KBStoreError.sourceMissing
                }
                sourceVersion = source.version
            }
            let id = UUID()
            try await sql.insert(into: "kb_entries")
                .columns("id", "kind", "category", "language", "office_id", "source_id", "source_version", "title", "body", "tags", "legal_basis",
                         "internal_note", "valid_from", "valid_until", "needs_review", "status", "version", "helpful_yes", "helpful_no",
                         "created_by", "updated_by", "created_at", "updated_at", "phone")
                .values(SQLBind(id), SQLBind(d.kind.rawValue), SQLBind(d.category.rawValue), SQLBind(d.language), SQLBind(d.officeID),
                        SQLBind(sourceID), SQLBind(sourceVersion), SQLBind(d.title), SQLBind(d.body), SQLBind(Self.json(d.tags)),
                        SQLBind(d.legalBasis), SQLBind(d.internalNote), SQLBind(d.validFrom), SQLBind(d.validUntil), SQLBind(d.needsReview),
                        SQLBind(status.rawValue), SQLBind(1), SQLBind(0), SQLBind(0), SQLBind(by), SQLBind(by), SQLBind(now), SQLBind(now),
                        SQLBind(d.phone)).run()
            try await Self.snapshot(id, version: 1, status: status, d, by: by, at: now, on: tx)
            let t = Self.tokens(d, analyzer: analyzer)
            try await SearchIndex.kb.put(id, title: t.title, body: t.body, on: tx)
            return id
        }
    }

    /// Saves a new version if nobody saved one since `expectedVersion` was read. A translation
    /// saved again counts as brought up to date with its source's current version.
    @discardableResult
    public func update(_ id: UUID, _ d: KBDraft, status: KBStatus, expectedVersion: Int, by: UUID, analyzer: Analyzer, now: Date = Date()) async throws -> Int {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            let store = KnowledgeBaseStore(db: tx)
            guard let current = try await store.find(id) else { throw KBStoreError.notFound }
            guard current.version == expectedVersion else {
                throw KBStoreError.changedMeanwhile(version: current.version, by: current.updatedBy, at: current.updatedAt)
            }
            var sourceVersion = current.sourceVersion
            if let sourceID = current.sourceID { sourceVersion = try await store.find(sourceID)?.version ?? sourceVersion }
            let next = expectedVersion + 1
            let rows = try await sql.raw("""
                UPDATE kb_entries SET kind = \(bind: d.kind.rawValue), category = \(bind: d.category.rawValue), office_id = \(bind: d.officeID), \
                title = \(bind: d.title), body = \(bind: d.body), tags = \(bind: Self.json(d.tags)), legal_basis = \(bind: d.legalBasis), \
                internal_note = \(bind: d.internalNote), valid_from = \(bind: d.validFrom), valid_until = \(bind: d.validUntil), \
                needs_review = \(bind: d.needsReview), phone = \(bind: d.phone), status = \(bind: status.rawValue), version = \(bind: next), \
                source_version = \(bind: sourceVersion), updated_by = \(bind: by), updated_at = \(bind: now) \
                WHERE id = \(bind: id) AND version = \(bind: expectedVersion) RETURNING id
                """).all()
            guard rows.count == 1 else {
                let latest = try await store.find(id)
                throw KBStoreError.changedMeanwhile(version: latest?.version ?? next, by: latest?.updatedBy ?? by, at: latest?.updatedAt ?? now)
            }
            try await Self.snapshot(id, version: next, status: status, d, by: by, at: now, on: tx)
            let t = Self.tokens(d, analyzer: analyzer)
            try await SearchIndex.kb.put(id, title: t.title, body: t.body, on: tx)
            return next
        }
    }

    public func delete(_ id: UUID) async throws {
        try await db.transaction { tx in
            let store = KnowledgeBaseStore(db: tx)
            let translations = try await store.translations(of: id)
            guard translations.isEmpty else { throw KBStoreError.hasTranslations(translations.count) }
            try await SearchIndex.kb.remove(id, on: tx)
            try await (tx as! any SQLDatabase).delete(from: "kb_entries").where("id", .equal, SQLBind(id)).run()
        }
    }

    static func json<T: Encodable>(_ v: T) -> String { String(decoding: (try? encoder.encode(v)) ?? Data("null".utf8), as: UTF8.self) }

    static func snapshot(_ id: UUID, version: Int, status: KBStatus, _ d: KBDraft, by: UUID, at: Date, on db: any Database) async throws {
        try await (db as! any SQLDatabase).insert(into: "kb_versions").columns("id", "entry_id", "version", "status", "content", "changed_by", "changed_at")
            .values(SQLBind(UUID()), SQLBind(id), SQLBind(version), SQLBind(status.rawValue), SQLBind(json(d)), SQLBind(by), SQLBind(at)).run()
    }

    public func find(_ id: UUID) async throws -> StoredKB? {
        try await (db as! any SQLDatabase).select().column("*").from("kb_entries").where("id", .equal, SQLBind(id)).first().map(Self.entry)
    }

    public func translations(of id: UUID) async throws -> [StoredKB] {
        try await (db as! any SQLDatabase).select().column("*").from("kb_entries").where("source_id", .equal, SQLBind(id))
            .orderBy("language").all().map(Self.entry)
    }

    public func versions(of id: UUID) async throws -> [KBVersion] {
        try await (db as! any SQLDatabase).select().column("*").from("kb_versions").where("entry_id", .equal, SQLBind(id))
            .orderBy("version", .descending).all().map { row in
                KBVersion(version: try row.decode(column: "version", as: Int.self),
                          status: KBStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
                          draft: try Self.decoder.decode(KBDraft.self, from: Data(try row.decode(column: "content", as: String.self).utf8)),
                          changedBy: try row.decode(column: "changed_by", as: UUID.self), changedAt: try row.decode(column: "changed_at", as: Date.self))
            }
    }

    /// Every entry for the editors' list: of these offices (nil: all), newest change first.
    public func all(offices: Set<String>?, limit: Int = 500) async throws -> [StoredKB] {
        let q = (db as! any SQLDatabase).select().column("*").from("kb_entries")
        if let offices {
            q.where(group: { $0.where("office_id", .is, SQLLiteral.null).orWhere("office_id", .in, SQLBind.group(offices.sorted())) })
        }
        return try await q.orderBy("updated_at", .descending).limit(limit).all().map(Self.entry)
    }

    static func entry(_ row: any SQLRow) throws -> StoredKB {
        func os(_ c: String) throws -> String? { try row.decodeNil(column: c) ? nil : row.decode(column: c, as: String.self) }
        func od(_ c: String) throws -> Date? { try row.decodeNil(column: c) ? nil : row.decode(column: c, as: Date.self) }
        let tags = (try? decoder.decode([String].self, from: Data(try row.decode(column: "tags", as: String.self).utf8))) ?? []
        let d = KBDraft(kind: KBKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .faq,
                        category: KBCategory(rawValue: try row.decode(column: "category", as: String.self)) ?? .registration,
                        language: try row.decode(column: "language", as: String.self), officeID: try os("office_id"),
                        title: try row.decode(column: "title", as: String.self), body: try row.decode(column: "body", as: String.self), tags: tags,
                        legalBasis: try row.decode(column: "legal_basis", as: String.self), internalNote: try row.decode(column: "internal_note", as: String.self),
                        validFrom: try od("valid_from"), validUntil: try od("valid_until"), needsReview: try row.decode(column: "needs_review", as: Bool.self),
                        phone: try row.decode(column: "phone", as: Bool.self))
        return StoredKB(id: try row.decode(column: "id", as: UUID.self), draft: d,
                        status: KBStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
                        version: try row.decode(column: "version", as: Int.self),
                        sourceID: try row.decodeNil(column: "source_id") ? nil : row.decode(column: "source_id", as: UUID.self),
                        sourceVersion: try row.decodeNil(column: "source_version") ? nil : row.decode(column: "source_version", as: Int.self),
                        updatedAt: try row.decode(column: "updated_at", as: Date.self), updatedBy: try row.decode(column: "updated_by", as: UUID.self),
                        helpfulYes: try row.decode(column: "helpful_yes", as: Int.self), helpfulNo: try row.decode(column: "helpful_no", as: Int.self))
    }

    /// What the phone's information service reads in a language: published entries within their
    /// dates marked for the phone, national and of `office`, by category and question.
    public func phoneEntries(language: String, office: String?, now: Date = Date()) async throws -> [StoredKB] {
        var q = (db as! any SQLDatabase).select().column("*").from("kb_entries").where("language", .equal, SQLBind(language))
            .where("status", .equal, SQLBind(KBStatus.published.rawValue)).where("phone", .equal, SQLBind(true))
        if let office {
            q = q.where(group: { $0.where("office_id", .is, SQLLiteral.null).orWhere("office_id", .equal, SQLBind(office)) })
        } else {
            q = q.where("office_id", .is, SQLLiteral.null)
        }
        let audience = KBAudience.visitor(office: office)
        return try await q.orderBy("category").orderBy("title").limit(200).all().map(Self.entry).filter { audience.admits($0, now: now) }
    }

    // MARK: search

    /// Entries matching the criteria that the audience may see, in the order of `KBRanking`.
    /// The SQL narrows by the audience's rule; the rule itself (`KBAudience.admits`) decides.
    public func search(_ c: KBCriteria, analyzer: Analyzer, now: Date = Date()) async throws -> (total: Int, items: [StoredKB]) {
        let sql = db as! any SQLDatabase
        var with: SQLQueryString = ""
        var from: SQLQueryString = "FROM kb_entries k "
        var conditions: [SQLQueryString] = ["k.language = \(bind: c.language)"]
        if let q = c.query {
            let match = SearchIndex.kb.textMatch(q, db: db)
            with = match.with
            from = match.from + "JOIN kb_entries k ON k.id = s.doc_id "
            if let condition = match.condition { conditions.append(condition) }
        }
        if let category = c.category { conditions.append("k.category = \(bind: category.rawValue)") }
        if !c.staff {
            conditions.append("k.status = \(bind: KBStatus.published.rawValue)")
            conditions.append("(k.valid_from IS NULL OR k.valid_from <= \(bind: now))")
            conditions.append("(k.valid_until IS NULL OR k.valid_until >= \(bind: now))")
            if let office = c.office { conditions.append("(k.office_id IS NULL OR k.office_id = \(bind: office))") }
            else { conditions.append("k.office_id IS NULL") }
        } else if let office = c.office {
            conditions.append("(k.office_id IS NULL OR k.office_id = \(bind: office))")
        }
        var whereClause: SQLQueryString = ""
        for (i, condition) in conditions.enumerated() { whereClause = whereClause + (i == 0 ? "WHERE " : " AND ") + condition }
        // A knowledge base holds hundreds of entries per language: rank the matches here.
        let rows = try await sql.raw(with + "SELECT k.* " + from + whereClause + " LIMIT 2000").all()
        let audience = KBAudience(staff: c.staff, office: c.office)
        let entries = try rows.map(Self.entry).filter { audience.admits($0, now: now) }
        let ranked = KBRanking.order(entries, query: c.query, analyzer: analyzer)
        let perPage = max(1, min(c.perPage, 100)), offset = max(0, (c.page - 1) * perPage)
        return (ranked.count, Array(ranked.dropFirst(offset).prefix(perPage)))
    }

    /// A search that found nothing, for the editors' "missing answers" list.
    public func recordMiss(_ text: String, language: String, now: Date = Date()) async throws {
        let query = String(text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ").prefix(200))
        guard !query.isEmpty else { return }
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            let updated = try await sql.raw("""
                UPDATE kb_misses SET count = count + 1, last_at = \(bind: now) WHERE query = \(bind: query) AND language = \(bind: language) RETURNING id
                """).all()
            if updated.isEmpty {
                try await sql.insert(into: "kb_misses").columns("id", "query", "language", "count", "last_at")
                    .values(SQLBind(UUID()), SQLBind(query), SQLBind(language), SQLBind(1), SQLBind(now)).run()
            }
        }
    }

    public func misses(limit: Int = 50) async throws -> [(query: String, language: String, count: Int, lastAt: Date)] {
        try await (db as! any SQLDatabase).select().column("*").from("kb_misses").orderBy("count", .descending).orderBy("last_at", .descending)
            .limit(limit).all().map {
                (try $0.decode(column: "query", as: String.self), try $0.decode(column: "language", as: String.self),
                 try $0.decode(column: "count", as: Int.self), try $0.decode(column: "last_at", as: Date.self))
            }
    }

    /// "Was this helpful?" — counted per entry.
    public func rate(_ id: UUID, helpful: Bool) async throws {
        let column = helpful ? "helpful_yes" : "helpful_no"
        try await (db as! any SQLDatabase).raw("UPDATE kb_entries SET \(ident: column) = \(ident: column) + 1 WHERE id = \(bind: id)").run()
    }
}

extension KnowledgeBaseStore {
    public func find(externalID: String) async throws -> StoredKB? {
        try await (db as! any SQLDatabase).select().column("*").from("kb_entries").where("external_id", .equal, SQLBind(externalID)).first().map(Self.entry)
    }

    public func externalID(of id: UUID) async throws -> String? {
        let row = try await (db as! any SQLDatabase).select().column("external_id").from("kb_entries").where("id", .equal, SQLBind(id)).first()
        guard let row, !(try row.decodeNil(column: "external_id")) else { return nil }
        return try row.decode(column: "external_id", as: String.self)
    }

    public func setExternalID(_ id: UUID, _ externalID: String) async throws {
        try await (db as! any SQLDatabase).update("kb_entries").set("external_id", to: SQLBind(externalID)).where("id", .equal, SQLBind(id)).run()
    }
}

extension KnowledgeBaseStore {
    /// Every entry's tokens again (when the analyzer changed).
    public func reindexAll(analyzer: Analyzer) async throws -> Int {
        let entries = try await all(offices: nil, limit: 1_000_000)
        for e in entries {
            let t = Self.tokens(e.draft, analyzer: analyzer)
            try await SearchIndex.kb.put(e.id, title: t.title, body: t.body, on: db)
        }
        return entries.count
    }
}
extension KnowledgeBaseStore: KnowledgeRepository {}
