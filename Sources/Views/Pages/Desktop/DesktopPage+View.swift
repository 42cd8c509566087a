import Foundation
import Plot

/// The consultant desktop: presence and queues (forms that work without script), and a live
/// panel with the offers ringing (accept / decline, countdown) and the contacts in hand.
public enum DesktopPage {
    public struct Offer: Sendable {
        public let id: String
        public let title: String
        public let details: String
        /// When the offer lapses, epoch milliseconds on the server's clock.
        public let deadlineMillis: Int64
        public let secondsLeft: Int
        public init(id: String, title: String, details: String, deadlineMillis: Int64, secondsLeft: Int) {
            self.id = id; self.title = title; self.details = details; self.deadlineMillis = deadlineMillis; self.secondsLeft = secondsLeft
        }
    }

    public struct Active: Sendable {
        public let id: String
        public let title: String
        public let state: String
        public let since: String
        public init(id: String, title: String, state: String, since: String) { self.id = id; self.title = title; self.state = state; self.since = since }
    }

    /// A chat in progress, shown with the others so several are handled side by side.
    public struct Chat: Sendable {
        public let id: String
        public let title: String
        public let conversation: ChatConversation
        public init(id: String, title: String, conversation: ChatConversation) { self.id = id; self.title = title; self.conversation = conversation }
    }

    public struct Panel: Sendable {
        public let state: String
        public let serverNowMillis: Int64
        public let offers: [Offer]
        public let active: [Active]
        public init(state: String, serverNowMillis: Int64, offers: [Offer], active: [Active]) {
            self.state = state; self.serverNowMillis = serverNowMillis; self.offers = offers; self.active = active
        }
    }

