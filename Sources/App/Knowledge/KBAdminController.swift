import Vapor
import Directory
import Views
import Access
import Portal
import Storage
import Localization
import Clients
import Knowledge

/// Editors write their office's knowledge-base entries (national editors the national ones),
/// save drafts, publish (the review step), translate, see every version, delete.
struct KBAdminController: Sendable {
    struct Input: Content {
        var kind: String?; var category: String?; var language: String?; var office_id: String?; var title: String?; var body: String?
        var tags: String?; var legal_basis: String?; var internal_note: String?; var valid_from: String?; var valid_until: String?
        var needs_review: String?; var status: String?; var version: String?; var translation_of: String?; var phone: String?

        var values: [String: String] {
            ["kind": kind ?? "", "category": category ?? "", "language": language ?? "", "office_id": office_id ?? "", "title": title ?? "",
             "body": body ?? "", "tags": tags ?? "", "legal_basis": legal_basis ?? "", "internal_note": internal_note ?? "",
             "valid_from": valid_from ?? "", "valid_until": valid_until ?? "", "needs_review": needs_review == "on" ? "on" : "",
             "version": version ?? "", "translation_of": translation_of ?? "", "phone": phone == "on" ? "on" : ""]
        }

        func draft(_ t: Localization.Catalogue) -> (KBDraft?, KBStatus, [(field: String, message: String)]) {
            var errors: [(field: String, message: String)] = []
            func choice<T: RawRepresentable>(_ field: String, _ value: String?, _ type: T.Type) -> T? where T.RawValue == String {
                if let v = value.flatMap(T.init(rawValue:)) { return v }
                errors.append((field, t.text("search.error.choice"))); return nil
            }
            let kind = choice("kind", kind, KBKind.self), category = choice("category", category, KBCategory.self)
            let status = KBStatus(rawValue: status ?? "") ?? .draft
            func day(_ field: String, _ value: String?) -> Date? {
                guard let v = value, !v.isEmpty else { return nil }
                if let d = CalendarText.day(v) { return d }
                errors.append((field, t.text("validation.date_format"))); return nil
            }
            let from = day("valid_from", valid_from), until = day("valid_until", valid_until)
            guard let kind, let category else { return (nil, status, errors) }
            let d = KBDraft(kind: kind, category: category, language: language ?? "", officeID: (office_id ?? "").isEmpty ? nil : office_id,
                            title: (title ?? "").trimmingCharacters(in: .whitespacesAndNewlines), body: body ?? "",
                            tags: KBDraft.tags(tags ?? ""), legalBasis: (legal_basis ?? "").trimmingCharacters(in: .whitespaces),
                            internalNote: internal_note ?? "", validFrom: from, validUntil: until?.addingTimeInterval(86_399), needsReview: needs_review == "on",
                            phone: phone == "on")
            errors += d.problems().map { ($0.field, t.text($0.key, $0.arguments)) }
            return (errors.isEmpty ? d : nil, status, errors)
        }
    }

    static func values(_ e: StoredKB) -> [String: String] {
        let d = e.draft, day = KBInterchange.day
        return ["kind": d.kind.rawValue, "category": d.category.rawValue, "language": d.language, "office_id": d.officeID ?? "", "title": d.title,
                "body": d.body, "tags": d.tags.joined(separator: ", "), "legal_basis": d.legalBasis, "internal_note": d.internalNote,
                "valid_from": d.validFrom.map(day.string) ?? "", "valid_until": d.validUntil.map(day.string) ?? "",
                "needs_review": d.needsReview ? "on" : "", "version": "\(e.version)", "translation_of": e.sourceID?.uuidString ?? "",
                "phone": d.phone ? "on" : ""]
    }

