import Vapor
import Views
import Access
import ContactCenter
import Directory
import Storage
import Clients

/// The supervisor's live wallboard (`/wallboard`), filtered by office or voivodeship within the
/// supervisor's scope. Declared in `StaffRoutes`; the live socket is `/wallboard/ws`.
struct WallboardController: Sendable {
    struct Filter { var offices: Set<String>?; var values: [String: String] }

    /// The offices shown: the `?office=` (the guard checked it), else the scope, narrowed to a
    /// `?voivodeship=` when one is chosen. nil: every office.
    func filter(_ req: Request, _ member: StaffMember) async throws -> Filter {
        let voivodeship = ((try? req.query.get(String.self, at: "voivodeship")) ?? "").trimmingCharacters(in: .whitespaces)
        let office = ((try? req.query.get(String.self, at: "office")) ?? "")
        let offices = try await member.listedOffices(req, voivodeship: voivodeship)
        return Filter(offices: offices, values: ["office": office, "voivodeship": voivodeship])
    }

    @Sendable func page(req: Request, member: StaffMember) async throws -> Response {
        let f = try await filter(req, member)
        var officeChoices: [(value: String, label: String)] = []
        switch member.scope {
        case .national: officeChoices = try await req.directory.offices(matching: nil, voivodeship: nil).map { ($0.id, $0.name) }
        case .offices(let ids):
            for id in ids.sorted() { officeChoices.append((id, try await req.directory.office(id: id)?.name ?? id)) }
        }
        let voivodeships = try await req.directory.voivodeships().map { (value: $0.code, label: $0.name) }
        var query = URLComponents(); query.queryItems = f.values.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        let path = SiteRoute.wallboardPanel.path + (query.queryItems?.isEmpty == false ? "?" + (query.percentEncodedQuery ?? "") : "")
        let model = WallboardPage.Model(panel: try await panelModel(req, f), offices: officeChoices.sorted { $0.label < $1.label },
                                        voivodeships: voivodeships, filter: FormState(values: f.values), panelPath: path, notice: nil)
        return .live(WallboardPage.render(model, req.pageContext))
    }

    @Sendable func panel(req: Request, member: StaffMember) async throws -> Response {
        return .live(WallboardPage.panel(try await panelModel(req, try await filter(req, member)), req.pageContext))
    }

    func panelModel(_ req: Request, _ f: Filter) async throws -> WallboardPage.Panel {
        let t = req.catalogue
        let now = try await ServerClock.now(req.db)
        let store = ContactCenterStore(db: req.db)
        var names: [String: String] = [:]
        func officeName(_ id: String) async throws -> String {
            if let n = names[id] { return n }
            let n = try await req.directory.office(id: id)?.name ?? id
            names[id] = n
            return n
        }
        var queues: [WallboardPage.QueueRow] = []
        let hour = Calendar.polish.component(.hour, from: now)
        func percent(_ v: Double?) -> String { v.map { String(format: "%.0f %%", $0 * 100) } ?? "–" }
        for q in try await store.queueFigures(offices: f.offices, dayStart: Calendar.polish.startOfDay(for: now), now: now,
                                              targets: req.services.config.reportTargets) {
            let day = q.serviceLevelSoFar(through: hour).map { h in
                WallboardPage.QueueRow.Hour(label: "\(h.hour):00", level: h.level, answered: q.byHour[h.hour]?.answered ?? 0,
                                            abandoned: q.byHour[h.hour]?.abandoned ?? 0)
            }
            queues.append(.init(id: q.officeID + "-" + q.topic, office: try await officeName(q.officeID), topic: t.text("topic." + q.topic), waiting: q.waiting,
                                longestWait: ContactFacts.duration(q.longestWait), serviceLevel: percent(q.serviceLevelToday),
                                target: q.target.map { t.text("wallboard.target", ["target": percent($0)]) } ?? t.text("wallboard.no_target"),
                                targetValue: q.target, standing: q.standing.rawValue, standingText: t.text("wallboard.standing_" + q.standing.rawValue),
                                answered: q.answeredToday, abandoned: q.abandonedToday,
                                satisfaction: q.satisfactionToday.map { String(format: "%.1f (%d)", $0, q.ratingsToday) } ?? "–", day: day))
        }
        // The queues furthest behind first: what needs a supervisor's eye.
        let rank = ["missed": 0, "near": 1, "none": 2, "met": 3]
        queues.sort { (rank[$0.standing] ?? 4, -$0.waiting, $0.office, $0.topic) < (rank[$1.standing] ?? 4, -$1.waiting, $1.office, $1.topic) }
        let statuses = try await store.statuses().filter { s in
            guard let offices = f.offices else { return true }
            return !s.agent.offices.isDisjoint(with: offices)
        }
        let staffNames = try await StaffStore(db: req.db).names(Set(statuses.compactMap { UUID(uuidString: $0.agent.id) }))
        let remote = try await AgentPhoneStore(db: req.db).remoteNumbers()
        var agents: [WallboardPage.AgentRow] = []
        var byState: [String: Int] = [:]
        for s in statuses {
            let label = ContactFacts.stateLabel(s.agent.state, t)
            byState[AgentController.AgentJSON(s.agent).state, default: 0] += 1
            var officeNames: [String] = []
            for id in s.agent.offices.sorted() { officeNames.append(try await officeName(id)) }
            if s.agent.nationalPool { officeNames.append(t.text("staff.national_scope")) }
            let load = s.agent.load.filter { $0.value > 0 }.sorted { $0.key.rawValue < $1.key.rawValue }
                .map { t.text("channel." + $0.key.rawValue) + " \($0.value)" }.joined(separator: ", ")
            agents.append(.init(id: s.agent.id, name: staffNames[s.agent.id] ?? s.agent.id, offices: officeNames.joined(separator: ", "),
                                state: label, timeInState: ContactFacts.duration(now.timeIntervalSince(s.stateSince)),
                                load: load.isEmpty ? "–" : load, loggedIn: s.agent.isLoggedIn, remote: remote[s.agent.id] != nil))
        }
        let order = ["available", "busy", "wrap_up", "break", "not_responding", "offline"]
        return WallboardPage.Panel(queues: queues, agents: agents.sorted { ($0.state, $0.name) < ($1.state, $1.name) },
                                   byState: order.compactMap { k in byState[k].map { (t.text("agent.state_" + k), $0) } },
                                   updatedAt: DateText.time(now, req.language))
    }
}
