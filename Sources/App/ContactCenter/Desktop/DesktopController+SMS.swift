import Vapor
import Views
import ContactCenter
import Directory
import Storage
import Localization
import Clients

/// A consultant books the client's visit at the office and the client gets an SMS reminder
/// the day before (at once when the visit is sooner), unless the number said STOP.
extension DesktopController {
    /// Where a reminder can go: the client's first phone, or the number the contact came from.
    func reminderPhone(_ i: Interaction, _ req: Request) async throws -> String? {
        if let id = i.clientID, let phone = try await ClientStore(db: req.db).find(id: id)?.phones.first { return phone }
        return try await ContactCenterStore(db: req.db).context(of: i.id).phone
    }

    struct VisitInput: Content { var visit_date: String?; var visit_time: String? }

    /// Days ahead a visit may be booked.
    static let visitHorizonDays = 90

    @Sendable func visitReminder(req: Request, member: StaffMember) async throws -> Response {
        let id = try interactionID(req)
        guard let (i, _) = try await ContactCenterStore(db: req.db).find(id) else { throw DesktopError.notFound }
        guard i.agentID == member.id.uuidString else { throw DesktopError.notYours }
        let input = try req.content.decode(VisitInput.self)
        let t = req.catalogue
        let values = ["visit_date": input.visit_date ?? "", "visit_time": input.visit_time ?? ""]
        func problem(_ key: String, status: HTTPStatus = .badRequest) async throws -> Response {
            try await interactionPage(req, member, form: FormState(values: values, errors: [("visit_date", t.text(key))]), notice: nil, status: status)
        }
        guard i.state == .connected || i.state == .wrapUp else { return try await problem(DesktopError.finished.key, status: .conflict) }
        guard let phone = try await reminderPhone(i, req) else { return try await problem("desktop.visit_no_phone", status: .conflict) }
        let calendar = req.services.contactCentre
        guard let date = LocalDate(iso: input.visit_date ?? ""), let minutes = Self.minutes(input.visit_time ?? "") else {
            return try await problem("desktop.visit_invalid")
        }
        let now = try await ServerClock.now(req.db)
        let visit = calendar.instant(date, minutes: minutes)
        guard visit > now, visit < now.addingTimeInterval(Double(Self.visitHorizonDays) * 86_400) else { return try await problem("desktop.visit_invalid") }
        let client = try await i.clientID.asyncMap { try await ClientStore(db: req.db).find(id: $0) } ?? nil
        let office = try await req.directory.office(id: client?.officeID ?? i.officeID)
        let language = Language(rawValue: i.language) ?? .pl
        let when = DateText.dayAndTime(visit, language)
        let sms = SMSMessage(phone: phone, body: SMSTexts.visit(office: office?.name ?? i.officeID, when: when, language: language), kind: "visit_reminder",
                             clientID: i.clientID, interactionID: i.id, sendAt: max(now, visit.addingTimeInterval(-86_400)))
        let noted = t.text("desktop.visit_noted", ["when": when]), refused = t.text("desktop.visit_opted_out", ["when": when])
        let queued: Bool = try await req.db.transaction { tx in
            let queued = try await SMSStore(db: tx).enqueue(sms, now: now)
            // The seeker's devices that take visit reminders get it at the same time as the SMS.
            if let account = client?.accountID {
                try await PushOutbox(db: tx).enqueue(PendingPush(
                    accountID: account, kind: .visits, title: Catalogues.bundled[language].text("push.visit.title"),
                    body: Catalogues.bundled[language].text("push.visit.body", ["office": office?.name ?? i.officeID, "when": when]),
                    url: SiteRoute.account.path, tag: "visit-" + i.id.uuidString.lowercased(), sendAt: sms.sendAt), now: now)
            }
            try await ContactCenterStore(db: tx).addNote(i.id, author: member.id.uuidString, text: queued ? noted : refused, at: now)
            return queued
        }
        return req.redirect(to: SiteRoute.desktopInteraction(i.id.uuidString).with(["done": queued ? "visit_reminder" : "visit_opted_out"]), redirectType: .normal)
    }

    /// "09:30" → minutes after midnight.
    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }
}
