import Vapor
import Views
import Access
import Clients
import Portal
import Storage
import Privacy
import Localization

/// Fabryka CV as the centre works it (`/staff/cv-factory`): a task list by due date rather than
/// the ACD's queues — a CV takes days, its offer must not lapse in seconds, and its measure is
/// the due date, not a service level. A consultant takes a request; a supervisor may hand it
/// to a colleague; the one holding it delivers: for an account, the CV written in the CV form
/// (from the seeker's CV when there is one), for a visitor, the finished file. Every opening of
/// a request (the requester's data, their CV or file) is in the audit log.
struct CVFactoryDeskController: Sendable {
    static func sections(_ draft: CVDraft, _ req: Request) async throws -> [CVPrintPage.Section] {
        let occupation = try await draft.occupationCode.asyncMap { try await OfferStore(db: req.db).occupation($0)?.name } ?? nil
        return CVViews.printModel(draft, name: nil, email: "", phone: nil, occupationName: occupation, req).sections
    }

    func request(_ req: Request) async throws -> CVFactoryRequest {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let r = try await CVFactoryStore(db: req.db).find(id) else {
            throw Abort(.notFound)
        }
        return r
    }

    func row(_ r: CVFactoryRequest, names: [String: String], _ req: Request, now: Date) -> StaffCVFactoryPage.Row {
        let t = req.catalogue
        return StaffCVFactoryPage.Row(
            id: r.id.uuidString.lowercased(), due: DateText.date(r.dueAt, req.language), overdue: r.isOverdue(at: now), kind: t.text("cvf.kind." + r.kind.rawValue),
            language: Locale(identifier: req.language.rawValue).localizedString(forLanguageCode: r.targetLanguage) ?? r.targetLanguage,
            requester: r.name ?? r.email, status: t.text("cvf.status." + r.status.rawValue),
            assignee: r.assignedTo.flatMap { names[$0.uuidString.lowercased()] } ?? t.text("cvf.nobody"))
    }

    func audit(_ req: Request, _ member: StaffMember, _ r: CVFactoryRequest, _ what: String) async throws {
        try await AuditLog(db: req.db, address: req.clientAddress).appendRead(AuditEntry(
            actorID: member.id, actorOfficeID: member.primaryOffice, clientID: nil, action: "cv_factory." + what,
            detail: r.id.uuidString.lowercased(), reason: "cv_factory"))
    }

    @Sendable func list(req: Request, member: StaffMember) async throws -> Response {
        let filter = (try? req.query.get(String.self, at: "filter")).flatMap { ["mine", "unassigned", "all"].contains($0) ? $0 : nil } ?? "all"
        let store = CVFactoryStore(db: req.db)
        let requests = switch filter {
        case "mine": try await store.queue(assignedTo: member.id)
        case "unassigned": try await store.queue(unassigned: true)
        default: try await store.queue()
        }
        let names = try await StaffStore(db: req.db).names(Set(requests.compactMap(\.assignedTo)))
        let now = Date()
        let notice = (try? req.query.get(String.self, at: "notice")).flatMap { ["taken", "assigned", "delivered"].contains($0) ? $0 : nil }
        return .html(StaffCVFactoryPage.render(.init(rows: requests.map { row($0, names: names, req, now: now) }, filter: filter,
                                                     notice: notice.map { req.catalogue.text("cvf.notice." + $0) }), req.pageContext))
    }

    func detailModel(_ r: CVFactoryRequest, _ req: Request, _ member: StaffMember, form: FormState = FormState()) async throws -> StaffCVFactoryPage.DetailModel {
        let names = try await StaffStore(db: req.db).names(Set([r.assignedTo].compactMap { $0 }))
        var m = StaffCVFactoryPage.DetailModel(row: row(r, names: names, req, now: Date()), note: r.note, email: r.email, forAccount: r.accountID != nil)
        if let source = r.sourceCV, let account = r.accountID, let cv = try await CVStore(db: req.db).find(source, account: account) {
            m.source = try await Self.sections(cv.draft, req)
        }
        m.sourceFile = r.hasSourceFile
        if let result = r.result { m.result = try await Self.sections(result, req) }
        m.resultFile = r.hasResultFile
        m.returnReason = r.returnReason
        m.canTake = r.status.isOpen && r.assignedTo != member.id
        m.canDeliver = r.status == .inProgress && r.assignedTo == member.id
        if AuthorizationMatrix.allows(member.roles, .assignCVFactory), r.status.isOpen || r.status == .delivered {
            m.assignees = try await StaffStore(db: req.db).all()
                .filter { $0.active && $0.scope == .national && AuthorizationMatrix.allows($0.roles, .workCVFactory) }
                .map { ($0.id.uuidString.lowercased(), $0.displayName) }
        }
        m.form = form
        let notice = (try? req.query.get(String.self, at: "notice")).flatMap { ["taken", "assigned", "delivered"].contains($0) ? $0 : nil }
        m.notice = notice.map { req.catalogue.text("cvf.notice." + $0) }
        return m
    }

    @Sendable func show(req: Request, member: StaffMember) async throws -> Response {
        let r = try await request(req)
        try await audit(req, member, r, "read")
        return .html(StaffCVFactoryPage.renderDetail(try await detailModel(r, req, member), req.pageContext))
    }

    @Sendable func sourceFile(req: Request, member: StaffMember) async throws -> Response {
        let r = try await request(req)
        guard let file = try await CVFactoryStore(db: req.db).file(r.id, .source) else { throw Abort(.notFound) }
        try await audit(req, member, r, "read_file")
        return CVController.pdf(file.name, file.data)
    }

