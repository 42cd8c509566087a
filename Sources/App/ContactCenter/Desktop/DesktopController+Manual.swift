import Vapor
import Views
import Access
import ContactCenter
import Storage
import Localization
import Portal
import Clients
import Knowledge
import Privacy

/// Contacts logged by hand (a visit, a call taken outside the system).
extension DesktopController {

    static let manualChannels: [ContactCenter.Channel] = [.visit, .voice, .email, .sms]

    @Sendable func manualForm(req: Request, member: StaffMember) async throws -> Response {
        .html(ManualInteractionPage.render(manualModel(req, FormState(values: ["channel": "visit", "language": req.language.rawValue])), req.pageContext))
    }

    func manualModel(_ req: Request, _ form: FormState) -> ManualInteractionPage.Model {
        let t = req.catalogue
        return .init(channels: Self.manualChannels.map { ($0.rawValue, t.text("channel." + $0.rawValue)) },
                     topics: ContactTopic.allCases.map { ($0.rawValue, t.text("topic." + $0.rawValue)) },
                     languages: Language.allCases.map { ($0.rawValue, $0.nativeName) },
                     outcomes: OutcomeCode.allCases.map { ($0.rawValue, t.text("outcome." + $0.rawValue)) }, form: form)
    }

    struct ManualInput: Content { var channel: String?; var topic: String?; var language: String?; var client_number: String?; var outcome: String?; var note: String? }

    @Sendable func logManual(req: Request, member: StaffMember) async throws -> Response {
        let input = try req.content.decode(ManualInput.self)
        let t = req.catalogue
        var form = FormState(values: ["channel": input.channel ?? "", "topic": input.topic ?? "", "language": input.language ?? "",
                                      "client_number": input.client_number ?? "", "outcome": input.outcome ?? "", "note": input.note ?? ""])
        let channel = input.channel.flatMap(ContactCenter.Channel.init(rawValue:)).flatMap { Self.manualChannels.contains($0) ? $0 : nil }
        if channel == nil { form.errors.append(("channel", t.text("desktop.channel_required"))) }
        let topic = input.topic.flatMap(ContactTopic.init(rawValue:))
        if topic == nil { form.errors.append(("topic", t.text("desktop.topic_unknown"))) }
        let language = input.language.flatMap(Language.init(rawValue:))
        if language == nil { form.errors.append(("language", t.text("desktop.language_required"))) }
        let outcome = input.outcome.flatMap(OutcomeCode.init(rawValue:))
        if outcome == nil { form.errors.append(("outcome", t.text("desktop.outcome_required"))) }
        let (note, noteProblem) = Self.noteText(input.note, field: "note", required: false, req)
        if let noteProblem { form.errors += noteProblem.errors }
        var client: OfficeClient? = nil
        let number = (input.client_number ?? "").filter { !$0.isWhitespace }
        if !number.isEmpty {
            client = try await ClientStore(db: req.db).find(number: number)
            // A client of another office is not named to someone whose scope does not cover it.
            if let c = client, !(c.officeID.map(member.scope.covers) ?? (member.scope == .national)) { client = nil }
            if client == nil { form.errors.append(("client_number", t.text("desktop.client_unknown"))) }
        }
        guard form.errors.isEmpty, let channel, let topic, let language, let outcome else {
            return .html(ManualInteractionPage.render(manualModel(req, form), req.pageContext), status: .badRequest)
        }
        let a = try await agent(req, member)
        let officeID = client?.officeID ?? member.primaryOffice ?? a.offices.sorted().first ?? ""
        guard let office = try await req.directory.office(id: officeID) else {
            form.errors.append(("client_number", t.text("desktop.no_office")))
            return .html(ManualInteractionPage.render(manualModel(req, form), req.pageContext), status: .badRequest)
        }
        let now = try await ServerClock.now(req.db)
        let i = Interaction(channel: channel, clientID: client?.id, language: language.rawValue, topic: topic.rawValue, officeID: office.id,
                            voivodeshipCode: office.voivodeshipCode, queuedAt: now)
        try await ContactCenterStore(db: req.db).logManual(i, agent: a.id, outcome: outcome, note: note, at: now)
        return req.redirect(to: SiteRoute.desktop.with(["done": "logged"]), redirectType: .normal)
    }
}
