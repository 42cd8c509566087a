import Vapor
import Fluent
import Directory
import Portal
import Storage
import TextSearch
import Knowledge

/// Knowledge-base entries in and out: JSON (the documented contract, also what the office
/// system PULS delivers) and CSV with the same fields. Every record is checked on its own and
/// stored in its own transaction; the report names each refused record, its field and why.
/// Polish entries go first, so translations in the same file find their source.
enum KBInterchange {
    static let format = "zielona-linia-kb/1"
    /// Who imports when nobody signs in (the command line, the starter set).
    static let systemUser = UUID(uuidString: "00000000-0000-4000-8000-00000000cb01")!

    struct Record: Codable, Equatable {
        var external_id: String
        var kind: String
        var category: String
        var language: String
        var office_id: String?
        var translation_of: String?
        var title: String
        var body: String
        var tags: [String]
        var legal_basis: String?
        var internal_note: String?
        var valid_from: String?
        var valid_until: String?
        var needs_review: Bool?
        var status: String?
        /// Read out by the phone's information service.
        var phone: Bool? = nil
    }

    struct Document: Codable { var format: String; var entries: [Record] }

    struct Problem: Equatable { let index: Int; let externalID: String; let field: String; let reason: String }
    struct Report { var added = 0; var updated = 0; var refused: [Problem] = [] }

    static let csvColumns = ["external_id", "kind", "category", "language", "office_id", "translation_of", "title", "body", "tags", "legal_basis",
                             "internal_note", "valid_from", "valid_until", "needs_review", "status", "phone"]

    enum DecodeError: Error, CustomStringConvertible {
        case unreadable(String)
        var description: String { switch self { case .unreadable(let why): why } }
    }

