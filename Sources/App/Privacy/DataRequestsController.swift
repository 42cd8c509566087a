import Vapor
import Views
import Access
import Clients
import Fluent
import Privacy
import Storage
import Reporting
import Localization
import Identity

/// `/staff/privacy`: the data protection officer's register of requests and complaints of
/// their offices (national ones for national staff), open ones by deadline; one request read
/// (audited), answered by e-mail from here, or its deadline extended with a reason told to the
/// person — once, by one or two months, within the first month.
struct DataRequestsController: Sendable {
    static let calendar = ReportInterval.polishCalendar

    @Sendable func list(req: Request, member: StaffMember) async throws -> Response {
        try await listPage(req, member)
    }

    func listPage(_ req: Request, _ member: StaffMember, form: FormState = FormState(), status: HTTPStatus = .ok) async throws -> Response {
        let now = Date(), language = req.language
        let names = Dictionary(try await req.directory.offices(matching: nil, voivodeship: nil).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = try await DataRequestStore(db: req.db).list(offices: member.listedOffices(req), calendar: Self.calendar).map { r in
            let d = r.deadline(Self.calendar)
            return DataRequestsPage.Row(id: r.id.uuidString, reference: r.reference, kind: r.kind.rawValue, received: DateText.date(r.receivedAt, language),
                                        due: DateText.date(d.due, language), daysLeft: r.status == .received ? d.daysLeft(now: now) : nil,
                                        office: r.officeID.map { names[$0] ?? $0 } ?? req.catalogue.text("privacy_requests.national"),
                                        status: r.status.rawValue)
        }
        var offices: [(value: String, label: String)] = []
        if case .offices(let ids) = member.scope {
            offices = ids.sorted().map { ($0, names[$0] ?? $0) }
        } else {
            offices = [("", req.catalogue.text("privacy_requests.national"))] + names.sorted { $0.value < $1.value }.map { ($0.key, $0.value) }
        }
        return .html(DataRequestsPage.render(.init(rows: rows, notice: nil), register: .init(offices: offices, form: form), req.pageContext), status: status)
    }

    struct RegisterInput: Content { var kind: String?; var channel: String?; var office_id: String?; var name: String?; var email: String?; var text: String? }

    /// A request that came by e-mail, phone or letter, registered by the officer: the same
    /// deadline from today, acknowledged by e-mail when an address is known.
    @Sendable func register(req: Request, member: StaffMember) async throws -> Response {
        let t = req.catalogue, input = try req.content.decode(RegisterInput.self)
        var form = FormState(values: ["kind": input.kind ?? "", "channel": input.channel ?? "", "office_id": input.office_id ?? "",
                                      "name": input.name ?? "", "email": input.email ?? "", "text": input.text ?? ""])
        let kind = input.kind.flatMap(DataRequestKind.init(rawValue:))
        if kind == nil { form.errors.append(("kind", t.text("account_privacy.bad_choice"))) }
        let channel = input.channel.flatMap(DataRequestChannel.init(rawValue:)).flatMap { $0 == .web ? nil : $0 }
        if channel == nil { form.errors.append(("channel", t.text("account_privacy.bad_choice"))) }
        let office = (input.office_id ?? "").isEmpty ? nil : input.office_id
        if office == nil, member.scope != .national { form.errors.append(("office_id", t.text("account_privacy.bad_choice"))) }
        let name = (input.name ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > 200 { form.errors.append(("name", t.text("form.required_field", ["field": t.text("privacy_requests.name")]))) }
        var email: EmailAddress? = nil
        switch EmailAddress.checked(input.email ?? "") {
        case .success(let e): email = e
        case .failure(let e):
            form.errors.append(("email", t.text("form.invalid_field", ["field": t.text("privacy_requests.email_label"), "reason": t.text(e.catalogueKey, e.arguments)])))
        }
        let text = (input.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !DataRequestText.length.contains(text.count) {
            form.errors.append(("text", t.text("privacy_requests.answer_length", ["min": "\(DataRequestText.length.lowerBound)",
                                                                                  "max": "\(DataRequestText.length.upperBound)"])))
        }
        guard form.errors.isEmpty, let kind, let channel, let email else { return try await listPage(req, member, form: form, status: .badRequest) }
        let language = req.language, composer = MailComposer(publicURL: req.services.config.publicURL)
        let made = try await DataRequestStore(db: req.db).create(
            NewDataRequest(kind: kind, channel: channel, name: name, email: email.value, language: language.rawValue, officeID: office, text: text,
                           receivedBy: member.id), now: Date(), calendar: Self.calendar) { reference, deadline in
            composer.requestReceived(to: email.value, reference: reference, due: DateText.date(deadline.due, language), language: language)
        }
        try await audit(req, member, made, "privacy_request.registered", on: req.db)
        return req.redirect(to: SiteRoute.staffPrivacyRequest(made.id.uuidString).path, redirectType: .normal)
    }

    /// The open requests of the member's offices due within `days` (or overdue), soonest first,
    /// as links for their start page.
    static func due(_ req: Request, _ member: StaffMember, within days: Int) async throws -> [(path: String, label: String)] {
        var offices: Set<String>? = nil
        if case .offices(let ids) = member.scope { offices = ids }
        let now = Date(), t = req.catalogue, language = req.language
        return try await DataRequestStore(db: req.db).list(offices: offices, calendar: calendar).compactMap { r in
            let d = r.deadline(calendar), left = d.daysLeft(now: now)
            guard r.status == .received, left <= days else { return nil }
            return (SiteRoute.staffPrivacyRequest(r.id.uuidString).path,
                    t.text("staff.due_request", ["reference": r.reference, "kind": t.text("privacy_requests.kind." + r.kind.rawValue),
                                                 "due": DateText.date(d.due, language),
                                                 "left": left < 0 ? t.text("privacy_requests.overdue", ["days": "\(-left)"])
                                                     : t.text("privacy_requests.days_left", ["days": "\(left)"])]))
        }
    }

    func request(_ req: Request) async throws -> DataRequest {
        guard let r = try await DataRequestStore(db: req.db).find(try req.parameters.require("id", as: UUID.self)) else { throw Abort(.notFound) }
        return r
    }

    func page(_ req: Request, _ member: StaffMember, _ r: DataRequest, form: FormState = FormState(), notice: String? = nil,
              status: HTTPStatus = .ok) async throws -> Response {
        let now = Date(), language = req.language, d = r.deadline(Self.calendar)
        let office = try await r.officeID.asyncMap { try await req.directory.office(id: $0)?.name ?? $0 } ?? req.catalogue.text("privacy_requests.national")
        var full = DataRequestPage.Model(
            id: r.id.uuidString, reference: r.reference, kind: r.kind.rawValue, channel: r.channel.rawValue, name: r.name, email: r.email, office: office,
            received: DateText.dateTime(r.receivedAt, language), due: DateText.date(d.due, language),
            daysLeft: r.status == .received ? d.daysLeft(now: now) : nil, text: r.text,
            extended: r.extendedBy > 0 ? (r.extendedBy, r.extensionReason ?? "") : nil,
            mayExtend: r.status == .received && r.extendedBy == 0 && now < d.firstMonthEnds,
            answer: r.answer.map { ($0, r.answeredAt.map { DateText.dateTime($0, language) } ?? "") }, form: form, notice: notice)
        full.needsIdentity = r.kind.needsIdentity
        full.identity = r.identityCheck.map { ($0.rawValue, r.identityVerifiedAt.map { DateText.dateTime($0, language) } ?? "") }
        if let account = try await AccountStore(db: req.db).find(email: r.email), account.kind != .staff {
            let restricted = try await AccountErasure(db: req.db).restriction(account: account.id) != nil
            let export = try await PrivacyExportStore(db: req.db).latest(account: account.id).map { job in
                req.catalogue.text("privacy_requests.export_state." + job.status.rawValue, ["date": DateText.dateTime(job.requestedAt, language)])
            }
            full.account = (account.email, restricted, export)
        }
        let model = full
        let res = Response.html(DataRequestPage.render(model, req.pageContext), status: status)
        res.headers.cacheControl = .init(noStore: true)
        return res
    }

    func audit(_ req: Request, _ member: StaffMember, _ r: DataRequest, _ action: String, on db: any Database) async throws {
        try await AuditLog(db: db, address: req.clientAddress).append(AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: nil,
                                                                                 clientOfficeID: r.officeID, action: action, detail: r.reference,
                                                                                 reason: "data_request"))
    }

    @Sendable func show(req: Request, member: StaffMember) async throws -> Response {
        let r = try await request(req)
        try await audit(req, member, r, "privacy_request.read", on: req.db)
        return try await page(req, member, r)
    }

    struct AnswerInput: Content { var answer: String? }

    @Sendable func answer(req: Request, member: StaffMember) async throws -> Response {
        let r = try await request(req), t = req.catalogue
        guard r.identityReady else { return try await page(req, member, r, notice: t.text("privacy_requests.identity_needed"), status: .conflict) }
        let text = (try req.content.decode(AnswerInput.self).answer ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard DataRequestText.length.contains(text.count) else {
            let message = t.text("privacy_requests.answer_length", ["min": "\(DataRequestText.length.lowerBound)",
                                                                    "max": "\(DataRequestText.length.upperBound)"])
            return try await page(req, member, r, form: FormState(values: ["answer": text], errors: [("answer", message)]), status: .badRequest)
        }
        let language = Language(rawValue: r.language) ?? .pl
        let mail = MailComposer(publicURL: req.services.config.publicURL).requestAnswer(to: r.email, reference: r.reference, text: text, language: language)
        do {
            try await req.db.transaction { tx in
                try await DataRequestStore(db: tx).answer(r.id, text: text, by: member.id, now: Date(), mail: mail)
                try await audit(req, member, r, "privacy_request.answered", on: tx)
            }
        } catch DataRequestStoreError.alreadyAnswered {
            return try await page(req, member, r, notice: t.text("privacy_requests.already_answered"), status: .conflict)
        }
        return try await page(req, member, try await request(req), notice: t.text("privacy_requests.answered_notice", ["email": r.email]))
    }

    struct ExtendInput: Content { var months: String?; var reason: String? }

    @Sendable func extend(req: Request, member: StaffMember) async throws -> Response {
        let r = try await request(req), t = req.catalogue, input = try req.content.decode(ExtendInput.self)
        let reason = (input.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines), months = Int(input.months ?? "") ?? 0
        let language = Language(rawValue: r.language) ?? .pl, composer = MailComposer(publicURL: req.services.config.publicURL)
        let values = ["months": input.months ?? "", "reason": reason]
        do {
            try await req.db.transaction { tx in
                _ = try await DataRequestStore(db: tx).extend(r.id, months: months, reason: reason, now: Date(), calendar: Self.calendar) { d in
                    composer.requestExtended(to: r.email, reference: r.reference, due: DateText.date(d.due, language), reason: reason, language: language)
                }
                try await audit(req, member, r, "privacy_request.extended", on: tx)
            }
        } catch DataRequestStoreError.refused(let refusal) {
            let field = refusal == .noReason ? "reason" : "months"
            return try await page(req, member, r, form: FormState(values: values, errors: [(field, t.text("privacy_requests.refused." + refusal.rawValue))]),
                                  status: .badRequest)
        } catch DataRequestStoreError.alreadyAnswered {
            return try await page(req, member, r, notice: t.text("privacy_requests.already_answered"), status: .conflict)
        }
        return try await page(req, member, try await request(req), notice: t.text("privacy_requests.extended_notice", ["email": r.email]))
    }

    struct IdentityInput: Content { var check: String? }

    @Sendable func identity(req: Request, member: StaffMember) async throws -> Response {
        let r = try await request(req), t = req.catalogue
        guard let check = try req.content.decode(IdentityInput.self).check.flatMap(IdentityCheck.init(rawValue:)) else {
            return try await page(req, member, r, form: FormState(errors: [("check", t.text("account_privacy.bad_choice"))]), status: .badRequest)
        }
        try await req.db.transaction { tx in
            try await DataRequestStore(db: tx).verifyIdentity(r.id, check: check, by: member.id, now: Date())
            try await audit(req, member, r, "privacy_request.identity_checked", on: tx)
        }
        return try await page(req, member, try await request(req), notice: t.text("privacy_requests.identity_notice"))
    }

    /// The person's account for an action the officer takes for them: only once their identity
    /// is checked, only while the request is open.
    func person(_ req: Request, _ r: DataRequest) async throws -> Account? {
        guard r.kind.needsIdentity, r.identityReady, r.status == .received,
              let account = try await AccountStore(db: req.db).find(email: r.email), account.kind != .staff else { return nil }
        return account
    }

    @Sendable func export(req: Request, member: StaffMember) async throws -> Response {
        let r = try await request(req), t = req.catalogue
        guard let account = try await person(req, r) else { return try await page(req, member, r, notice: t.text("privacy_requests.identity_needed"), status: .conflict) }
        do {
            _ = try await PrivacyExportStore(db: req.db).request(account: account.id, language: r.language)
        } catch PrivacyExportError.alreadyBuilding {
            return try await page(req, member, r, notice: t.text("account_privacy.export_already"), status: .conflict)
        }
        try await audit(req, member, r, "privacy_request.export", on: req.db)
        return try await page(req, member, r, notice: t.text("privacy_requests.export_notice", ["email": account.email]))
    }

    @Sendable func restrict(req: Request, member: StaffMember) async throws -> Response {
        let r = try await request(req), t = req.catalogue
        guard let account = try await person(req, r) else { return try await page(req, member, r, notice: t.text("privacy_requests.identity_needed"), status: .conflict) }
        try await AccountErasure(db: req.db).restrict(account: account.id, at: Date())
        try await audit(req, member, r, "privacy_request.restricted", on: req.db)
        return try await page(req, member, r, notice: t.text("account_privacy.restricted_notice"))
    }

    @Sendable func erase(req: Request, member: StaffMember) async throws -> Response {
        let r = try await request(req), t = req.catalogue, language = req.language
        guard let account = try await person(req, r) else { return try await page(req, member, r, notice: t.text("privacy_requests.identity_needed"), status: .conflict) }
        let outcome: ErasureOutcome
        do {
            outcome = try await AccountErasure(db: req.db).erase(account: account.id, answering: r.reference)
        } catch ErasureRefusal.openRequest(let reference, let due) {
            return try await page(req, member, r, notice: t.text("account_privacy.erasure_open_request", ["reference": reference, "date": DateText.date(due, language)]),
                                  status: .conflict)
        }
        try await audit(req, member, r, "privacy_request.erased", on: req.db)
        let kept = outcome.kept.map { t.text("erasure.kept." + $0.what, ["count": "\($0.count)", "date": DateText.date($0.until, language)]) }
        return try await page(req, member, r, notice: ([t.text("privacy_requests.erased_notice")] + kept).joined(separator: " "))
    }
}
