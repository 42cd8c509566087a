import Vapor
import Identity
import Fluent
import Views
import Storage
import ContactCenter
import Localization
import Clients
import Directory

/// The register and the clock as the simulated caller meets them: postal codes find the real
/// office; a client number that exists is identified with any PIN but 0000 (the simulation never
/// checks, counts or locks real PINs); the centre is open or closed as chosen.
struct SimulatedLookups: IVRLookups {
    let db: any Database
    let open: Bool
    /// The line's configured hours, said where a prompt names `{hours}`.
    let hours: WeeklyHours

    func identify(clientNumber: String, pin: String) async throws -> IVRIdentification {
        guard pin != IVREditorController.wrongPIN, let client = try await ClientStore(db: db).find(number: clientNumber) else { return .wrong }
        return .identified(office: client.officeID)
    }

    func office(postalCode: PostalCode) async throws -> String? {
        try await VoiceLookups.office(postalCode: postalCode, db)
    }

    func isOpen() async throws -> Bool { open }

    func spokenHours(language: String) -> String { VoiceLookups.spokenHours(hours, language: language) }

    func isRegisteredUnemployed(clientNumber: String) async throws -> Bool {
        try await ClientStore(db: db).find(number: clientNumber)?.unemployedSince != nil
    }

    /// The real knowledge base, as a caller would hear it now.
    func information(language: String, office: String?) async throws -> [IVRInformationTopic] {
        try await VoiceLookups.information(db, language: language, office: office, now: Date())
    }
}

extension IVREditorController {
    static let wrongPIN = "0000"

    @Sendable func simulate(req: Request, member: StaffMember) async throws -> Response {
        let t = req.catalogue
        let store = VoiceStore(db: req.db)
        let id = try await flowID(req)
        let (_, draft, current) = try await editing(store, flow: id)
        let published = try await store.versions(flow: id).filter { $0.publishedAt != nil }
        var versions: [(value: String, label: String)] = draft.map { [("draft", t.text("ivr.sim_draft", ["version": "\($0.version)"]))] } ?? []
        versions += published.map { ("\($0.version)", t.text($0.version == current?.version ? "ivr.sim_current" : "ivr.sim_version", ["version": "\($0.version)"])) }
        let q = { (name: String) in (try? req.query.get(String.self, at: name)) ?? "" }
        var chosen = q("version")
        if !versions.contains(where: { $0.value == chosen }) { chosen = versions.first?.value ?? "" }
        let flowVersion: IVRFlowVersion? = chosen == "draft" ? draft : try await Int(chosen).asyncMap { try await store.flow(version: $0) } ?? nil
        guard let flowVersion else { throw Abort(.notFound) }
        let hours = q("hours") == "closed" ? "closed" : "open"
        var form = FormState(values: ["version": chosen, "hours": hours])
        var history = q("history").split(separator: " ").map(String.init).filter { $0 == "_" || $0.allSatisfy { "0123456789*#".contains($0) } }
        let keys = q("keys").filter { !$0.isWhitespace }
        if !q("silence").isEmpty { history.append("_") }
        else if !q("press").isEmpty {
            if keys.isEmpty || keys.count > 32 || !keys.allSatisfy({ "0123456789*#".contains($0) }) {
                form.values["keys"] = keys
                form.errors.append(("keys", t.text("ivr.error.keys")))
            } else { history.append(keys) }
        }
        let inputs: [IVRInput] = history.map { $0 == "_" ? .timeout : .digits($0.filter { $0 != "#" }) }
        let (call, lines) = try await IVRSimulation.run(flowVersion.flow, version: flowVersion.version, inputs: inputs,
                                                       lookups: SimulatedLookups(db: req.db, open: hours == "open", hours: req.services.contactCentre.hours))
        var shown: [IVRSimulatorPage.Line] = []
        var waiting: String? = nil
        for line in lines {
            switch line {
            case let .said(text, language):
                shown.append(.init(who: t.text("ivr.sim_system", ["language": Language(rawValue: language)?.nativeName ?? language]), text: text))
            case .played(let url): shown.append(.init(who: t.text("ivr.sim_recording"), text: url))
            case .asked(let digits):
                waiting = digits.map { t.text("ivr.sim_asked_digits", ["count": "\($0)"]) } ?? t.text("ivr.sim_asked_hash")
            case .pressed(let keys): shown.append(.init(who: t.text("ivr.sim_caller"), text: t.text("ivr.sim_pressed", ["keys": keys]))); waiting = nil
            case .noAnswer: shown.append(.init(who: t.text("ivr.sim_caller"), text: t.text("ivr.sim_silent"))); waiting = nil
            case .ended(let action): shown.append(.init(who: t.text("ivr.sim_result"), text: try await Self.ending(action, req))); waiting = nil
            }
        }
        if call.outcome != nil { waiting = nil }
        let model = IVRSimulatorPage.Model(flow: id, form: form, versions: versions, hours: [("open", t.text("ivr.sim_open")), ("closed", t.text("ivr.sim_closed"))],
                                           history: history.joined(separator: " "), lines: shown, waiting: waiting)
        return .html(IVRSimulatorPage.render(model, req.pageContext), status: form.errors.isEmpty ? .ok : .badRequest)
    }

    /// Where the simulated call ended, in words.
    static func ending(_ action: IVRAction, _ req: Request) async throws -> String {
        let t = req.catalogue
        func officeName(_ id: String?) async throws -> String {
            guard let id else { return t.text("ivr.sim_default_office") }
            return try await req.directory.office(id: id)?.name ?? id
        }
        switch action {
        case let .enqueue(office, topic, language):
            return t.text("ivr.sim_enqueue", ["office": try await officeName(office), "topic": t.text("topic." + topic),
                                              "language": Language(rawValue: language)?.nativeName ?? language])
        case let .callback(office, _): return t.text("ivr.sim_callback", ["office": try await officeName(office)])
        case let .record(office): return t.text("ivr.sim_record", ["office": try await officeName(office)])
        case let .transfer(number): return t.text("ivr.sim_transfer", ["number": number])
        default: return t.text("ivr.sim_hangup")
        }
    }
}
