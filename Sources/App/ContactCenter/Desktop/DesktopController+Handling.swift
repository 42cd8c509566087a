import Vapor
import Directory
import Views
import Access
import ContactCenter
import Storage
import Localization
import Portal
import Clients
import Knowledge
import Privacy

/// Working a contact in hand: notes, ending, closing with an outcome, transferring.
extension DesktopController {
    /// A note's text, or the field error in the consultant's language.
    static func noteText(_ value: String?, field: String, required: Bool, _ req: Request) -> (String?, FormState?) {
        let text = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty && required { return (nil, FormState(values: [field: ""], errors: [(field, req.catalogue.text("desktop.note_required"))])) }
        if text.count > noteLimit {
            return (nil, FormState(values: [field: text], errors: [(field, req.catalogue.text("desktop.note_too_long", ["max": "\(noteLimit)"]))]))
        }
        return (text.isEmpty ? nil : text, nil)
    }

    func acting(_ req: Request, _ member: StaffMember, done: String, _ body: () async throws -> Void) async throws -> Response {
        do { try await body() } catch let e as DesktopError {
            if e == .notFound || e == .notYours { throw e }
            return try await interactionPage(req, member, form: FormState(errors: [("action", req.catalogue.text(e.key))]), notice: nil, status: e.status)
        }
        let id = try interactionID(req)
        return req.redirect(to: done == "closed" || done == "transferred" ? SiteRoute.desktop.with(["done": done]) : SiteRoute.desktopInteraction(id.uuidString).with(["done": done]),
                            redirectType: .normal)
    }

    @Sendable func note(req: Request, member: StaffMember) async throws -> Response {
        let (text, problem) = Self.noteText(try req.content.decode(NoteInput.self).note, field: "note", required: true, req)
        if let problem { return try await interactionPage(req, member, form: problem, notice: nil, status: .badRequest) }
        return try await acting(req, member, done: "note") {
            try await DesktopService(req).addNote(try interactionID(req), agent: member.id.uuidString, text: text!)
        }
    }

    @Sendable func end(req: Request, member: StaffMember) async throws -> Response {
        try await acting(req, member, done: "ended") { try await DesktopService(req).end(try interactionID(req), agent: member.id.uuidString) }
    }

    struct CloseInput: Content { var outcome: String?; var closing_note: String? }

    @Sendable func close(req: Request, member: StaffMember) async throws -> Response {
        let input = try req.content.decode(CloseInput.self)
        guard let outcome = input.outcome.flatMap(OutcomeCode.init(rawValue:)) else {
            return try await interactionPage(req, member, form: FormState(values: ["closing_note": input.closing_note ?? ""],
                                                                          errors: [("outcome", req.catalogue.text("desktop.outcome_required"))]),
                                             notice: nil, status: .badRequest)
        }
        let (note, problem) = Self.noteText(input.closing_note, field: "closing_note", required: false, req)
        if let problem { return try await interactionPage(req, member, form: problem, notice: nil, status: .badRequest) }
        // A contact waiting for a written answer gets it before it is closed as reached (and surveyed).
        if let (i, _) = try await ContactCenterStore(db: req.db).find(try interactionID(req)), i.agentID == member.id.uuidString,
           !ReplyPolicy.mayClose(channel: i.channel, outcome: outcome, answered: try await answered(i, req)) {
            return try await interactionPage(req, member, form: FormState(values: ["outcome": outcome.rawValue, "closing_note": input.closing_note ?? ""],
                                                                          errors: [("outcome", req.catalogue.text("desktop.answer_first"))]),
                                             notice: nil, status: .conflict)
        }
        return try await acting(req, member, done: "closed") {
            try await DesktopService(req).close(try interactionID(req), agent: member.id.uuidString, outcome: outcome, note: note)
        }
    }

    struct TransferInput: Content { var office: String?; var topic: String?; var agent: String?; var transfer_note: String? }

    @Sendable func transfer(req: Request, member: StaffMember) async throws -> Response {
        let input = try req.content.decode(TransferInput.self)
        let t = req.catalogue
        let values = ["office": input.office ?? "", "topic": input.topic ?? "", "agent": input.agent ?? "", "transfer_note": input.transfer_note ?? ""]
        func problem(_ field: String, _ key: String, _ args: [String: String] = [:]) async throws -> Response {
            try await interactionPage(req, member, form: FormState(values: values, errors: [(field, t.text(key, args))]), notice: nil, status: .badRequest)
        }
        let (note, noteProblem) = Self.noteText(input.transfer_note, field: "transfer_note", required: true, req)
        if let noteProblem { return try await interactionPage(req, member, form: FormState(values: values, errors: noteProblem.errors), notice: nil, status: .badRequest) }
        guard let (current, _) = try await ContactCenterStore(db: req.db).find(try interactionID(req)) else { throw DesktopError.notFound }
        let office = (input.office ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let agentID = (input.agent ?? "").trimmingCharacters(in: .whitespaces)
        let target: DesktopService.TransferTarget
        if !agentID.isEmpty {
            guard office.isEmpty else { return try await problem("agent", "desktop.transfer_one_target") }
            // A contact stays on its line: a helpline's with the helpline's consultants, a labour office's with theirs.
            if let colleague = try await ContactCenterStore(db: req.db).agent(agentID), !current.staysOnItsLine(with: colleague) {
                return try await problem("agent", "desktop.transfer_other_line")
            }
            target = .agent(agentID)
        } else {
            if let topic = input.topic, !topic.isEmpty, ContactTopic(rawValue: topic) == nil { return try await problem("topic", "desktop.topic_unknown") }
            let officeID = office.isEmpty ? current.officeID : office
            guard let o = try await req.directory.office(id: officeID) else { return try await problem("office", "desktop.office_unknown", ["office": office]) }
            guard current.staysOnItsLine(at: o) else { return try await problem("office", "desktop.transfer_other_line") }
            if office.isEmpty && (input.topic ?? "").isEmpty { return try await problem("office", "desktop.transfer_target_required") }
            target = .queue(officeID: o.id, voivodeshipCode: o.voivodeshipCode, topic: (input.topic ?? "").isEmpty ? current.topic : input.topic!)
        }
        var result: DesktopService.TransferResult = .queued
        let response = try await acting(req, member, done: "transferred") {
            result = try await DesktopService(req).transfer(try interactionID(req), agent: member.id.uuidString, to: target, note: note!)
        }
        if result == .queuedWithoutEligibleAgent, response.status == .seeOther {
            return req.redirect(to: SiteRoute.desktop.with(["done": "transferred_waiting"]), redirectType: .normal)
        }
        return response
    }
}
