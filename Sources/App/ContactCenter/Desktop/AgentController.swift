import Vapor
import Access
import ContactCenter
import Storage
import Views
import Localization
import Clients
import Privacy

/// A consultant's own agent state (`GET /api/v1/agent`, `POST /api/v1/agent/state`), and a
/// supervisor changing someone else's (`POST /staff/agents/:id/state`, audit-logged).
struct AgentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("api", "v1", "agent", use: own)
        routes.post("api", "v1", "agent", "state", use: setOwnState)
    }

    /// The staff member's agent record, created from their account at first use (offices and
    /// voivodeships from their scope; national staff join the national pool), logged out. A
    /// voivode's office answers its own line: its consultants take no labour office's overflow.
    static func agent(for member: StaffMember, _ req: Request) async throws -> Agent {
        let store = ContactCenterStore(db: req.db)
        if let existing = try await store.agent(member.id.uuidString) { return existing }
        var offices: Set<String> = [], voivodeships: Set<String> = []
        if case .offices(let ids) = member.scope {
            offices = ids
            for id in ids { if let o = try await req.directory.office(id: id), !o.answersOwnLine { voivodeships.insert(o.voivodeshipCode) } }
        }
        let agent = Agent(id: member.id.uuidString, offices: offices, voivodeships: voivodeships, nationalPool: member.scope == .national,
                          state: .offline, idleSince: Date())
        try await store.save(agent)
        return agent
    }

    struct AgentJSON: Content {
        let id: String
        let state: String
        let reason: String?
        let offices: [String]
        let national_pool: Bool
        let languages: [String]
        init(_ a: Agent) {
            id = a.id; offices = a.offices.sorted(); national_pool = a.nationalPool; languages = a.languages.sorted()
            switch a.state {
            case .available: state = "available"; reason = nil
            case .busy: state = "busy"; reason = nil
            case .wrapUp: state = "wrap_up"; reason = nil
            case .onBreak(let r): state = "break"; reason = r
            case .offline: state = "offline"; reason = nil
            case .notResponding: state = "not_responding"; reason = nil
            }
        }
    }

    func consultant(_ req: Request) async throws -> StaffMember {
        guard let member = try await req.signedInStaff() else { throw Abort(.unauthorized, reason: req.catalogue.text("error.staff_only")) }
        guard AuthorizationMatrix.allows(member.roles, .handleInteractions) else { throw Abort(.forbidden, reason: req.catalogue.text("error.no_permission")) }
        return member
    }

    func own(req: Request) async throws -> AgentJSON {
        AgentJSON(try await Self.agent(for: try await consultant(req), req))
    }

    struct StateInput: Content { var state: String?; var reason: String? }

    /// available | break (with a reason) | offline. Busy and wrap-up follow the contacts.
    static func requestedState(_ input: StateInput, _ req: Request) throws -> AgentState {
        switch input.state {
        case "available": return .available
        case "offline": return .offline
        case "break":
            guard let reason = input.reason, AgentState.breakReasons.contains(reason) else {
                throw FieldValidationError(field: "reason", reason: req.catalogue.text("agent.break_reason"))
            }
            return .onBreak(reason: reason)
        default: throw FieldValidationError(field: "state", reason: req.catalogue.text("agent.state_choice"))
        }
    }

    func setOwnState(req: Request) async throws -> AgentJSON {
        let member = try await consultant(req)
        let next = try Self.requestedState(try req.content.decode(StateInput.self), req)
        let agent = try await Self.agent(for: member, req)
        return AgentJSON(try await DesktopService(req).changeState(of: agent.id, to: next, forced: false))
    }
}

