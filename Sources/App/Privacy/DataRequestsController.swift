import Vapor
import Views
import Access
import Clients
import Fluent
import Privacy
import Storage
import Reporting
import Localization

/// `/staff/privacy`: the data protection officer's register of requests and complaints of
/// their offices (national ones for national staff), open ones by deadline; one request read
/// (audited), answered by e-mail from here, or its deadline extended with a reason told to the
/// person — once, by one or two months, within the first month.
struct DataRequestsController: Sendable {
    static let calendar = ReportInterval.polishCalendar

    @Sendable func list(req: Request, member: StaffMember) async throws -> Response {
        let now = Date(), language = req.language
        let names = Dictionary(try await req.directory.offices(matching: nil, voivodeship: nil).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = try await DataRequestStore(db: req.db).list(offices: member.listedOffices(req), calendar: Self.calendar).map { r in
            let d = r.deadline(Self.calendar)
            return DataRequestsPage.Row(id: r.id.uuidString, reference: r.reference, kind: r.kind.rawValue, received: DateText.date(r.receivedAt, language),
                                        due: DateText.date(d.due, language), daysLeft: r.status == .received ? d.daysLeft(now: now) : nil,
                                        office: r.officeID.map { names[$0] ?? $0 } ?? req.catalogue.text("privacy_requests.national"),
                                        status: r.status.rawValue)
        }
        return .html(DataRequestsPage.render(.init(rows: rows, notice: nil), req.pageContext))
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
        let model = DataRequestPage.Model(
            id: r.id.uuidString, reference: r.reference, kind: r.kind.rawValue, channel: r.channel.rawValue, name: r.name, email: r.email, office: office,
            received: DateText.dateTime(r.receivedAt, language), due: DateText.date(d.due, language),
            daysLeft: r.status == .received ? d.daysLeft(now: now) : nil, text: r.text,
            extended: r.extendedBy > 0 ? (r.extendedBy, r.extensionReason ?? "") : nil,
            mayExtend: r.status == .received && r.extendedBy == 0 && now < d.firstMonthEnds,
            answer: r.answer.map { ($0, r.answeredAt.map { DateText.dateTime($0, language) } ?? "") }, form: form, notice: notice)
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
}
