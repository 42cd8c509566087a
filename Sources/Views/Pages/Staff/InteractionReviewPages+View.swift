import Plot

/// Supervisors' view of contacts: the latest ones of their offices, and one contact with what
/// the channel learned, its history, its recordings (played through the server, each play in
/// the audit log) and — while a call is in progress — joining it to listen or coach.
public enum InteractionReviewPages {
    public struct Row: Sendable {
        public let id: String
        public let when: String
        public let title: String
        public let state: String
        public let recordings: Int
        public init(id: String, when: String, title: String, state: String, recordings: Int) {
            self.id = id; self.when = when; self.title = title; self.state = state; self.recordings = recordings
        }
    }

    public static func list(_ rows: [Row], _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("review.title"), main: .group(
            .h1(.text(ctx.t("review.title"))),
            Tables.table(caption: ctx.t("review.title"), headers: [ctx.t("review.when"), ctx.t("review.contact"), ctx.t("desktop.state"), ctx.t("review.recordings")],
                         rows: rows.map { r in [.text(r.when), .a(.href(SiteRoute.staffInteraction(r.id).path), .text(r.title)), .text(r.state), .text("\(r.recordings)")] },
                         empty: ctx.t("review.none"))))
    }

    public struct Recording: Sendable {
        public let src: String
        public let label: String
        public init(src: String, label: String) { self.src = src; self.label = label }
    }

    public struct Model: Sendable {
        public let id: String
        public let title: String
        public let facts: [(label: String, value: String)]
        public let context: [(label: String, value: String)]
        public let history: [(when: String, text: String)]
        public let recordings: [Recording]
        /// Supervisors on the line now (listening or coaching).
        public let monitors: [String]
        public let canMonitor: Bool
        /// Why joining is not offered (not a call in progress, no conference).
        public let monitorNote: String?
        public let notice: String?
        /// The carrier's API is configured, so recordings can be played through this server.
        public let playable: Bool
        public init(id: String, title: String, facts: [(label: String, value: String)], context: [(label: String, value: String)],
                    history: [(when: String, text: String)], recordings: [Recording], monitors: [String], canMonitor: Bool, monitorNote: String?,
                    notice: String?, playable: Bool) {
            self.playable = playable
            self.id = id; self.title = title; self.facts = facts; self.context = context; self.history = history; self.recordings = recordings
            self.monitors = monitors; self.canMonitor = canMonitor; self.monitorNote = monitorNote; self.notice = notice
        }
    }

    public static func detail(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: m.title, main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffInteractions.path), .text("← " + ctx.t("review.title")))),
            .h1(.text(m.title)),
            m.notice.map { Components.notice($0) } ?? .empty,
            .dl(.forEach(m.facts + m.context) { f in .group(.dt(.text(f.label)), .dd(.text(f.value))) }),
            .section(.attribute(named: "aria-labelledby", value: "live-heading"),
                .h2(.id("live-heading"), .text(ctx.t("review.live"))),
                m.monitors.isEmpty ? .empty : .p(.text(ctx.t("review.monitors", ["names": m.monitors.joined(separator: ", ")]))),
                m.canMonitor ? .div(.class("actions"),
                    Forms.button(SiteRoute.staffInteractionMonitor(m.id).path, label: ctx.t("review.listen"), hidden: [("mode", "listen")], ctx: ctx),
                    Forms.button(SiteRoute.staffInteractionMonitor(m.id).path, label: ctx.t("review.coach"), hidden: [("mode", "coach")], ctx: ctx))
                : .p(.text(m.monitorNote ?? ""))),
            .section(.attribute(named: "aria-labelledby", value: "recordings-heading"),
                .h2(.id("recordings-heading"), .text(ctx.t("review.recordings"))),
                m.recordings.isEmpty ? .p(.class("empty"), .text(ctx.t("review.no_recordings"))) :
                !m.playable ? .group(.p(.class("notice"), .text(ctx.t("review.no_carrier"))), .ul(.forEach(m.recordings) { .li(.text($0.label)) })) :
                .ul(.forEach(m.recordings) { r in
                    .li(.p(.text(r.label)),
                        .element(named: "audio", nodes: [.attribute(named: "controls", value: "controls"), .attribute(named: "preload", value: "none"),
                                                         .attribute(named: "src", value: r.src), .attribute(named: "aria-label", value: r.label),
                                                         .a(.href(r.src), .text(ctx.t("review.download")))]))
                })),
            .section(.attribute(named: "aria-labelledby", value: "history-heading"),
                .h2(.id("history-heading"), .text(ctx.t("review.history"))),
                .ol(.forEach(m.history) { h in .li(.text(h.when + " – " + h.text)) }))
        ))
    }
}