    @Sendable func take(req: Request, member: StaffMember) async throws -> Response {
        let r = try await request(req)
        do {
            try await CVFactoryStore(db: req.db).step(r.id, .take, now: Date()) { $0.assignedTo = member.id }
        } catch CVFactoryStoreError.notAllowed(let status) {
            throw Abort(.conflict, reason: req.catalogue.text("cvf.not_now", ["status": req.catalogue.text("cvf.status." + status.rawValue)]))
        }
        return req.redirect(to: SiteRoute.staffCVFactoryRequest(r.id.uuidString.lowercased()).with(["notice": "taken"]), redirectType: .normal)
    }

    struct AssignInput: Content { var assignee: String? }

    @Sendable func assign(req: Request, member: StaffMember) async throws -> Response {
        let r = try await request(req)
        let chosen = try req.content.decode(AssignInput.self).assignee.flatMap(UUID.init(uuidString:))
        guard let chosen, let colleague = try await StaffStore(db: req.db).find(chosen), colleague.active, colleague.scope == .national,
              AuthorizationMatrix.allows(colleague.roles, .workCVFactory) else {
            throw Abort(.badRequest, reason: req.catalogue.text("cvf.assignee_unknown"))
        }
        do { try await CVFactoryStore(db: req.db).assign(r.id, to: colleague.id, now: Date()) } catch CVFactoryStoreError.notFound {
            throw Abort(.conflict, reason: req.catalogue.text("cvf.not_now", ["status": req.catalogue.text("cvf.status." + r.status.rawValue)]))
        }
        return req.redirect(to: SiteRoute.staffCVFactoryRequest(r.id.uuidString.lowercased()).with(["notice": "assigned"]), redirectType: .normal)
    }

    /// The request must be in progress and in the member's hands to be delivered.
    func held(_ r: CVFactoryRequest, _ member: StaffMember, _ req: Request) throws {
        guard r.status == .inProgress, r.assignedTo == member.id else { throw Abort(.conflict, reason: req.catalogue.text("cvf.take_first")) }
    }

    /// The CV form for an account's request: the last result, else the seeker's CV, else empty.
    @Sendable func writeForm(req: Request, member: StaffMember) async throws -> Response {
        let r = try await request(req)
        try held(r, member, req)
        guard let account = r.accountID else { throw Abort(.notFound) }
        var start = r.result
        if start == nil, let source = r.sourceCV { start = try await CVStore(db: req.db).find(source, account: account)?.draft }
        let values = start.map(CVForm.values) ?? ["experience_months": "0", "education": "none"]
        try await audit(req, member, r, "read")
        return writePage(req, r, FormState(values: values))
    }

    func writePage(_ req: Request, _ r: CVFactoryRequest, _ form: FormState, status: HTTPStatus = .ok) -> Response {
        let id = r.id.uuidString.lowercased(), t = req.catalogue
        var m = CVFormPage.Model(form: form, editingID: nil)
        m.action = SiteRoute.staffCVFactoryDeliver(id).path
        m.title = t.text("cvf.write")
        m.intro = t.text("cvf.write_intro", ["note": r.note])
        m.back = (SiteRoute.staffCVFactoryRequest(id).path, t.text("cvf.staff_request"))
        return .html(CVFormPage.render(m, req.pageContext), status: status)
    }

    struct FileInput: Content { var file: File? }

    @Sendable func deliver(req: Request, member: StaffMember) async throws -> Response {
        let r = try await request(req)
        try held(r, member, req)
        let t = req.catalogue
        let now = Date()
        var change: @Sendable (inout CVFactoryRequest) -> Void = { _ in }
        var file: (name: String, data: Data)? = nil
        if r.accountID != nil {
            guard let (draft, _, _) = try await CVController().prepare(req) else {
                return writePage(req, r, req.storage[CVController.CVErrorsKey.self] ?? FormState(), status: .badRequest)
            }
            change = { $0.result = draft; $0.returnReason = nil }
        } else {
            let upload = try? req.content.decode(FileInput.self).file
            let data = upload.map { Data($0.data.readableBytesView) } ?? Data()
            do { try CVFile.check(data) } catch {
                let form = FormState(errors: [("file", t.text("form.invalid_field", ["field": t.text("cvf.result_file"), "reason": t.text(error.rawValue, ["max": "5"])]))])
                return .html(StaffCVFactoryPage.renderDetail(try await detailModel(r, req, member, form: form), req.pageContext),
                             status: error == .tooBig ? .payloadTooLarge : .badRequest)
            }
            file = (CVController.safeFileName(upload?.filename ?? "cv.pdf"), data)
            change = { $0.returnReason = nil }
        }
        let language = Language(rawValue: r.language) ?? .pl
        let link = req.services.config.publicURL + SiteRoute.cvFactoryStatus(CVFactoryController().key(for: r.id, req)).path
        let mail = MailComposer(publicURL: req.services.config.publicURL)
            .compose(to: r.email, kind: "cv_factory_ready", language: language, subjectKey: "mail.cvf_ready.subject",
                     paragraphs: [r.accountID == nil ? "mail.cvf_ready.file" : "mail.cvf_ready.body"], link: link)
        do {
            try await CVFactoryStore(db: req.db).step(r.id, .deliver, now: now, change: change, file: file) { tx, _ in
                try await Outbox(db: tx).enqueue(mail)
            }
        } catch CVFactoryStoreError.notAllowed(let status) {
            throw Abort(.conflict, reason: t.text("cvf.not_now", ["status": t.text("cvf.status." + status.rawValue)]))
        }
        return req.redirect(to: SiteRoute.staffCVFactory.with(["notice": "delivered"]), redirectType: .normal)
    }
}
