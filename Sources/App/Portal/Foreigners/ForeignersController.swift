import Vapor
import Views
import Foreigners
import Directory
import Identity
import Storage
import Localization

/// The foreigners' application generator (`/foreigners`): the forms in force, a guided path
/// per application in steps, the form's own rules checked while filling, drafts under an
/// unguessable link and a short code (kept in the account when signed in), the checklist
/// before printing and the result in Polish, as a print page and a PDF.
struct ForeignersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.foreigners.pathComponents, use: index)
        routes.get(SiteRoute.foreignerForm(":form").pathComponents, use: intro)
        routes.post(SiteRoute.foreignerForm(":form").pathComponents, use: start)
        routes.get(SiteRoute.foreignerDraft(":form", draft: ":draft").pathComponents, use: resume)
        routes.get(SiteRoute.foreignerStep(":form", draft: ":draft", step: ":step").pathComponents, use: step)
        routes.post(SiteRoute.foreignerStep(":form", draft: ":draft", step: ":step").pathComponents, use: saveStep)
        routes.get(SiteRoute.foreignerCheck(":form", draft: ":draft").pathComponents, use: check)
        routes.get(SiteRoute.foreignerPrint(":form", draft: ":draft").pathComponents, use: print)
        routes.get(SiteRoute.foreignerPDF(":form", draft: ":draft").pathComponents, use: pdf)
        routes.post(SiteRoute.foreignerDelete(":form", draft: ":draft").pathComponents, use: delete)
    }

    /// Drafts one address may start in an hour (a draft is a row; a script must not fill the table).
    static let startsPerHour = 30

    var library: FormLibrary { .shipped }

    // MARK: the forms

    @Sendable func index(req: Request) async throws -> Response {
        let text = ForeignerText(req), today = ForeignerDrafts.today()
        var m = ForeignerPages.IndexModel(forms: ApplicationKind.allCases.compactMap { library.current($0, on: today) }.map { f in
            .init(slug: f.kind.rawValue, title: f.title[text.language], summary: f.summary[text.language],
                  version: text.t("fg.version", ["version": f.version]) + " · " + text.validity(f))
        })
        if let account = try await req.signedInAccount() {
            m.signedIn = true
            m.drafts = try await ForeignerDraftStore(db: req.db).list(account: account.id).compactMap { d in
                guard let kind = ApplicationKind(rawValue: d.form), let form = library.form(kind, version: d.version) else { return nil }
                // The account's list links by the draft's own id signed, never by its stored token hash.
                return .init(title: form.title[text.language], updated: DateText.dateTime(d.updatedAt, req.language),
                             link: SiteRoute.foreignerDraft(d.form, draft: accountKey(d.id, req)).path, printed: d.printedAt != nil)
            }
        }
        if (try? req.query.get(String.self, at: "notice")) == "deleted" { m.notice = text.t("fg.deleted") }
        return .html(ForeignerPages.renderIndex(m, req.pageContext))
    }

    /// An account's draft opens from its list by a signed key ("a." + id + signature) that
    /// works only while that account is signed in.
    func accountKey(_ id: UUID, _ req: Request) -> String {
        "a." + id.uuidString.lowercased() + "." + Secrets.signature(id, purpose: "foreigner-draft", key: req.services.secrets.foreignerDraftKey)
    }

    func currentForm(_ req: Request) throws -> ApplicationForm {
        guard let kind = ApplicationKind(rawValue: req.parameters.get("form") ?? ""),
              let form = library.current(kind, on: ForeignerDrafts.today()) else { throw Abort(.notFound) }
        return form
    }

    @Sendable func intro(req: Request) async throws -> Response {
        let form = try currentForm(req), text = ForeignerText(req)
        var m = ForeignerPages.IntroModel(
            slug: form.kind.rawValue, title: form.title[text.language], summary: form.summary[text.language], official: form.official,
            legalBasis: form.legalBasis, validity: text.validity(form), filing: form.filing[text.language], fee: form.fee[text.language],
            reviews: form.reviewNotes.map { $0.text[text.language] }, steps: form.sections.map { $0.title[text.language] })
        m.signedIn = try await req.signedInAccount() != nil
        return .html(ForeignerPages.renderIntro(m, req.pageContext))
    }

    @Sendable func start(req: Request) async throws -> Response {
        let form = try currentForm(req)
        guard try await RateLimiter(db: req.db).hit("foreigner-start:" + req.clientAddress, limit: Self.startsPerHour, window: 3_600) else {
            throw Abort(.tooManyRequests, reason: req.catalogue.text("fg.too_many"))
        }
        let account = try await req.signedInAccount()
        let (token, _) = try await ForeignerDrafts(req: req).create(form, account: account?.id)
        return req.redirect(to: SiteRoute.foreignerStep(form.kind.rawValue, draft: token, step: form.sections[0].id).path, redirectType: .normal)
    }

    // MARK: one draft

    /// The draft of the path: by its link's token, or from the account's list by a signed key.
    func open(_ req: Request) async throws -> OpenedForeignerDraft {
        let key = req.parameters.get("draft") ?? ""
        guard key.hasPrefix("a.") else { return try await ForeignerDrafts(req: req).open() }
        let parts = key.dropFirst(2).split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let id = UUID(uuidString: parts[0]),
              Secrets.isSigned(id, purpose: "foreigner-draft", given: String(parts[1]), keys: req.services.secrets.accepted(\.foreignerDraftKey)),
              let account = try await req.signedInAccount() else { throw Abort(.notFound) }
        return try await ForeignerDrafts(req: req).open(id: id, account: account.id, key: key)
    }

    func draftInfo(_ d: OpenedForeignerDraft, current: String?, _ req: Request) -> ForeignerPages.DraftInfo {
        let text = ForeignerText(req)
        let sections = d.sections
        let reached = d.record.step
        let steps = sections.enumerated().map { i, s in
            ForeignerPages.Step(title: s.title[text.language], link: SiteRoute.foreignerStep(d.slug, draft: d.token, step: s.id).path,
                                state: s.id == current ? .current : i < reached ? .done : .todo)
        } + [ForeignerPages.Step(title: text.t("fg.check_title"), link: SiteRoute.foreignerCheck(d.slug, draft: d.token).path,
                                 state: current == nil ? .current : .todo)]
        var info = ForeignerPages.DraftInfo(formTitle: d.form.title[text.language], code: d.content.code,
                                            link: req.services.config.publicURL + SiteRoute.foreignerDraft(d.slug, draft: d.token).path,
                                            expires: d.record.expiresAt.map { DateText.date($0, req.language) }, steps: steps,
                                            checkLink: SiteRoute.foreignerCheck(d.slug, draft: d.token).path)
        info.changes = d.content.changes.map { text.change($0, d.form) }
        return info
    }

    @Sendable func resume(req: Request) async throws -> Response {
        let d = try await open(req)
        let sections = d.sections
        let target = d.record.step < sections.count ? SiteRoute.foreignerStep(d.slug, draft: d.token, step: sections[d.record.step].id).path
                                                     : SiteRoute.foreignerCheck(d.slug, draft: d.token).path
        return req.redirect(to: target, redirectType: .normal)
    }

    func section(_ d: OpenedForeignerDraft, _ req: Request) throws -> (index: Int, section: FormSection) {
        let id = req.parameters.get("step") ?? ""
        guard let i = d.sections.firstIndex(where: { $0.id == id }) else { throw Abort(.notFound) }
        return (i, d.sections[i])
    }

    func stepModel(_ d: OpenedForeignerDraft, _ index: Int, _ s: FormSection, form state: FormState, issues: [FieldIssue],
                   _ req: Request) -> ForeignerPages.StepModel {
        let text = ForeignerText(req), sections = d.sections
        let fields = s.fields.map { f in text.field(f, in: d.form, doubt: issues.first { $0.field == f.id && $0.severity == .doubtful }) }
        var m = ForeignerPages.StepModel(
            draft: draftInfo(d, current: s.id, req), number: index + 1, count: sections.count, title: s.title[text.language],
            help: s.help?[text.language], fields: fields, action: SiteRoute.foreignerStep(d.slug, draft: d.token, step: s.id).path,
            back: index > 0 ? SiteRoute.foreignerStep(d.slug, draft: d.token, step: sections[index - 1].id).path : nil)
        m.form = state
        return m
    }

    /// The step's values and its fields' problems as the form shows them (a Latin spelling
    /// offered in place of a Cyrillic name).
    func state(_ d: OpenedForeignerDraft, _ s: FormSection, issues: [FieldIssue], showMissing: Bool, _ req: Request) -> FormState {
        let text = ForeignerText(req)
        var state = FormState(values: d.content.values)
        for f in s.fields {
            for issue in issues where issue.field == f.id && (issue.severity == .wrong || (showMissing && issue.severity == .missing)) {
                if let s = issue.suggestion { state.values[f.id] = s }
                state.errors.append((f.id, text.line(issue, d.form)))
            }
        }
        return state
    }

    @Sendable func step(req: Request) async throws -> Response {
        let d = try await open(req)
        let (i, s) = try section(d, req)
        let issues = FormCheck.issues(d.form, d.content.values, today: ForeignerDrafts.today())
        let m = stepModel(d, i, s, form: state(d, s, issues: issues, showMissing: false, req), issues: issues, req)
        return .html(ForeignerPages.renderStep(m, req.pageContext))
    }

    @Sendable func saveStep(req: Request) async throws -> Response {
        var d = try await open(req)
        let (i, s) = try section(d, req)
        let body = try req.content.decode([String: String].self)
        for f in s.fields {
            let value = FormCheck.normalized(body[f.id] ?? "", for: f)
            d.content.values[f.id] = value.isEmpty ? nil : value
        }
        // An answer to a question that no longer applies is not kept (it would never be printed).
        for f in s.fields where !(f.when?.holds(d.content.values) ?? true) { d.content.values[f.id] = nil }
        let issues = FormCheck.issues(d.form, d.content.values, today: ForeignerDrafts.today())
        let ids = Set(s.fields.map(\.id))
        let blocking = issues.filter { ids.contains($0.field) && $0.blocksPrinting }
        let newlyWrong = Set(blocking.filter { $0.severity == .wrong }.map(\.field)).subtracting(d.content.wrong).sorted()
        d.content.wrong += newlyWrong
        if blocking.isEmpty { d.record.step = max(d.record.step, i + 1) }
        let (form, version, language) = (d.form.kind.rawValue, d.form.version, req.language.rawValue)
        d = try ForeignerDrafts(req: req).sealed(d)
        let record = d.record
        try await req.db.transaction { tx in
            try await ForeignerDraftStore(db: tx).save(record)
            try await ForeignerDraftStore(db: tx).count(.wrong, form: form, version: version, language: language, fields: newlyWrong)
        }
        guard blocking.isEmpty else {
            let m = stepModel(d, i, s, form: state(d, s, issues: issues, showMissing: true, req), issues: issues, req)
            return .html(ForeignerPages.renderStep(m, req.pageContext), status: .unprocessableEntity)
        }
        if body["go"] == "stay" {
            var m = stepModel(d, i, s, form: state(d, s, issues: issues, showMissing: false, req), issues: issues, req)
            m.notice = req.catalogue.text("fg.saved")
            return .html(ForeignerPages.renderStep(m, req.pageContext))
        }
        let sections = d.sections
        let next = sections.firstIndex { $0.id == s.id }.flatMap { $0 + 1 < sections.count ? sections[$0 + 1] : nil }
        return req.redirect(to: next.map { SiteRoute.foreignerStep(d.slug, draft: d.token, step: $0.id).path }
                                ?? SiteRoute.foreignerCheck(d.slug, draft: d.token).path, redirectType: .normal)
    }

    // MARK: checklist, print, PDF

    @Sendable func check(req: Request) async throws -> Response {
        let d = try await open(req)
        let text = ForeignerText(req)
        let issues = FormCheck.issues(d.form, d.content.values, today: ForeignerDrafts.today())
        func items(_ severity: FieldIssue.Severity) -> [ForeignerPages.Issue] {
            issues.filter { $0.severity == severity }.map { issue in
                .init(text: text.located(issue, d.form),
                      link: SiteRoute.foreignerStep(d.slug, draft: d.token, step: d.form.section(of: issue.field)?.id ?? "").path + "#" + issue.field)
            }
        }
        var m = ForeignerPages.CheckModel(
            draft: draftInfo(d, current: nil, req), wrong: items(.wrong), missing: items(.missing), doubtful: items(.doubtful),
            filing: d.form.filing[text.language], fee: d.form.fee[text.language], reviews: d.form.reviewNotes.map { $0.text[text.language] },
            attachments: d.form.attachments.map { $0.label[text.language] }, printLink: SiteRoute.foreignerPrint(d.slug, draft: d.token).path,
            pdfLink: SiteRoute.foreignerPDF(d.slug, draft: d.token).path, deleteAction: SiteRoute.foreignerDelete(d.slug, draft: d.token).path)
        m.authority = try await authority(d, req)
        return .html(ForeignerPages.renderCheck(m, req.pageContext))
    }

    /// Who decides, from the address the form gives: the voivode (and the foreigners'
    /// department's address) or the powiat labour office of the employer's seat.
    func authority(_ d: OpenedForeignerDraft, _ req: Request) async throws -> (name: String, address: String, note: String?)? {
        guard let raw = d.content.values[d.form.authorityPostalCode], let code = try? PostalCode(raw) else { return nil }
        let t = req.catalogue
        switch d.form.authority {
        case .voivodeOfStay, .voivodeOfEmployerSeat:
            guard let entry = try await req.directory.postalCode(code.value),
                  let office = try await req.directory.offices(matching: nil, voivodeship: entry.voivodeshipCode).first(where: { $0.kind == .uw })
            else { return nil }
            return described(office)
        case .labourOfficeOfEmployerSeat:
            return try await req.locator.servingOffice(code).map(described)
        }
        func described(_ office: Office) -> (name: String, address: String, note: String?) {
            let address = [office.street, [office.postalCode, office.locality].compactMap { $0 }.joined(separator: " ")].compactMap { $0 }
                .filter { !$0.isEmpty }.joined(separator: ", ")
            return (office.name, address.isEmpty ? office.locality : address, office.verified ? nil : t.text("fg.address_unverified"))
        }
    }

    /// The form ready to print, or the checklist while something is missing or wrong.
    func printable(_ req: Request) async throws -> (OpenedForeignerDraft, PrintedForm)? {
        var d = try await open(req)
        let issues = FormCheck.issues(d.form, d.content.values, today: ForeignerDrafts.today())
        guard !issues.contains(where: \.blocksPrinting) else { return nil }
        if d.record.printedAt == nil {
            d.record.printedAt = Date()
            let (form, version, language) = (d.form.kind.rawValue, d.form.version, req.language.rawValue)
            d = try ForeignerDrafts(req: req).sealed(d)
            let record = d.record
            try await req.db.transaction { tx in
                try await ForeignerDraftStore(db: tx).save(record)
                try await ForeignerDraftStore(db: tx).count(.printed, form: form, version: version, language: language, fields: [""])
            }
        }
        return (d, PrintedForm(d.form, d.content.values))
    }

    func footer(_ d: OpenedForeignerDraft) -> String {
        "Wzór: \(d.form.official.lowercased(with: FormCheck.polish)), wersja \(d.form.version). Przygotowano w generatorze Zielonej Linii \(ForeignerDrafts.today())."
    }

    @Sendable func print(req: Request) async throws -> Response {
        guard let (d, printed) = try await printable(req) else {
            return req.redirect(to: SiteRoute.foreignerCheck(req.parameters.get("form") ?? "", draft: req.parameters.get("draft") ?? "").path, redirectType: .normal)
        }
        let m = ForeignerPages.PrintModel(
            title: printed.title, legalBasis: printed.legalBasis, sections: printed.sections.map { s in (s.heading, s.rows.map { ($0.label, $0.value) }) },
            attachments: printed.attachments, footer: footer(d), back: SiteRoute.foreignerCheck(d.slug, draft: d.token).path,
            pdf: SiteRoute.foreignerPDF(d.slug, draft: d.token).path)
        let res = Response.html(ForeignerPages.renderPrint(m, req.pageContext))
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return res
    }

    @Sendable func pdf(req: Request) async throws -> Response {
        guard let (d, printed) = try await printable(req) else {
            return req.redirect(to: SiteRoute.foreignerCheck(req.parameters.get("form") ?? "", draft: req.parameters.get("draft") ?? "").path, redirectType: .normal)
        }
        return CVController.pdf(d.slug + ".pdf", printed.pdf(footer: footer(d)))
    }

    @Sendable func delete(req: Request) async throws -> Response {
        let d = try await open(req)
        try await ForeignerDraftStore(db: req.db).delete(d.record.id)
        return req.redirect(to: SiteRoute.foreigners.with(["notice": "deleted"]), redirectType: .normal)
    }
}
