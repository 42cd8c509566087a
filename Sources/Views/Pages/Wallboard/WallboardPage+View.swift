import Plot

/// The supervisor's live wallboard: per queue what waits and how today went, per agent the
/// state and time in it, with a filter by office or voivodeship and state changes per agent.
public enum WallboardPage {
    public struct QueueRow: Sendable {
        public struct Hour: Sendable {
            public let label: String
            public let level: Double?
            public let answered: Int
            public let abandoned: Int
            public init(label: String, level: Double?, answered: Int, abandoned: Int) {
                self.label = label; self.level = level; self.answered = answered; self.abandoned = abandoned
            }
        }
        public let id: String
        public let office: String
        public let topic: String
        public let waiting: Int
        public let longestWait: String
        public let serviceLevel: String
        /// "target 80 %"
        public let target: String
        public let targetValue: Double?
        /// met | near | missed | none: a class for the colour, always said in words and a sign too.
        public let standing: String
        public let standingText: String
        public let answered: Int
        public let abandoned: Int
        /// "4.5 (12)": today's average rating and how many answered.
        public let satisfaction: String
        /// The service level so far at the end of each hour of today.
        public let day: [Hour]
        public init(id: String, office: String, topic: String, waiting: Int, longestWait: String, serviceLevel: String, target: String, targetValue: Double?,
                    standing: String, standingText: String, answered: Int, abandoned: Int, satisfaction: String, day: [Hour]) {
            self.id = id; self.office = office; self.topic = topic; self.waiting = waiting; self.longestWait = longestWait; self.serviceLevel = serviceLevel
            self.target = target; self.targetValue = targetValue; self.standing = standing; self.standingText = standingText
            self.answered = answered; self.abandoned = abandoned; self.satisfaction = satisfaction; self.day = day
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
        /// Works remotely: calls go to their own phone.
        public let remote: Bool
        public init(id: String, name: String, offices: String, state: String, timeInState: String, load: String, loggedIn: Bool, remote: Bool = false) {
            self.id = id; self.name = name; self.offices = offices; self.state = state; self.timeInState = timeInState; self.load = load
            self.loggedIn = loggedIn; self.remote = remote
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
            .h1(.text(ctx.t("wallboard.title"))),
            m.notice.map { Components.notice($0) } ?? .empty,
            .form(.method(.get), .action(SiteRoute.wallboard.path), .class("filters board-filters"),
                Forms.select("office", label: ctx.t("wallboard.office"), options: m.offices, state: m.filter, blank: ctx.t("wallboard.all"), ctx: ctx),
                Forms.select("voivodeship", label: ctx.t("wallboard.voivodeship"), options: m.voivodeships, state: m.filter,
                             blank: ctx.t("wallboard.all"), ctx: ctx),
                .button(.type(.submit), .text(ctx.t("wallboard.filter")))),
            .div(.id("wallboard-live"), .attribute(named: "data-live-panel", value: m.panelPath),
                 .attribute(named: "data-live-ws", value: SiteRoute.wallboardSocket.path), .attribute(named: "data-live-every", value: "5"),
                 .attribute(named: "data-text-connected", value: ctx.t("desktop.live_on")),
                 .attribute(named: "data-text-reconnecting", value: ctx.t("desktop.live_reconnecting")),
                 .attribute(named: "data-text-paused", value: ctx.t("desktop.live_paused")),
                 panelNodes(m.panel, ctx)),
            .div(.class("live-controls"),
                .p(.id("live-status"), .class("live-status"), .attribute(named: "role", value: "status"), .text(ctx.t("desktop.live_off"))),
                .button(.type(.button), .id("live-pause"), .class("secondary"), .attribute(named: "aria-pressed", value: "false"),
                        .attribute(named: "hidden", value: "hidden"), .text(ctx.t("desktop.pause_updates")))),
            .div(.id("live-announcer"), .class("visually-hidden"), .attribute(named: "aria-live", value: "polite"))
        ))
    }

    public static func panel(_ panel: Panel, _ ctx: PageContext) -> String { panelNodes(panel, ctx).render() }

