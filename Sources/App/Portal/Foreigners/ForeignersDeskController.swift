import Vapor
import Views
import Foreigners
import Storage
import Privacy
import Localization
import Clients

/// The generator seen by staff: which fields of which form version go wrong or are abandoned
/// (counts only), and a caller's draft opened by its code from the screen pop, with the
/// caller's consent, read only and written to the audit log.
struct ForeignersDeskController {
    /// Codes a consultant may try in a quarter of an hour: a code is 40 bits, guessing must not pay.
    static let codeTries = 10

    var library: FormLibrary { .shipped }

    @Sendable func quality(req: Request, member: StaffMember) async throws -> Response {
        let text = ForeignerText(req)
        let counts = try await ForeignerDraftStore(db: req.db).counts()
        func formName(_ form: String, _ version: String) -> String {
            (ApplicationKind(rawValue: form).flatMap { library.form($0, version: version) }?.title[text.language] ?? form) + " (" + version + ")"
        }
        func languageName(_ code: String) -> String { Locale(identifier: text.language).localizedString(forLanguageCode: code) ?? code }
        let live = try await ForeignerDraftStore(db: req.db).liveCounts()
        var totals: [String: (form: String, version: String, language: String, started: Int, printed: Int)] = [:]
        var fields: [String: (form: String, version: String, language: String, field: String, wrong: Int, abandoned: Int)] = [:]
        for c in counts {
            let key = [c.form, c.version, c.language].joined(separator: "|")
            switch c.kind {
            case .started, .printed:
                var t = totals[key] ?? (c.form, c.version, c.language, 0, 0)
                if c.kind == .started { t.started += c.count } else { t.printed += c.count }
                totals[key] = t
            case .wrong, .abandoned:
                let fkey = key + "|" + c.field
                var f = fields[fkey] ?? (c.form, c.version, c.language, c.field, 0, 0)
                if c.kind == .wrong { f.wrong += c.count } else { f.abandoned += c.count }
                fields[fkey] = f
            }
        }
        let m = ForeignerPages.QualityModel(
            totals: totals.values.sorted { ($0.form, $0.version, $0.language) < ($1.form, $1.version, $1.language) }.map { t in
                .init(form: formName(t.form, t.version), language: languageName(t.language), started: t.started, printed: t.printed,
                      live: live[[t.form, t.version, t.language].joined(separator: "|")] ?? 0)
            },
            rows: fields.values.sorted { ($0.wrong + $0.abandoned, $1.field) > ($1.wrong + $1.abandoned, $0.field) }.prefix(200).map { f in
                let form = ApplicationKind(rawValue: f.form).flatMap { library.form($0, version: f.version) }
                return .init(form: formName(f.form, f.version), language: languageName(f.language),
                             field: form.map { text.label($0, f.field) } ?? f.field, wrong: f.wrong, abandoned: f.abandoned)
            })
        return .html(ForeignerPages.renderQuality(m, req.pageContext))
    }

    struct GuideInput: Content { var code: String?; var consent: String? }

    @Sendable func guide(req: Request, member: StaffMember) async throws -> Response {
        let input = try req.content.decode(GuideInput.self)
        let t = req.catalogue
        // Refused: the screen pop again, the problem at its field.
        func refuse(_ field: String, _ key: String, _ status: HTTPStatus) async throws -> Response {
            try await DesktopController().interactionPage(req, member, form: FormState(values: ["code": input.code ?? ""], errors: [(field, t.text(key))]),
                                                          notice: nil, status: status)
        }
        guard input.consent == "on" else { return try await refuse("consent", "fg.guide_consent_required", .badRequest) }
        guard try await RateLimiter(db: req.db).hit("foreigner-code:" + member.id.uuidString, limit: Self.codeTries, window: 900) else {
            return try await refuse("code", "fg.guide_too_many", .tooManyRequests)
        }
        let drafts = ForeignerDrafts(req: req)
        // A code mistyped, unknown or expired gets one answer: nothing about which it was.
        guard let code = DraftCode.normalized(input.code ?? ""), let record = try await drafts.store.find(codeIndexes: drafts.codeIndexes(code)),
              let kind = ApplicationKind(rawValue: record.form), let form = library.form(kind, version: record.version) else {
            return try await refuse("code", "fg.guide_not_found", .notFound)
        }
        let interaction = req.parameters.get("id") ?? ""
        try await AuditLog(db: req.db, address: req.clientAddress).append(AuditEntry(
            actorID: member.id, actorOfficeID: member.primaryOffice, clientID: nil, action: "foreigners.draft.read",
            detail: record.id.uuidString.lowercased(), reason: "caller's consent on contact " + interaction))
        let content = try drafts.unseal(record.content)
        let text = ForeignerText(req)
        let issues = FormCheck.issues(form, content.values, today: ForeignerDrafts.today()).map { issue in
            text.located(issue, form) + " (" + t.text("fg." + issue.severity.rawValue) + ")"
        }
        let printed = PrintedForm(form, content.values)
        // Labels in the consultant's language next to the values as they will be printed.
        let sections = zip(form.sections, printed.sections).map { s, p in
            (heading: p.heading, rows: zip(s.fields, p.rows).map { f, r in (label: f.label[text.language], value: r.value) })
        }
        let m = ForeignerPages.GuideModel(
            interaction: interaction, formTitle: form.title[text.language], version: form.version,
            language: Locale(identifier: text.language).localizedString(forLanguageCode: record.language) ?? record.language, code: content.code,
            updated: DateText.dateTime(record.updatedAt, req.language), issues: issues, sections: sections)
        let res = Response.html(ForeignerPages.renderGuide(m, req.pageContext))
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return res
    }
}