    static func decodeJSON(_ data: Data) throws -> [Record] {
        if let doc = try? JSONDecoder().decode(Document.self, from: data) {
            guard doc.format == format else { throw DecodeError.unreadable("format must be \"\(format)\", not \"\(doc.format)\"") }
            return doc.entries
        }
        do { return try JSONDecoder().decode([Record].self, from: data) } catch {
            throw DecodeError.unreadable("not the knowledge-base JSON contract: \(Self.describe(error))")
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let c): "record \(c.codingPath.compactMap(\.intValue).first.map(String.init) ?? "?"): missing \(key.stringValue)"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            "\(c.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")): wrong type"
        default: "malformed JSON"
        }
    }

    static func decodeCSV(_ text: String) throws -> [Record] {
        let table = CSVTable(text: text)
        let missing = csvColumns.filter { !table.header.contains($0) && !["translation_of", "office_id", "phone"].contains($0) }
        guard missing.isEmpty else { throw DecodeError.unreadable("missing columns: \(missing.joined(separator: ", "))") }
        return table.records.map { r in
            func o(_ k: String) -> String? { r[k].flatMap { $0.isEmpty ? nil : $0 } }
            return Record(external_id: r["external_id"] ?? "", kind: r["kind"] ?? "", category: r["category"] ?? "", language: r["language"] ?? "",
                          office_id: o("office_id"), translation_of: o("translation_of"), title: r["title"] ?? "", body: r["body"] ?? "",
                          tags: KBDraft.tags((r["tags"] ?? "").replacingOccurrences(of: ";", with: ",")), legal_basis: o("legal_basis"),
                          internal_note: o("internal_note"), valid_from: o("valid_from"), valid_until: o("valid_until"),
                          needs_review: o("needs_review").map { ["1", "true", "yes", "tak"].contains($0.lowercased()) }, status: o("status"),
                          phone: o("phone").map { ["1", "true", "yes", "tak"].contains($0.lowercased()) })
        }
    }

    static let day: DateFormatter = {
        let f = DateFormatter(); f.locale = Locale(identifier: "en_US_POSIX"); f.timeZone = BusinessCalendar.warsaw; f.dateFormat = "yyyy-MM-dd"; return f
    }()

    /// The record as a draft, or the problems with it (field names as in the contract).
    static func draft(_ r: Record, officeExists: (String) -> Bool) -> (KBDraft?, KBStatus, [(String, String)]) {
        var problems: [(String, String)] = []
        if r.external_id.trimmingCharacters(in: .whitespaces).isEmpty || r.external_id.count > 100 { problems.append(("external_id", "required, at most 100 characters")) }
        let kind = KBKind(rawValue: r.kind)
        if kind == nil { problems.append(("kind", "must be one of: \(KBKind.allCases.map(\.rawValue).joined(separator: ", "))")) }
        let category = KBCategory(rawValue: r.category)
        if category == nil { problems.append(("category", "must be one of: \(KBCategory.allCases.map(\.rawValue).joined(separator: ", "))")) }
        let status = KBStatus(rawValue: r.status ?? "draft")
        if status == nil { problems.append(("status", "must be draft or published")) }
        if let office = r.office_id, !officeExists(office) { problems.append(("office_id", "no office \(office)")) }
        func date(_ field: String, _ value: String?) -> Date? {
            guard let value else { return nil }
            guard let d = CalendarText.day(value) else { problems.append((field, "a date YYYY-MM-DD")); return nil }
            return d
        }
        let from = date("valid_from", r.valid_from), until = date("valid_until", r.valid_until)
        if r.language == "pl" && r.translation_of != nil { problems.append(("translation_of", "Polish entries are sources, not translations")) }
        guard let kind, let category else { return (nil, status ?? .draft, problems) }
        let d = KBDraft(kind: kind, category: category, language: r.language, officeID: r.office_id, title: r.title, body: r.body,
                        tags: KBDraft.tags(r.tags.joined(separator: ",")), legalBasis: r.legal_basis ?? "", internalNote: r.internal_note ?? "",
                        validFrom: from, validUntil: until.map { $0.addingTimeInterval(86_399) }, needsReview: r.needs_review ?? false,
                        phone: r.phone ?? false)
        problems += d.problems().map { ($0.field, $0.key == "offer.error.required" ? "required (or too short)" :
                                                     $0.key == "offer.error.too_long" ? "at most \($0.arguments["max"] ?? "") characters" :
                                                     $0.key == "kb.error.language" ? "must be pl, en, ru or uk" :
                                                     $0.key == "kb.error.tags" ? "at most 12 tags of 40 characters" : "dates out of order") }
        return (problems.isEmpty ? d : nil, status ?? .draft, problems)
    }

    static func importRecords(_ records: [Record], db: any Database, analyzer: Analyzer, by: UUID = systemUser,
                              updateExisting: Bool = true) async throws -> Report {
        var report = Report()
        let offices = Set(try await FluentDirectoryStore(db: db).offices(matching: nil, voivodeship: nil).map(\.id))
        let store = KnowledgeBaseStore(db: db)
        var seen: Set<String> = []
        let order = records.enumerated().sorted { ($0.element.language == "pl" ? 0 : 1, $0.offset) < ($1.element.language == "pl" ? 0 : 1, $1.offset) }
        for (index, r) in order {
            func refuse(_ field: String, _ reason: String) { report.refused.append(Problem(index: index + 1, externalID: r.external_id, field: field, reason: reason)) }
            guard seen.insert(r.external_id).inserted else { refuse("external_id", "appears twice in the file"); continue }
            let (draft, status, problems) = draft(r, officeExists: offices.contains)
            guard let draft, problems.isEmpty else { for p in problems { refuse(p.0, p.1) }; continue }
            var sourceID: UUID? = nil
            if let source = r.translation_of {
                guard let s = try await store.find(externalID: source), s.draft.language == "pl" else {
                    refuse("translation_of", "no Polish entry \(source)"); continue
                }
                sourceID = s.id
            } else if draft.language != "pl" {
                refuse("translation_of", "a translation must name its Polish entry"); continue
            }
            if let existing = try await store.find(externalID: r.external_id) {
                guard updateExisting else { continue }
                if existing.draft != draft || existing.status != status {
                    try await store.update(existing.id, draft, status: status, expectedVersion: existing.version, by: by, analyzer: analyzer)
                }
                report.updated += 1
            } else {
                let source = sourceID
                try await db.transaction { tx in
                    let id = try await KnowledgeBaseStore(db: tx).create(draft, status: status, by: by, sourceID: source, analyzer: analyzer)
                    try await KnowledgeBaseStore(db: tx).setExternalID(id, r.external_id)
                }
                report.added += 1
            }
        }
        report.refused.sort { ($0.index, $0.field) < ($1.index, $1.field) }
        return report
    }

    /// Every entry as records (external ids made from the entry's id where it has none).
    static func export(db: any Database) async throws -> [Record] {
        let store = KnowledgeBaseStore(db: db)
        let entries = try await store.all(offices: nil, limit: 100_000)
        var ids: [UUID: String] = [:]
        for e in entries { ids[e.id] = try await store.externalID(of: e.id) ?? e.id.uuidString.lowercased() }
        return entries.sorted { (ids[$0.id] ?? "") < (ids[$1.id] ?? "") }.map { e in
            let d = e.draft
            return Record(external_id: ids[e.id]!, kind: d.kind.rawValue, category: d.category.rawValue, language: d.language, office_id: d.officeID,
                          translation_of: e.sourceID.flatMap { ids[$0] }, title: d.title, body: d.body, tags: d.tags, legal_basis: d.legalBasis,
                          internal_note: d.internalNote, valid_from: d.validFrom.map(day.string), valid_until: d.validUntil.map(day.string),
                          needs_review: d.needsReview, status: e.status.rawValue, phone: d.phone)
        }
    }

    static func json(_ records: [Record]) throws -> Data {
        let e = JSONEncoder(); e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try e.encode(Document(format: format, entries: records))
    }

    static func csv(_ records: [Record]) -> String {
        var lines = [csvColumns.joined(separator: ",")]
        for r in records {
            let fields: [String] = [r.external_id, r.kind, r.category, r.language, r.office_id ?? "", r.translation_of ?? "", r.title, r.body,
                                    r.tags.joined(separator: ";"), r.legal_basis ?? "", r.internal_note ?? "", r.valid_from ?? "", r.valid_until ?? "",
                                    (r.needs_review ?? false) ? "true" : "false", r.status ?? "draft", (r.phone ?? false) ? "true" : "false"]
            lines.append(fields.map(CSVTable.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The shipped starter set, loaded when it is new or changed: entries it adds are created;
    /// entries already there (perhaps edited by an office since) are left as they are.
    static func loadStarter(_ app: Application) async throws {
        guard let url = KnowledgeResources.kbStarter else { return }
        let meta = AppMeta(db: app.db)
        let data = try Data(contentsOf: url)
        let digest = Secrets.sha256Hex(String(decoding: data, as: UTF8.self))
        guard try await meta.get("kb.starter") != digest else { return }
        let report = try await importRecords(try decodeJSON(data), db: app.db, analyzer: app.services.analyzer, updateExisting: false)
        if !report.refused.isEmpty { app.logger.error("starter knowledge base has refused records", metadata: ["count": "\(report.refused.count)"]) }
        try await meta.set("kb.starter", digest)
    }
}