    @Sendable func list(req: Request, member: StaffMember) async throws -> Response {
        let t = req.catalogue, lang = req.language
        let store = KnowledgeBaseStore(db: req.db)
        // Only what this editor may edit: their offices' entries (national editors: all).
        let entries = try await store.all(offices: member.listedOffices(req))
            .filter { e in e.draft.officeID.map(member.scope.covers) ?? (member.scope == .national) }
        let versions = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0.version) })
        var rows: [StaffKBListPage.Row] = []
        for e in entries {
            var flags: [String] = []
            if e.status == .draft { flags.append(t.text("kb.staff.flag_draft")) }
            if e.draft.needsReview { flags.append(t.text("kb.staff.flag_review")) }
            if let s = e.sourceID, let v = versions[s], v > (e.sourceVersion ?? 0) { flags.append(t.text("kb.staff.flag_outdated")) }
            rows.append(.init(id: e.id.uuidString.lowercased(), title: e.draft.title, language: Language(rawValue: e.draft.language)?.nativeName ?? e.draft.language,
                              status: t.text("kb.status." + e.status.rawValue),
                              scope: try await e.draft.officeID.asyncMap { try await req.directory.office(id: $0)?.name ?? $0 } ?? t.text("faq.national"),
                              flags: flags.joined(separator: ", "), updated: DateText.date(e.updatedAt, lang)))
        }
        let helpful = entries.filter { $0.helpfulYes + $0.helpfulNo > 0 }.sorted { ($0.helpfulYes, -$0.helpfulNo) > ($1.helpfulYes, -$1.helpfulNo) }
            .prefix(20).map { (title: $0.draft.title, yes: $0.helpfulYes, no: $0.helpfulNo) }
        let notice = (try? req.query.get(String.self, at: "notice")).flatMap { ["saved", "published", "deleted"].contains($0) ? t.text("kb.staff.notice_" + $0) : nil }
        return .html(StaffKBListPage.render(.init(rows: rows, misses: try await store.misses().map { ($0.query, $0.language, $0.count) },
                                                  helpful: Array(helpful), notice: notice), req.pageContext))
    }

    func formPage(_ req: Request, _ member: StaffMember, _ form: FormState, editing: StoredKB?, conflict: String? = nil,
                  status: HTTPStatus = .ok) async throws -> Response {
        let t = req.catalogue
        var offices: [(value: String, label: String)] = []
        if case .offices(let ids) = member.scope {
            for id in ids.sorted() { offices.append((id, try await req.directory.office(id: id)?.name ?? id)) }
        } else {
            offices = try await req.directory.offices(matching: nil, voivodeship: nil).map { ($0.id, $0.name) }
        }
        let store = KnowledgeBaseStore(db: req.db)
        var source: StoredKB? = nil
        if let s = UUID(uuidString: form["translation_of"]) { source = try await store.find(s) }
        let translations = try await editing.asyncMap { e in
            try await store.translations(of: e.id).map { (label: (Language(rawValue: $0.draft.language)?.nativeName ?? $0.draft.language) + ": " + $0.draft.title,
                                                         path: SiteRoute.staffKBEdit($0.id.uuidString.lowercased()).path) }
        } ?? []
        let outdated = editing.map { e in source.map { $0.version > (e.sourceVersion ?? 0) } ?? false } ?? false
        let model = StaffKBFormPage.Model(
            form: form, editingID: editing?.id.uuidString.lowercased(),
            kinds: KBKind.allCases.map { ($0.rawValue, t.text("kb.kind." + $0.rawValue)) },
            categories: KBCategory.allCases.map { ($0.rawValue, t.text("kb.category." + $0.rawValue)) },
            languages: Language.allCases.map { ($0.rawValue, $0.nativeName) }, offices: offices, allowNational: member.scope == .national,
            sourceTitle: source?.draft.title, outdated: outdated, translations: translations, conflict: conflict)
        return .html(StaffKBFormPage.render(model, req.pageContext), status: status)
    }

    @Sendable func newForm(req: Request, member: StaffMember) async throws -> Response {
        var values: [String: String] = ["kind": "faq", "category": "registration", "language": "pl", "office_id": member.primaryOffice ?? ""]
        // A translation starts from its Polish source.
        if let s = (try? req.query.get(String.self, at: "translation_of")).flatMap(UUID.init(uuidString:)),
           let source = try await KnowledgeBaseStore(db: req.db).find(s), source.sourceID == nil {
            values = Self.values(source)
            values["translation_of"] = source.id.uuidString; values["language"] = "en"; values["version"] = ""
        }
        return try await formPage(req, member, FormState(values: values), editing: nil)
    }

    /// An office the directory does not know is a field error, not a foreign-key failure.
    static func checkOffice(_ draft: inout KBDraft?, _ errors: inout [(field: String, message: String)], _ req: Request) async throws {
        guard let office = draft?.officeID, try await req.directory.office(id: office) == nil else { return }
        errors.append(("office_id", req.catalogue.text("desktop.office_unknown", ["office": office])))
        draft = nil
    }

    /// The office in the form must be one the member edits for (national: national editors).
    func checkScope(_ d: KBDraft, _ member: StaffMember, _ req: Request) throws {
        let target: ActionTarget = d.officeID.map(ActionTarget.office) ?? .national
        guard AuthorizationMatrix.decide(member.principal, .editOfficeContent, on: target) == .allowed else {
            throw Abort(.forbidden, reason: req.catalogue.text("error.foreign_office"))
        }
    }

    @Sendable func create(req: Request, member: StaffMember) async throws -> Response {
        let input = try req.content.decode(Input.self)
        var (draft, status, errors) = input.draft(req.catalogue)
        try await Self.checkOffice(&draft, &errors, req)
        guard let draft else { return try await formPage(req, member, FormState(values: input.values, errors: errors), editing: nil, status: .badRequest) }
        try checkScope(draft, member, req)
        let source = input.translation_of.flatMap(UUID.init(uuidString:))
        if draft.language == "pl" && source != nil || draft.language != "pl" && source == nil {
            let key = source == nil ? "kb.staff.translation_needs_source" : "kb.staff.polish_is_source"
            return try await formPage(req, member, FormState(values: input.values, errors: [("language", req.catalogue.text(key))]), editing: nil, status: .badRequest)
        }
        do {
            let id = try await KnowledgeBaseStore(db: req.db).create(draft, status: status, by: member.id, sourceID: source, analyzer: req.services.analyzer)
            return req.redirect(to: SiteRoute.staffKBEdit(id.uuidString.lowercased()).with(["notice": status == .published ? "published" : "saved"]), redirectType: .normal)
        } catch KBStoreError.sourceMissing {
            return try await formPage(req, member, FormState(values: input.values, errors: [("language", req.catalogue.text("kb.staff.source_missing"))]),
                                      editing: nil, status: .conflict)
        }
    }

    func entry(_ req: Request) async throws -> StoredKB {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let e = try await KnowledgeBaseStore(db: req.db).find(id) else { throw Abort(.notFound) }
        return e
    }

    @Sendable func editForm(req: Request, member: StaffMember) async throws -> Response {
        let e = try await entry(req)
        let notice = (try? req.query.get(String.self, at: "notice")).flatMap { ["saved", "published"].contains($0) ? req.catalogue.text("kb.staff.notice_" + $0) : nil }
        return try await formPage(req, member, FormState(values: Self.values(e)), editing: e, conflict: notice)
    }

    @Sendable func update(req: Request, member: StaffMember) async throws -> Response {
        let e = try await entry(req)
        let input = try req.content.decode(Input.self)
        var values = input.values
        values["translation_of"] = e.sourceID?.uuidString ?? ""
        var (draft, status, errors) = input.draft(req.catalogue)
        try await Self.checkOffice(&draft, &errors, req)
        if var d = draft, d.language != e.draft.language {
            // The language is what makes it a source or a translation: it stays.
            d.language = e.draft.language; draft = d
        }
        guard let draft, let version = Int(input.version ?? "") else {
            if Int(input.version ?? "") == nil { errors.append(("title", req.catalogue.text("kb.staff.version_missing"))) }
            return try await formPage(req, member, FormState(values: values, errors: errors), editing: e, status: .badRequest)
        }
        try checkScope(draft, member, req)
        do {
            try await KnowledgeBaseStore(db: req.db).update(e.id, draft, status: status, expectedVersion: version, by: member.id, analyzer: req.services.analyzer)
        } catch KBStoreError.changedMeanwhile(let current, let by, let at) {
            // Keep what this editor typed; say who saved in between and when.
            let who = try await StaffStore(db: req.db).names([by])[by.uuidString] ?? req.catalogue.text("kb.staff.someone")
            let message = req.catalogue.text("kb.staff.conflict", ["who": who, "when": DateText.dateTime(at, req.language), "version": "\(current)"])
            values["version"] = "\(current)"
            return try await formPage(req, member, FormState(values: values), editing: try await entry(req), conflict: message, status: .conflict)
        }
        return req.redirect(to: SiteRoute.staffKBEdit(e.id.uuidString.lowercased()).with(["notice": status == .published ? "published" : "saved"]), redirectType: .normal)
    }

    @Sendable func versions(req: Request, member: StaffMember) async throws -> Response {
        let e = try await entry(req)
        let list = try await KnowledgeBaseStore(db: req.db).versions(of: e.id)
        let names = try await StaffStore(db: req.db).names(Set(list.map(\.changedBy)))
        let versions = list.map { v in
            StaffKBVersionsPage.Version(number: v.version, when: DateText.dateTime(v.changedAt, req.language),
                                        who: names[v.changedBy.uuidString] ?? req.catalogue.text("kb.staff.system"),
                                        status: req.catalogue.text("kb.status." + v.status.rawValue), title: v.draft.title, body: v.draft.body)
        }
        return .html(StaffKBVersionsPage.render(id: e.id.uuidString.lowercased(), title: e.draft.title, versions: versions, req.pageContext))
    }

    @Sendable func delete(req: Request, member: StaffMember) async throws -> Response {
        let e = try await entry(req)
        do { try await KnowledgeBaseStore(db: req.db).delete(e.id) } catch KBStoreError.hasTranslations(let n) {
            return try await formPage(req, member, FormState(values: Self.values(e)), editing: e,
                                      conflict: req.catalogue.text("kb.staff.has_translations", ["count": "\(n)"]), status: .conflict)
        }
        return req.redirect(to: SiteRoute.staffKB.with(["notice": "deleted"]), redirectType: .normal)
    }
}
