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

/// The consultant desktop (`/desktop`): presence and queues, offers with accept / decline,
/// the screen pop of a contact in hand with notes, outcome, transfer, and contacts logged by
/// hand. Declared in `StaffRoutes`; the live socket is registered by `LiveSocketController`.
struct DesktopController: Sendable {
    func agent(_ req: Request, _ member: StaffMember) async throws -> Agent { try await AgentController.agent(for: member, req) }

    // MARK: the desktop and its live panel

    static let desktopNotices = ["closed", "transferred", "transferred_waiting", "logged"]
    static let interactionNotices = ["note", "ended", "article_sent", "article_noted", "replied", "visit_reminder", "visit_opted_out", "offer_sent", "offer_noted"]

    /// The confirmation a redirect asked for with `?done=`, if it is one of ours.
    static func notice(_ req: Request, _ known: [String]) -> String? {
        guard let done = try? req.query.get(String.self, at: "done"), known.contains(done) else { return nil }
        return req.catalogue.text("desktop.done_" + done)
    }

    @Sendable func page(req: Request, member: StaffMember) async throws -> Response {
        try await page(req, member, notice: Self.notice(req, Self.desktopNotices), error: nil, status: .ok)
    }

    func page(_ req: Request, _ member: StaffMember, notice: String?, error: String?, status: HTTPStatus) async throws -> Response {
        let t = req.catalogue
        let a = try await agent(req, member)
        var model = DesktopPage.Model(
            panel: try await panelModel(req, a),
            breakReasons: AgentState.breakReasons.map { ($0, t.text("agent.break_" + $0)) },
            topics: ContactTopic.allCases.map { ($0.rawValue, t.text("topic." + $0.rawValue), a.topics.contains($0.rawValue)) },
            notice: notice, error: error)
        model.chats = try await chatBoxes(req, agent: a.id)
        return .live(DesktopPage.render(model, req.pageContext), status: status)
    }

    @Sendable func panel(req: Request, member: StaffMember) async throws -> Response {
        .live(DesktopPage.panel(try await panelModel(req, try await agent(req, member)), req.pageContext))
    }

    @Sendable func contacts(req: Request, member: StaffMember) async throws -> Response {
        .live(DesktopPage.contacts(try await panelModel(req, try await agent(req, member)), req.pageContext))
    }

    /// The bar of the staff shell for a member who handles contacts: their state and what rings
    /// (nil before they first opened the desktop: nothing can ring for them yet).
    static func bar(_ req: Request, _ member: StaffMember) async throws -> DesktopPage.Panel? {
        guard let a = try await ContactCenterStore(db: req.db).agent(member.id.uuidString) else { return nil }
        return try await DesktopController().panelModel(req, a)
    }

    func panelModel(_ req: Request, _ a: Agent) async throws -> DesktopPage.Panel {
        let now = try await ServerClock.now(req.db)
        let timeout = ContactCenter.RoutingPolicy().offerTimeout
        let held = try await ContactCenterStore(db: req.db).held(by: a.id)
        var offers: [DesktopPage.Offer] = [], active: [DesktopPage.Active] = []
        for i in held {
            let title = try await ContactFacts.title(i, req)
            if i.state == .offered, let at = i.offeredAt {
                let deadline = at.addingTimeInterval(timeout)
                let details = req.catalogue.text("desktop.offer_details", ["language": Language(rawValue: i.language)?.nativeName ?? i.language,
                                                                           "waited": ContactFacts.duration(now.timeIntervalSince(i.queuedAt))])
                offers.append(.init(id: i.id.uuidString, title: title, details: details, deadlineMillis: Int64(deadline.timeIntervalSince1970 * 1000),
                                    secondsLeft: max(0, Int(deadline.timeIntervalSince(now).rounded()))))
            } else {
                active.append(.init(id: i.id.uuidString, title: title, state: req.catalogue.text("interaction.state_" + i.state.rawValue),
                                    since: DateText.time(i.offeredAt ?? i.queuedAt, req.language)))
            }
        }
        return DesktopPage.Panel(state: ContactFacts.stateLabel(a.state, req.catalogue), serverNowMillis: Int64(now.timeIntervalSince1970 * 1000),
                                 offers: offers, active: active)
    }

    /// A refused action shows the desktop again with the reason (409 and the like).
    func refused(_ req: Request, _ member: StaffMember, _ e: DesktopError) async throws -> Response {
        try await page(req, member, notice: nil, error: req.catalogue.text(e.key), status: e.status)
    }

}