    /// One queue as a card read from across a room: the service level against its target, what
    /// waits and the longest wait in large figures; the standing in a colour, a sign and words;
    /// the day so far as a line, with the same figures in a table for those who do not see it.
    static func queueCard(_ q: QueueRow, _ ctx: PageContext) -> Node<HTML.ListContext> {
        let sign = ["met": "✓", "near": "!", "missed": "✕"][q.standing] ?? "–"
        let state = ["met": "ok", "near": "warn", "missed": "bad"][q.standing] ?? "none"
        let name = q.topic + " · " + q.office
        let counts = ctx.t("wallboard.card_counts", ["answered": "\(q.answered)", "abandoned": "\(q.abandoned)", "satisfaction": q.satisfaction])
        let figures: Node<HTML.BodyContext> = .dl(.class("board-figures"),
            .dt(.text(ctx.t("wallboard.service_level"))), .dd(.text(q.serviceLevel)),
            .dt(.text(ctx.t("wallboard.waiting"))), .dd(.text("\(q.waiting)")),
            .dt(.text(ctx.t("wallboard.longest_wait"))), .dd(.text(q.longestWait)))
        return .li(.class("board-queue state-" + state),
            .h3(.text(name)),
            .p(.class("board-status state-" + state), .span(.attribute(named: "aria-hidden", value: "true"), .text(sign + " ")), .text(q.standingText)),
            figures,
            .p(.class("hint"), .text(q.target + " · " + counts)),
            q.day.isEmpty ? .empty : day(q, name: name, ctx))
    }

    /// The day so far: the line, and the same figures as a table.
    static func day(_ q: QueueRow, name: String, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        let title = ctx.t("wallboard.spark_title", ["queue": name])
        let description = ctx.t("wallboard.spark_desc", ["from": q.day.first?.label ?? "", "to": q.day.last?.label ?? "", "level": q.serviceLevel, "target": q.target])
        let rows: [[Node<HTML.BodyContext>]] = q.day.map { h in
            [.text(h.label), .text(h.level.map { String(format: "%.0f %%", $0 * 100) } ?? "–"), .text("\(h.answered)"), .text("\(h.abandoned)")]
        }
        let headers = [ctx.t("wallboard.hour"), ctx.t("wallboard.service_level_so_far"), ctx.t("wallboard.answered"), ctx.t("wallboard.abandoned")]
        return .group(
            SVGChart.sparkline(id: "spark-\(q.id)", title: title, description: description, values: q.day.map(\.level), target: q.targetValue),
            .element(named: "details", nodes: [.class("data-table"), .element(named: "summary", text: ctx.t("wallboard.spark_table")),
                                               Tables.table(caption: title, headers: headers, rows: rows, empty: ctx.t("wallboard.no_queues"))]))
    }

    static func panelNodes(_ p: Panel, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .p(.class("hint"), .text(ctx.t("wallboard.updated", ["time": p.updatedAt]))),
            .h2(.text(ctx.t("wallboard.queues"))),
            p.queues.isEmpty ? .p(.class("empty"), .text(ctx.t("wallboard.no_queues"))) : .ul(.class("board"), .forEach(p.queues) { queueCard($0, ctx) }),
            .h2(.text(ctx.t("wallboard.agents"))),
            p.byState.isEmpty ? .empty : .ul(.class("board-agents"), .forEach(p.byState) { .li(.strong(.text("\($0.count)")), .text($0.state)) }),
            Tables.table(caption: ctx.t("wallboard.agents"),
                         headers: [ctx.t("wallboard.agent"), ctx.t("wallboard.office"), ctx.t("desktop.state"), ctx.t("wallboard.time_in_state"),
                                   ctx.t("wallboard.load"), ctx.t("wallboard.actions")],
                         rows: p.agents.map { a in
                             [.a(.href(SiteRoute.staffAgent(a.id).path), .text(a.name)),
                              a.remote ? .group(.text(a.offices + " "), .span(.class("badge"), .text(ctx.t("wallboard.remote")))) : .text(a.offices),
                              .text(a.state), .text(a.timeInState), .text(a.load),
                              a.loggedIn ? .form(.method(.post), .action(SiteRoute.staffAgentState(a.id).path), .class("inline"),
                                                 Forms.csrf(ctx), .input(.type(.hidden), .name("state"), .value("offline")),
                                                 .input(.type(.hidden), .name("return"), .value("wallboard")),
                                                 .button(.type(.submit), .id("logout-\(a.id)"), .class("secondary"), .text(ctx.t("wallboard.force_logout")),
                                                         .attribute(named: "aria-label", value: ctx.t("wallboard.force_logout_of", ["name": a.name]))))
                                         : .text("–")]
                         }, empty: ctx.t("wallboard.no_agents"))
        )
    }
}