/// The supervisor's side, declared in `StaffRoutes`.
struct AgentSupervisionController: Sendable {
    @Sendable func setState(req: Request, member: StaffMember) async throws -> Response {
        let id = try req.parameters.require("id")
        guard var agent = try await ContactCenterStore(db: req.db).agent(id) else { throw Abort(.notFound) }
        let next = try AgentController.requestedState(try req.content.decode(AgentController.StateInput.self), req)
        let before = AgentController.AgentJSON(agent).state
        // A supervisor may log out someone who is mid-contact; offers still ringing go back.
        agent = try await DesktopService(req).changeState(of: id, to: next, forced: true)
        try await AuditLog(db: req.db, address: req.clientAddress).append(AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: nil,
                                                         clientOfficeID: agent.offices.sorted().first, action: "agent.state_changed",
                                                         detail: "\(id): \(before) → \(AgentController.AgentJSON(agent).state)",
                                                         reason: "supervision"))
        if req.headers.accept.mediaTypes.contains(.html) || (try? req.content.get(String.self, at: "return")) == "wallboard" {
            return req.redirect(to: SiteRoute.wallboard.path)
        }
        return try await AgentController.AgentJSON(agent).encodeResponse(for: req)
    }

    /// Languages a consultant may handle contacts in: the portal's four and Polish Sign Language.
    static let skillLanguages = Language.allCases.map(\.rawValue) + [IntakePolicy.signLanguage]

    /// The most of each channel one consultant may handle at once (a call takes the whole agent).
    static let capacityLimits: [(channel: ContactCenter.Channel, max: Int)] = [
        (.voice, 1), (.callback, 1), (.video, 1), (.chat, 5), (.email, 20), (.webForm, 20), (.sms, 20),
    ]

    func skillsModel(_ req: Request, _ agent: Agent, form: FormState) async throws -> AgentSkillsPage.Model {
        let t = req.catalogue
        let name = try await StaffStore(db: req.db).names(Set([UUID(uuidString: agent.id)].compactMap { $0 }))[agent.id] ?? agent.id
        return AgentSkillsPage.Model(agentID: agent.id, name: name, languages: Self.skillLanguages.map { ($0, $0 == IntakePolicy.signLanguage ? t.text("skills.pjm") : Language(rawValue: $0)?.nativeName ?? $0) },
                                     channels: Self.capacityLimits.map { ($0.channel.rawValue, t.text("channel." + $0.channel.rawValue), $0.max) },
                                     form: form, state: ContactFacts.stateLabel(agent.state, t),
                                     states: ["available", "break", "offline"].map { ($0, t.text("agent.state_" + $0)) },
                                     reasons: AgentState.breakReasons.map { ($0, t.text("agent.break_" + $0)) })
    }

    @Sendable func skillsForm(req: Request, member: StaffMember) async throws -> Response {
        guard let agent = try await ContactCenterStore(db: req.db).agent(try req.parameters.require("id")) else { throw Abort(.notFound) }
        var values: [String: String] = [:]
        for l in agent.languages { values["language_" + l] = "on" }
        for c in Self.capacityLimits { values["capacity_" + c.channel.rawValue] = "\(agent.capacity[c.channel, default: 0])" }
        return .html(AgentSkillsPage.render(try await skillsModel(req, agent, form: FormState(values: values)), req.pageContext))
    }

    /// Languages (at least one) and a capacity per channel within its limit; audit-logged.
    @Sendable func setSkills(req: Request, member: StaffMember) async throws -> Response {
        let id = try req.parameters.require("id")
        guard let agent = try await ContactCenterStore(db: req.db).agent(id) else { throw Abort(.notFound) }
        let t = req.catalogue
        var form = FormState()
        var languages: Set<String> = []
        for l in Self.skillLanguages where (try? req.content.get(String.self, at: "language_" + l)) == "on" {
            languages.insert(l); form.values["language_" + l] = "on"
        }
        if languages.isEmpty { form.errors.append(("language_pl", t.text("skills.language_required"))) }
        var capacity: [ContactCenter.Channel: Int] = [:]
        for c in Self.capacityLimits {
            let field = "capacity_" + c.channel.rawValue
            let raw = ((try? req.content.get(String.self, at: field)) ?? "").trimmingCharacters(in: .whitespaces)
            form.values[field] = raw
            guard let n = Int(raw), (0...c.max).contains(n) else {
                form.errors.append((field, t.text("skills.capacity_invalid", ["channel": t.text("channel." + c.channel.rawValue), "max": "\(c.max)"])))
                continue
            }
            capacity[c.channel] = n
        }
        guard form.errors.isEmpty else {
            return .html(AgentSkillsPage.render(try await skillsModel(req, agent, form: form), req.pageContext), status: .badRequest)
        }
        let before = "\(agent.languages.sorted()) \(ContactCenterStore.byName(agent.capacity).sorted { $0.key < $1.key })"
        let (newLanguages, newCapacity) = (languages, capacity)
        // Read again, locked, in the transaction: the router may have changed the agent's load meanwhile.
        try await req.db.transaction { tx in
            guard var changed = try await ContactCenterStore(db: tx).agent(id) else { throw Abort(.notFound) }
            changed.languages = newLanguages
            changed.capacity = newCapacity
            try await ContactCenterStore(db: tx).save(changed)
            try await AuditLog(db: tx, address: req.clientAddress).append(AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: nil,
                                                         clientOfficeID: changed.offices.sorted().first, action: "agent.skills_changed",
                                                         detail: "\(id): \(before) → \(changed.languages.sorted()) \(ContactCenterStore.byName(changed.capacity).sorted { $0.key < $1.key })",
                                                         reason: "supervision"))
        }
        return req.redirect(to: SiteRoute.wallboard.path, redirectType: .normal)
    }
}
