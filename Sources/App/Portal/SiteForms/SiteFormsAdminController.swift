import Vapor
import Clients
import Views
import Access
import Content
import Storage
import Privacy

/// Editors build simple forms for their sections: questions in four languages, which must be
/// answered, how long the answers are kept (no longer than the privacy register allows), and
/// export the answers as CSV — a read of people's data, so it is in the audit log.
struct SiteFormsAdminController: Sendable {
    let pages = PagesAdminController()
    static let fieldRows = 6

    /// The register's limit for form answers, in days.
    static var maximumRetention: Int {
        if case .days(let d) = ProcessingRegister.purpose("form_answers")?.retention { return d }
        return 365
    }

    static func values(_ form: SiteForm) -> [String: String] {
        let d = form.draft
        var v = ["section": d.section.key, "retention_days": "\(d.retentionDays)", "open": d.open ? "on" : ""]
        for l in NewsDraft.languages {
            v["title_" + l] = d.title[l] ?? ""
            v["intro_" + l] = d.intro[l] ?? ""
            for (i, f) in d.fields.enumerated() {
                v["field\(i)_label_" + l] = f.label[l] ?? ""
                v["field\(i)_options_" + l] = f.options.map { $0[l] ?? "" }.joined(separator: "\n")
            }
        }
        for (i, f) in d.fields.enumerated() {
            v["field\(i)_kind"] = f.kind.rawValue
            v["field\(i)_required"] = f.required ? "on" : ""
        }
        return v
    }

    func formPage(_ req: Request, _ member: StaffMember, _ form: FormState, editing: SiteForm?, notice: String? = nil,
                  status: HTTPStatus = .ok) async throws -> Response {
        let t = req.catalogue
        let fixed = try await editing.asyncMap { try await SiteFormStore(db: req.db).count($0.id) > 0 } ?? false
        let model = StaffSiteFormPage.Model(
            form: form, editingID: editing?.id.uuidString.lowercased(), sections: try await pages.sections(req, member),
            kinds: SiteFormField.Kind.allCases.map { ($0.rawValue, t.text("forms.kind." + $0.rawValue)) },
            fieldRows: max(Self.fieldRows, editing?.draft.fields.count ?? 0), fieldsFixed: fixed, maximumRetention: Self.maximumRetention, notice: notice)
        return .html(StaffSiteFormPage.render(model, req.pageContext), status: status)
    }

    @Sendable func list(req: Request, member: StaffMember) async throws -> Response {
        let t = req.catalogue
        let sections = try await pages.sections(req, member).compactMap { ContentSection(key: $0.value) }
        let store = SiteFormStore(db: req.db)
        var rows: [StaffSiteFormsPage.Row] = []
        for f in try await store.list(sections: sections) {
            let id = f.id.uuidString.lowercased()
            rows.append(.init(title: f.draft.title(req.language.rawValue), section: try await PollsController.sectionName(f.draft.section, req),
                              state: t.text(f.draft.open ? "forms.state.open" : "forms.state.closed"), answers: try await store.count(f.id),
                              retention: t.plural("forms.days", count: f.draft.retentionDays, ["count": "\(f.draft.retentionDays)"]),
                              editPath: SiteRoute.staffFormEdit(id).path, publicPath: SiteRoute.siteForm(id).path, csvPath: SiteRoute.staffFormAnswers(id).path))
        }
        let notice = (try? req.query.get(String.self, at: "notice")) == "deleted" ? t.text("forms.staff.notice_deleted") : nil
        return .html(StaffSiteFormsPage.render(rows, notice: notice, req.pageContext))
    }

    @Sendable func newForm(req: Request, member: StaffMember) async throws -> Response {
        try await formPage(req, member, FormState(values: ["section": member.primaryOffice.map { "office:" + $0 } ?? "portal", "retention_days": "90",
                                                           "field0_kind": "text", "field0_required": "on"]), editing: nil)
    }