    public struct Model: Sendable {
        public let panel: Panel
        public let breakReasons: [(value: String, label: String)]
        public let topics: [(value: String, label: String, checked: Bool)]
        public let notice: String?
        public let error: String?
        public var chats: [Chat] = []
        public init(panel: Panel, breakReasons: [(value: String, label: String)], topics: [(value: String, label: String, checked: Bool)],
                    notice: String?, error: String?) {
            self.panel = panel; self.breakReasons = breakReasons; self.topics = topics; self.notice = notice; self.error = error
        }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("desktop.title"), scripts: [LiveScript.path] + (model.chats.isEmpty ? [] : [ChatScript.path]), main: .group(
            .h1(.text(ctx.t("desktop.title"))),
            model.error.map { Components.notice($0, role: "alert") } ?? .empty,
            model.notice.map { Components.notice($0) } ?? .empty,
            .div(.class("desk"),
                .section(.class("pane desk-presence"), .attribute(named: "aria-labelledby", value: "presence-heading"),
                    .h2(.id("presence-heading"), .text(ctx.t("desktop.presence"))),
                    .div(.class("button-row"),
                        Forms.button(SiteRoute.desktopState.path, label: ctx.t("agent.state_available"), hidden: [("state", "available")], ctx: ctx),
                        Forms.button(SiteRoute.desktopState.path, label: ctx.t("desktop.log_out_queues"), hidden: [("state", "offline")], style: .secondary, ctx: ctx)),
                    .form(.method(.post), .action(SiteRoute.desktopState.path), .class("stacked"),
                        Forms.csrf(ctx),
                        .input(.type(.hidden), .name("state"), .value("break")),
                        Forms.select("reason", label: ctx.t("desktop.break_reason"), options: model.breakReasons, state: FormState(), ctx: ctx),
                        .button(.type(.submit), .class("secondary"), .text(ctx.t("desktop.take_break")))),
                    .form(.method(.post), .action(SiteRoute.desktopQueues.path),
                        Forms.csrf(ctx),
                        .fieldset(
                            .element(named: "legend", text: ctx.t("desktop.my_queues")),
                            .p(.class("hint"), .text(ctx.t("desktop.my_queues_hint"))),
                            .forEach(model.topics) { t in
                                Forms.checkbox("topic_" + t.value, label: t.label, state: FormState(values: ["topic_" + t.value: t.checked ? "on" : ""]))
                            }),
                        .button(.type(.submit), .text(ctx.t("desktop.save_queues")))),
                    .p(.a(.href(SiteRoute.desktopManual.path), .text(ctx.t("desktop.log_manual")))),
                    .p(.a(.href(SiteRoute.desktopPhone.path), .text(ctx.t("remote.link"))))),
                .div(.class("desk-work"),
                    .section(.class("pane"), .attribute(named: "aria-labelledby", value: "active-heading"),
                        .h2(.id("active-heading"), .text(ctx.t("desktop.in_hand"))),
                        .div(.id("desktop-live"), .attribute(named: "data-live-panel", value: SiteRoute.desktopContacts.path),
                             .attribute(named: "data-live-ws", value: SiteRoute.desktopSocket.path), .attribute(named: "data-live-every", value: "10"),
                             contactsNodes(model.panel, ctx))),
                    .if(!model.chats.isEmpty, .section(.class("pane"), .attribute(named: "aria-labelledby", value: "chats-heading"),
                        .h2(.id("chats-heading"), .text(ctx.t("desktop.chats"))),
                        .div(.class("chat-grid"), .forEach(model.chats) { c in
                            .article(.class("chat-card"), .attribute(named: "aria-labelledby", value: "chat-title-\(c.id)"),
                                .h3(.id("chat-title-\(c.id)"), .a(.href(SiteRoute.desktopInteraction(c.id).path), .text(c.title))),
                                ChatBox.render(.init(key: "chat-\(c.id)", role: "agent", conversation: c.conversation,
                                                     sayAction: SiteRoute.desktopChat(c.id).path, stateURL: SiteRoute.desktopChat(c.id).path,
                                                     typingURL: SiteRoute.desktopTyping(c.id).path), ctx))
                        })))))
        ))
    }

    /// The bar's live part alone (state, contacts ringing), for the script to swap in.
    public static func panel(_ panel: Panel, _ ctx: PageContext) -> String { barNodes(panel, ctx).render() }

    /// The desktop's list of contacts in hand alone, for the script to swap in.
    public static func contacts(_ panel: Panel, _ ctx: PageContext) -> String { contactsNodes(panel, ctx).render() }

    /// The consultant's state and the contacts ringing, at the top of every staff page: each
    /// offer with its countdown, accept (Alt+Shift+A for the first) and decline (Alt+Shift+D).
    static func barNodes(_ panel: Panel, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .div(.class("agent-now"), .attribute(named: "data-server-now", value: String(panel.serverNowMillis)),
            .p(.class("agent-state"),
               .span(.text(ctx.t("desktop.your_state") + ": ")), .strong(.text(panel.state)), .text(" · "),
               .a(.href(SiteRoute.desktop.path), .text(ctx.plural("desktop.in_hand_count", panel.active.count, ["count": "\(panel.active.count)"])))),
            panel.offers.isEmpty ? .p(.class("agent-quiet"), .text(ctx.t("desktop.no_offers"))) :
            .ul(.class("offers"), .forEach(Array(panel.offers.enumerated())) { offerNode($0.offset, $0.element, ctx) }))
    }

    static func offerNode(_ n: Int, _ o: Offer, _ ctx: PageContext) -> Node<HTML.ListContext> {
        .li(.class("offer"), .attribute(named: "data-announce-id", value: o.id),
            .attribute(named: "data-announce", value: ctx.t("desktop.offer_announce", ["title": o.title, "seconds": "\(o.secondsLeft)"])),
            .p(.class("offer-title"), .strong(.id("offer-\(o.id)"), .text(o.title)), .text(" – " + o.details)),
            .p(.class("offer-countdown"), .attribute(named: "data-deadline", value: String(o.deadlineMillis)),
               .text(ctx.t("desktop.accept_within") + " "), .span(.class("countdown-value"), .text("\(o.secondsLeft)")), .text(" s")),
            .div(.class("button-row"),
                .form(.method(.post), .action(SiteRoute.desktopOfferAccept(o.id).path), .class("inline"), Forms.csrf(ctx),
                      .button(.type(.submit), .id("accept-\(o.id)"), .text(ctx.t("desktop.accept")),
                              .attribute(named: "aria-describedby", value: "offer-\(o.id)"),
                              .if(n == 0, .attribute(named: "aria-keyshortcuts", value: "Alt+Shift+A")))),
                .form(.method(.post), .action(SiteRoute.desktopOfferDecline(o.id).path), .class("inline"), Forms.csrf(ctx),
                      .button(.type(.submit), .id("decline-\(o.id)"), .class("secondary"), .text(ctx.t("desktop.decline")),
                              .attribute(named: "aria-describedby", value: "offer-\(o.id)"),
                              .if(n == 0, .attribute(named: "aria-keyshortcuts", value: "Alt+Shift+D"))))))
    }

    static func contactsNodes(_ panel: Panel, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        Tables.table(caption: ctx.t("desktop.in_hand"), headers: [ctx.t("desktop.contact"), ctx.t("desktop.state"), ctx.t("desktop.since")],
                     rows: panel.active.map { a in
                         [.a(.id("open-\(a.id)"), .href(SiteRoute.desktopInteraction(a.id).path), .text(a.title)), .text(a.state), .text(a.since)]
                     }, empty: ctx.t("desktop.nothing_in_hand"))
    }
}
