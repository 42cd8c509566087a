import Plot

/// The supervisor's live wallboard: per queue what waits and how today went, per agent the
/// state and time in it, with a filter by office or voivodeship and state changes per agent.
public enum WallboardPage {
    public struct QueueRow: Sendable {
        public let office: String
        public let topic: String
        public let waiting: Int
        public let longestWait: String
        public let serviceLevel: String
        public let answered: Int
        public let abandoned: Int
        /// "4.5 (12)": today's average rating and how many answered.
        public let satisfaction: String
        public init(office: String, topic: String, waiting: Int, longestWait: String, serviceLevel: String, answered: Int, abandoned: Int,
                    satisfaction: String) {
            self.office = office; self.topic = topic; self.waiting = waiting; self.longestWait = longestWait; self.serviceLevel = serviceLevel
            self.answered = answered; self.abandoned = abandoned; self.satisfaction = satisfaction
        }
    }

    public struct AgentRow: Sendable {
        public let id: String
        public let name: String
        public let offices: String
        public let state: String
        public let timeInState: String
        public let load: String
        public let loggedIn: Bool
        public init(id: String, name: String, offices: String, state: String, timeInState: String, load: String, loggedIn: Bool) {
            self.id = id; self.name = name; self.offices = offices; self.state = state; self.timeInState = timeInState; self.load = load
            self.loggedIn = loggedIn
        }
    }

    public struct Panel: Sendable {
        public let queues: [QueueRow]
        public let agents: [AgentRow]
        /// Agents per state, e.g. ("Available", 4).
        public let byState: [(state: String, count: Int)]
        public let updatedAt: String
        public init(queues: [QueueRow], agents: [AgentRow], byState: [(state: String, count: Int)], updatedAt: String) {
            self.queues = queues; self.agents = agents; self.byState = byState; self.updatedAt = updatedAt
        }
    }

    public struct Model: Sendable {
        public let panel: Panel
        public let offices: [(value: String, label: String)]
        public let voivodeships: [(value: String, label: String)]
        public let filter: FormState
        /// The panel's address with the same filter.
        public let panelPath: String
        public let notice: String?
        public init(panel: Panel, offices: [(value: String, label: String)], voivodeships: [(value: String, label: String)], filter: FormState,
                    panelPath: String, notice: String?) {
            self.panel = panel; self.offices = offices; self.voivodeships = voivodeships; self.filter = filter; self.panelPath = panelPath
            self.notice = notice
        }
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("wallboard.title"), scripts: [LiveScript.path], main: .group(
            StaffNav.back(ctx),
            .h1(.text(ctx.t("wallboard.title"))),
            m.notice.map { Components.notice($0) } ?? .empty,
            .form(.method(.get), .action(SiteRoute.wallboard.path), .class("filters"),
                Forms.select("office", label: ctx.t("wallboard.office"), options: m.offices, state: m.filter, blank: ctx.t("wallboard.all"), ctx: ctx),
                Forms.select("voivodeship", label: ctx.t("wallboard.voivodeship"), options: m.voivodeships, state: m.filter,
                             blank: ctx.t("wallboard.all"), ctx: ctx),
                .button(.type(.submit), .text(ctx.t("wallboard.filter")))),
            .p(.id("live-status"), .class("live-status"), .attribute(named: "role", value: "status"), .text(ctx.t("desktop.live_off"))),
            .button(.type(.button), .id("live-pause"), .class("secondary"), .attribute(named: "aria-pressed", value: "false"),
                    .attribute(named: "hidden", value: "hidden"), .text(ctx.t("desktop.pause_updates"))),
            .div(.id("live-announcer"), .class("visually-hidden"), .attribute(named: "aria-live", value: "polite")),
            .div(.id("wallboard-live"), .attribute(named: "data-live-panel", value: m.panelPath),
                 .attribute(named: "data-live-ws", value: SiteRoute.wallboardSocket.path), .attribute(named: "data-live-every", value: "5"),
                 .attribute(named: "data-text-connected", value: ctx.t("desktop.live_on")),
                 .attribute(named: "data-text-reconnecting", value: ctx.t("desktop.live_reconnecting")),
                 .attribute(named: "data-text-paused", value: ctx.t("desktop.live_paused")),
                 panelNodes(m.panel, ctx))
        ))
    }

    public static func panel(_ panel: Panel, _ ctx: PageContext) -> String { panelNodes(panel, ctx).render() }

    static func panelNodes(_ p: Panel, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .p(.class("hint"), .text(ctx.t("wallboard.updated", ["time": p.updatedAt]))),
            .h2(.text(ctx.t("wallboard.queues"))),
            Tables.table(caption: ctx.t("wallboard.queues"),
                         headers: [ctx.t("wallboard.office"), ctx.t("desktop.topic"), ctx.t("wallboard.waiting"), ctx.t("wallboard.longest_wait"),
                                   ctx.t("wallboard.service_level"), ctx.t("wallboard.answered"), ctx.t("wallboard.abandoned"),
                                   ctx.t("wallboard.satisfaction")],
                         rows: p.queues.map { q in
                             [.text(q.office), .text(q.topic), .text("\(q.waiting)"), .text(q.longestWait), .text(q.serviceLevel),
                              .text("\(q.answered)"), .text("\(q.abandoned)"), .text(q.satisfaction)]
                         }, empty: ctx.t("wallboard.no_queues")),
            .h2(.text(ctx.t("wallboard.agents"))),
            p.byState.isEmpty ? .empty : .ul(.class("inline-list"), .forEach(p.byState) { .li(.text("\($0.state): \($0.count)")) }),
            Tables.table(caption: ctx.t("wallboard.agents"),
                         headers: [ctx.t("wallboard.agent"), ctx.t("wallboard.office"), ctx.t("desktop.state"), ctx.t("wallboard.time_in_state"),
                                   ctx.t("wallboard.load"), ctx.t("wallboard.actions")],
                         rows: p.agents.map { a in
                             [.a(.href(SiteRoute.staffAgent(a.id).path), .text(a.name)), .text(a.offices), .text(a.state), .text(a.timeInState), .text(a.load),
                              a.loggedIn ? .form(.method(.post), .action(SiteRoute.staffAgentState(a.id).path), .class("inline"),
                                                 Forms.csrf(ctx), .input(.type(.hidden), .name("state"), .value("offline")),
                                                 .input(.type(.hidden), .name("return"), .value("wallboard")),
                                                 .button(.type(.submit), .id("logout-\(a.id)"), .text(ctx.t("wallboard.force_logout")),
                                                         .attribute(named: "aria-label", value: ctx.t("wallboard.force_logout_of", ["name": a.name]))))
                                         : .text("–")]
                         }, empty: ctx.t("wallboard.no_agents"))
        )
    }
}