    /// The form as typed, or the field errors.
    func read(_ form: [String: String], _ req: Request, rows: Int) -> (SiteFormDraft?, [(field: String, message: String)]) {
        let t = req.catalogue
        var errors: [(field: String, message: String)] = []
        func texts(_ prefix: String) -> [String: String] {
            Dictionary(uniqueKeysWithValues: NewsDraft.languages.compactMap { l in
                let v = (form[prefix + l] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                return v.isEmpty ? nil : (l, v)
            })
        }
        let section = ContentSection(key: form["section"] ?? "")
        if section == nil { errors.append(("section", t.text("search.error.choice"))) }
        let days = Int((form["retention_days"] ?? "").trimmingCharacters(in: .whitespaces))
        if days == nil { errors.append(("retention_days", t.text("forms.error.retention", ["max": "\(Self.maximumRetention)"]))) }
        var fields: [SiteFormField] = []
        for i in 0..<rows {
            let label = texts("field\(i)_label_")
            guard !label.isEmpty else { continue }
            guard let kind = SiteFormField.Kind(rawValue: form["field\(i)_kind"] ?? "") else {
                errors.append(("field\(i)_kind", t.text("search.error.choice"))); continue
            }
            // Options: one per line, the lines of each language in the Polish lines' order.
            let lines = Dictionary(uniqueKeysWithValues: NewsDraft.languages.map { l in
                (l, (form["field\(i)_options_" + l] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            })
            let options: [[String: String]] = kind == .choice ? (lines["pl"] ?? []).indices.map { k in
                Dictionary(uniqueKeysWithValues: NewsDraft.languages.compactMap { l in (lines[l] ?? []).indices.contains(k) ? (l, lines[l]![k]) : nil })
            } : []
            fields.append(SiteFormField(label: label, kind: kind, required: form["field\(i)_required"] == "on", options: options))
        }
        guard let section, let days else { return (nil, errors) }
        let draft = SiteFormDraft(section: section, title: texts("title_"), intro: texts("intro_"), fields: fields, retentionDays: days, open: form["open"] == "on")
        // A problem names the n-th question kept; the form's rows may have gaps, so map it back to the row.
        let filledRows = (0..<rows).filter { !texts("field\($0)_label_").isEmpty }
        errors += draft.problems(maximumRetention: Self.maximumRetention).map { p in
            var field = p.field
            if field.hasPrefix("field"), let n = Int(field.dropFirst(5).prefix { $0.isNumber }), filledRows.indices.contains(n) {
                field = "field\(filledRows[n])" + field.dropFirst(5).drop { $0.isNumber }
            }
            if field == "fields" { field = "field0_label_pl" }
            return (field, t.text(p.key, p.arguments))
        }
        return (errors.isEmpty ? draft : nil, errors)
    }

    func save(_ req: Request, _ member: StaffMember, editing: SiteForm?) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        let rows = max(Self.fieldRows, editing?.draft.fields.count ?? 0)
        let (draft, errors) = read(form, req, rows: rows)
        guard let draft else { return try await formPage(req, member, FormState(values: form, errors: errors), editing: editing, status: .badRequest) }
        try pages.requireEdit(member, draft.section, from: editing?.draft.section, req)
        do {
            let id = try await SiteFormStore(db: req.db).save(editing?.id, draft, by: member.id,
                                                              audit: pages.audit(member, editing == nil ? "content.form.create" : "content.form.update"),
                                                              address: req.clientAddress)
            return req.redirect(to: SiteRoute.staffFormEdit(id.uuidString.lowercased()).with(["notice": "saved"]), redirectType: .normal)
        } catch SiteFormStoreError.fieldsFixed {
            return try await formPage(req, member, FormState(values: form, errors: [("field0_kind", req.catalogue.text("forms.staff.fields_fixed"))]),
                                      editing: editing, status: .conflict)
        }
    }

    @Sendable func create(req: Request, member: StaffMember) async throws -> Response { try await save(req, member, editing: nil) }

    func found(_ req: Request) async throws -> SiteForm {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let f = try await SiteFormStore(db: req.db).find(id) else { throw Abort(.notFound) }
        return f
    }

    @Sendable func editForm(req: Request, member: StaffMember) async throws -> Response {
        let f = try await found(req)
        let notice = (try? req.query.get(String.self, at: "notice")) == "saved" ? req.catalogue.text("forms.staff.notice_saved") : nil
        return try await formPage(req, member, FormState(values: Self.values(f)), editing: f, notice: notice)
    }

    @Sendable func update(req: Request, member: StaffMember) async throws -> Response { try await save(req, member, editing: try await found(req)) }

    @Sendable func delete(req: Request, member: StaffMember) async throws -> Response {
        let f = try await found(req)
        try await SiteFormStore(db: req.db).delete(f.id, audit: pages.audit(member, "content.form.delete"), address: req.clientAddress)
        return req.redirect(to: SiteRoute.staffForms.with(["notice": "deleted"]), redirectType: .normal)
    }

    /// The answers as CSV (UTF-8 with a byte-order mark, so spreadsheets read the Polish letters),
    /// one column per question in Polish and the time each came; the read is audited.
    @Sendable func answers(req: Request, member: StaffMember) async throws -> Response {
        let f = try await found(req)
        let answers = try await SiteFormStore(db: req.db).answers(f.id)
        try await AuditLog(db: req.db, address: req.clientAddress).append(
            AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: nil, action: "content.form.export",
                       detail: "form " + f.id.uuidString.lowercased() + " answers \(answers.count)", reason: ""))
        var csv = "\u{FEFF}" + CSVText.row([req.catalogue.text("forms.csv.submitted_at")] + f.draft.fields.map { $0.label("pl") })
        for a in answers {
            csv += CSVText.row([ISO8601DateFormatter().string(from: a.submittedAt)] + f.draft.fields.indices.map { a.values.indices.contains($0) ? a.values[$0] : "" })
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"form-\(f.id.uuidString.lowercased()).csv\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: csv))
    }
}
