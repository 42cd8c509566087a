import Plot

/// The screen pop: one contact in hand with its context, the client card (identity, CVs,
/// offers, every earlier contact with notes), notes, transfer and closing with an outcome.
public enum InteractionPage {
    public struct HistoryRow: Sendable {
        public let when: String
        public let channel: String
        public let topic: String
        public let state: String
        public let outcome: String?
        public let notes: [String]
        public init(when: String, channel: String, topic: String, state: String, outcome: String?, notes: [String]) {
            self.when = when; self.channel = channel; self.topic = topic; self.state = state; self.outcome = outcome; self.notes = notes
        }
    }

    public struct ClientCard: Sendable {
        public let name: String
        public let number: String
        public let office: String?
        public let kind: String
        public let cvs: [String]
        public let offers: [String]
        public let history: [HistoryRow]
        /// Offers that fit the client's CVs, with why, to send one in a click.
        public var fitting: [FittingOffer] = []
        public init(name: String, number: String, office: String?, kind: String, cvs: [String], offers: [String], history: [HistoryRow]) {
            self.name = name; self.number = number; self.office = office; self.kind = kind; self.cvs = cvs; self.offers = offers; self.history = history
        }
    }

    public struct FittingOffer: Sendable {
        public let id: String, title: String, detail: String, why: String
        public init(id: String, title: String, detail: String, why: String) { self.id = id; self.title = title; self.detail = detail; self.why = why }
    }

    /// One e-mail of the contact's case.
    public struct Mail: Sendable {
        public let id: String
        public let inbound: Bool
        public let heading: String
        public let when: String
        public let subject: String
        public let body: String
        public let problems: [String]
        public let attachments: [(url: String, label: String)]
        public init(id: String, inbound: Bool, heading: String, when: String, subject: String, body: String, problems: [String],
                    attachments: [(url: String, label: String)]) {
            self.id = id; self.inbound = inbound; self.heading = heading; self.when = when; self.subject = subject; self.body = body
            self.problems = problems; self.attachments = attachments
        }
    }

    /// Where a reply goes, said next to the reply box.
    public struct Reply: Sendable {
        public let hint: String
        /// A text message: a short reply.
        public let sms: Bool
        public init(hint: String, sms: Bool) { self.hint = hint; self.sms = sms }
    }

    public struct Model: Sendable {
        public let id: String
        public let title: String
        public let facts: [(label: String, value: String)]
        public let context: [(label: String, value: String)]
        public let client: ClientCard?
        public let notes: [(when: String, text: String)]
        public let connected: Bool
        public let inWrapUp: Bool
        public let outcomes: [(value: String, label: String)]
        public let topics: [(value: String, label: String)]
        public let agents: [(value: String, label: String)]
        public let form: FormState
        public let notice: String?
        /// Knowledge-base answers: suggested for the topic, or found for `kbQuery`.
        public var articles: [(id: String, title: String, note: String?)] = []
        public var kbQuery = ""
        public var canEmail = false
        /// A live chat: the conversation, with the form to answer.
        public var chat: ChatConversation? = nil
        /// An e-mail case: its messages, oldest first, and the reply form.
        public var mails: [Mail] = []
        /// A phone to remind the client of an office visit by SMS.
        public var canRemind = false
        /// The consultant may open a foreigner's application draft by the code the caller reads out.
        public var canGuideForeigners = false
        /// The written answer this contact can get from here (its thread, a form's e-mail, an SMS).
        public var reply: Reply? = nil
        /// Offices to transfer to, by voivodeship.
        public var offices: [(label: String, options: [(value: String, label: String)])] = []
        public init(id: String, title: String, facts: [(label: String, value: String)], context: [(label: String, value: String)], client: ClientCard?,
                    notes: [(when: String, text: String)], connected: Bool, inWrapUp: Bool, outcomes: [(value: String, label: String)],
                    topics: [(value: String, label: String)], agents: [(value: String, label: String)], form: FormState, notice: String?) {
            self.id = id; self.title = title; self.facts = facts; self.context = context; self.client = client; self.notes = notes
            self.connected = connected; self.inWrapUp = inWrapUp; self.outcomes = outcomes; self.topics = topics; self.agents = agents
            self.form = form; self.notice = notice
        }
    }

    /// The screen pop in panes: what the contact is and what the channel learned, the client's
    /// card and history on one side, the conversation and the work on it (reply, notes, end,
    /// close, transfer) in the middle, the knowledge base on the other side; one column on a
    /// narrow screen or at 200 % zoom, in the same reading order.
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        let unknown = ctx.t("offices.unknown")
        let active = m.connected || m.inWrapUp
        return Layout.render(ctx, title: m.title, scripts: m.chat == nil ? [] : [ChatScript.path], main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.desktop.path), .text("← " + ctx.t("desktop.title")))),
            .h1(.text(m.title)),
            Forms.errorSummary(m.form, ctx),
            m.notice.map { Components.notice($0) } ?? .empty,
            .div(.class("panes"),
                .section(.class("pane pane-context"), .attribute(named: "aria-labelledby", value: "context-heading"),
                    .h2(.id("context-heading"), .text(ctx.t("desktop.context"))),
                    .dl(.class("facts"), .forEach(m.facts) { Components.fact($0.label, $0.value, unknown: unknown) }),
                    m.context.isEmpty ? .p(.class("empty"), .text(ctx.t("desktop.no_context"))) :
                    .dl(.class("facts"), .forEach(m.context) { Components.fact($0.label, $0.value, unknown: unknown) })),
                clientCard(m.client, interaction: m.id, ctx),
                history(m.client, ctx),
                knowledge(m, ctx),
                .section(.class("pane pane-work"), .attribute(named: "aria-labelledby", value: "work-heading"),
                    .h2(.id("work-heading"), .text(ctx.t("desktop.work"))),
                    m.chat.map { chat in
                        .section(.attribute(named: "aria-labelledby", value: "chat-heading"),
                            .h3(.id("chat-heading"), .text(ctx.t("desktop.chat"))),
                            ChatBox.render(.init(key: "chat-\(m.id)", role: "agent", conversation: chat, sayAction: SiteRoute.desktopChat(m.id).path,
                                                 stateURL: SiteRoute.desktopChat(m.id).path, typingURL: SiteRoute.desktopTyping(m.id).path), form: m.form, ctx))
                    } ?? .empty,
                    .if(!m.mails.isEmpty || m.reply != nil, mailSection(m, ctx)),
                    .section(.attribute(named: "aria-labelledby", value: "notes-heading"),
                        .h3(.id("notes-heading"), .text(ctx.t("desktop.notes"))),
                        m.notes.isEmpty ? .p(.class("empty"), .text(ctx.t("desktop.no_notes"))) :
                        .ul(.forEach(m.notes) { n in .li(.strong(.text(n.when + ": ")), .text(n.text)) }),
                        .if(active,
                            .form(.method(.post), .action(SiteRoute.desktopNotes(m.id).path),
                                Forms.csrf(ctx),
                                Forms.textarea("note", label: ctx.t("desktop.new_note"), state: m.form, ctx: ctx),
                                .button(.type(.submit), .class("secondary"), .text(ctx.t("desktop.add_note")))))),
                    .if(m.connected, .section(.attribute(named: "aria-labelledby", value: "end-heading"),
                        .h3(.id("end-heading"), .text(ctx.t("desktop.end_heading"))),
                        Forms.button(SiteRoute.desktopEnd(m.id).path, label: ctx.t("desktop.end"), shortcut: ("end", "Alt+Shift+E"), ctx: ctx))),
                    .if(active, .section(.attribute(named: "aria-labelledby", value: "close-heading"),
                        .h3(.id("close-heading"), .text(ctx.t("desktop.close_heading"))),
                        .form(.method(.post), .action(SiteRoute.desktopClose(m.id).path), .attribute(named: "data-shortcut", value: "close"),
                            Forms.csrf(ctx),
                            Forms.select("outcome", label: ctx.t("desktop.outcome"), options: m.outcomes, state: m.form, blank: ctx.t("form.choose"), ctx: ctx),
                            Forms.textarea("closing_note", label: ctx.t("desktop.closing_note"), state: m.form, required: false, ctx: ctx),
                            .button(.type(.submit), .attribute(named: "aria-keyshortcuts", value: "Alt+Shift+C"), .text(ctx.t("desktop.close")))))),
                    .if(m.canRemind && active, .section(.attribute(named: "aria-labelledby", value: "visit-heading"),
                        .h3(.id("visit-heading"), .text(ctx.t("desktop.visit_heading"))),
                        .p(.class("hint"), .text(ctx.t("desktop.visit_hint"))),
                        .form(.method(.post), .action(SiteRoute.desktopVisitReminder(m.id).path), .attribute(named: "novalidate", value: "novalidate"),
                            Forms.csrf(ctx),
                            Forms.field("visit_date", label: ctx.t("desktop.visit_date"), type: .date, state: m.form, ctx: ctx),
                            Forms.field("visit_time", label: ctx.t("desktop.visit_time"), type: .time, state: m.form, ctx: ctx),
                            .button(.type(.submit), .class("secondary"), .text(ctx.t("desktop.visit_send")))))),
                    .if(m.canGuideForeigners && active, .section(.attribute(named: "aria-labelledby", value: "draft-heading"),
                        .h3(.id("draft-heading"), .text(ctx.t("fg.guide_heading"))),
                        .p(.class("hint"), .text(ctx.t("fg.guide_hint"))),
                        .form(.method(.post), .action(SiteRoute.desktopForeignerDraft(m.id).path), .attribute(named: "novalidate", value: "novalidate"),
                            Forms.csrf(ctx),
                            Forms.field("code", label: ctx.t("fg.code"), state: m.form, autocomplete: "off",
                                        attributes: [("autocapitalize", "characters"), ("spellcheck", "false")], ctx: ctx),
                            Forms.checkbox("consent", label: ctx.t("fg.guide_consent"), state: m.form, required: true),
                            .button(.type(.submit), .class("secondary"), .text(ctx.t("fg.guide_open")))))),
                    .if(m.connected, .section(.attribute(named: "aria-labelledby", value: "transfer-heading"),
                        .h3(.id("transfer-heading"), .text(ctx.t("desktop.transfer_heading"))),
                        .form(.method(.post), .action(SiteRoute.desktopTransfer(m.id).path),
                            Forms.csrf(ctx),
                            .fieldset(.element(named: "legend", text: ctx.t("desktop.transfer_to_queue")),
                                Forms.select("office", label: ctx.t("desktop.transfer_office"), groups: m.offices, state: m.form,
                                             blank: ctx.t("desktop.same_office"), hint: ctx.t("desktop.transfer_office_hint"), ctx: ctx),
                                Forms.select("topic", label: ctx.t("desktop.topic"), options: m.topics, state: m.form, blank: ctx.t("desktop.same_topic"), ctx: ctx)),
                            .fieldset(.element(named: "legend", text: ctx.t("desktop.transfer_to_agent")),
                                Forms.select("agent", label: ctx.t("desktop.transfer_agent"), options: m.agents, state: m.form, blank: ctx.t("desktop.no_agent"), ctx: ctx)),
                            Forms.textarea("transfer_note", label: ctx.t("desktop.transfer_note"), state: m.form, ctx: ctx),
                            .button(.type(.submit), .class("secondary"), .text(ctx.t("desktop.transfer")))))))
            )
        ))
    }

    static func mailSection(_ m: Model, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .section(.attribute(named: "aria-labelledby", value: "mail-heading"),
            .h3(.id("mail-heading"), .text(ctx.t("desktop.mail"))),
            .forEach(m.mails) { mail in
                .article(.class(mail.inbound ? "mail mail-in" : "mail mail-out"), .attribute(named: "aria-labelledby", value: "mail-\(mail.id)"),
                    .h4(.id("mail-\(mail.id)"), .text(mail.subject.isEmpty ? mail.heading : mail.subject)),
                    .p(.class("hint"), .text((mail.subject.isEmpty ? "" : mail.heading + " · ") + mail.when)),
                    .forEach(mail.problems) { .p(.class("notice"), .text($0)) },
                    .div(.class("mail-body"), .text(mail.body)),
                    .if(!mail.attachments.isEmpty, .ul(.class("attachments"), .forEach(mail.attachments) { a in
                        .li(.a(.href(a.url), .attribute(named: "download", value: "download"), .text(a.label)))
                    })))
            },
            .if((m.connected || m.inWrapUp) && m.reply != nil,
                .form(.method(.post), .action(SiteRoute.desktopReply(m.id).path), .attribute(named: "novalidate", value: "novalidate"),
                    Forms.csrf(ctx),
                    Forms.textarea("reply", label: ctx.t("desktop.mail_reply"), state: m.form, hint: m.reply?.hint, ctx: ctx),
                    .button(.type(.submit), .text(ctx.t(m.reply?.sms == true ? "desktop.reply_send_sms" : "desktop.mail_send"))))))
    }

    /// Answers for the consultant: suggested for the contact's topic, or searched; each can be
    /// given to the client (a note, and an e-mail when the client has an address).
    static func knowledge(_ m: Model, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        let base = SiteRoute.desktopInteraction(m.id).path
        return .section(.class("pane pane-kb"), .attribute(named: "aria-labelledby", value: "kb-heading"),
            .h2(.id("kb-heading"), .text(ctx.t("desktop.kb"))),
            .form(.method(.get), .action(base), .class("search-form"), .attribute(named: "role", value: "search"),
                Forms.field("kb", label: ctx.t("desktop.kb_search"), type: .search, state: FormState(values: ["kb": m.kbQuery]), required: false,
                            attributes: [("data-shortcut", "search"), ("aria-keyshortcuts", "Alt+Shift+K")], ctx: ctx),
                .button(.type(.submit), .text(ctx.t("desktop.kb_search_button")))),
            .p(.class("hint"), .text(m.kbQuery.isEmpty ? ctx.t("desktop.kb_suggested") : ctx.t("desktop.kb_found", ["q": m.kbQuery]))),
            m.articles.isEmpty ? .p(.class("empty"), .text(ctx.t("faq.nothing_found"))) :
            .ul(.class("offer-list"), .forEach(m.articles) { a in
                .li(.article(
                    .h3(.a(.href(SiteRoute.faqEntry(a.id).path), .text(a.title))),
                    a.note.map { .p(.class("hint"), .strong(.text(ctx.t("kb.staff.internal_note") + ": ")), .text($0)) } ?? .empty,
                    .if(m.connected || m.inWrapUp,
                        Forms.button(SiteRoute.desktopArticles(m.id).path, label: ctx.t(m.canEmail ? "desktop.kb_send" : "desktop.kb_note"), hidden: [("entry", a.id)],
                                     accessibleLabel: ctx.t(m.canEmail ? "desktop.kb_send_named" : "desktop.kb_note_named", ["title": a.title]), ctx: ctx))))
            }))
    }

    static func clientCard(_ card: ClientCard?, interaction: String, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        let unknown = ctx.t("offices.unknown")
        guard let c = card else {
            return .section(.class("pane pane-client"), .attribute(named: "aria-labelledby", value: "client-heading"),
                            .h2(.id("client-heading"), .text(ctx.t("desktop.client"))), .p(.text(ctx.t("desktop.no_client"))))
        }
        return .section(.class("pane pane-client"), .attribute(named: "aria-labelledby", value: "client-heading"),
            .h2(.id("client-heading"), .text(ctx.t("desktop.client"))),
            .dl(.class("facts"),
                Components.fact(ctx.t("desktop.client_name"), c.name.isEmpty ? nil : c.name, unknown: unknown),
                Components.fact(ctx.t("clients.number"), c.number, unknown: unknown),
                Components.fact(ctx.t("clients.kind"), c.kind, unknown: unknown),
                Components.fact(ctx.t("clients.office"), c.office, unknown: unknown)),
            .h3(.text(ctx.t("desktop.client_cvs"))),
            c.cvs.isEmpty ? .p(.class("empty"), .text(ctx.t("desktop.none"))) : .ul(.forEach(c.cvs) { .li(.text($0)) }),
            .h3(.text(ctx.t("desktop.client_offers"))),
            c.offers.isEmpty ? .p(.class("empty"), .text(ctx.t("desktop.none"))) : .ul(.forEach(c.offers) { .li(.text($0)) }),
            .h3(.text(ctx.t("desktop.fitting_offers"))),
            c.fitting.isEmpty ? .p(.class("empty"), .text(ctx.t("desktop.none"))) : .ul(.forEach(c.fitting) { o in
                .li(.a(.href(SiteRoute.offer(o.id).path), .text(o.title)), .text(" – " + o.detail),
                    .p(.class("small"), .text(o.why)),
                    Forms.button(SiteRoute.desktopSendOffer(interaction).path, label: ctx.t("desktop.offer_send"),
                                 hidden: [("offer", o.id)], accessibleLabel: ctx.t("desktop.offer_send_named", ["title": o.title]), style: .secondary, ctx: ctx))
            }))
    }

    /// Every earlier contact of the client, of every channel, with its notes and outcome.
    static func history(_ card: ClientCard?, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .section(.class("pane pane-history"), .attribute(named: "aria-labelledby", value: "history-heading"),
            .h2(.id("history-heading"), .text(ctx.t("desktop.history"))),
            card.map { c in
                Tables.table(caption: ctx.t("desktop.history"),
                             headers: [ctx.t("desktop.when"), ctx.t("desktop.channel"), ctx.t("desktop.topic"), ctx.t("desktop.state"),
                                       ctx.t("desktop.outcome"), ctx.t("desktop.notes")],
                             rows: c.history.map { h in
                                 [.text(h.when), .text(h.channel), .text(h.topic), .text(h.state), .text(h.outcome ?? "–"),
                                  h.notes.isEmpty ? .text("–") : .ul(.forEach(h.notes) { .li(.class("prewrap"), .text($0)) })]
                             }, empty: ctx.t("desktop.no_history"))
            } ?? .p(.class("empty"), .text(ctx.t("desktop.no_history_unknown"))))
    }
}

/// A contact that reached the consultant some other way, logged so the history is complete.
public enum ManualInteractionPage {
    public struct Model: Sendable {
        public let channels: [(value: String, label: String)]
        public let topics: [(value: String, label: String)]
        public let languages: [(value: String, label: String)]
        public let outcomes: [(value: String, label: String)]
        public let form: FormState
        public init(channels: [(value: String, label: String)], topics: [(value: String, label: String)], languages: [(value: String, label: String)],
                    outcomes: [(value: String, label: String)], form: FormState) {
            self.channels = channels; self.topics = topics; self.languages = languages; self.outcomes = outcomes; self.form = form
        }
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("desktop.manual_title"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.desktop.path), .text("← " + ctx.t("desktop.title")))),
            .h1(.text(ctx.t("desktop.manual_title"))),
            .p(.text(ctx.t("desktop.manual_intro"))),
            Forms.errorSummary(m.form, ctx),
            .form(.method(.post), .action(SiteRoute.desktopManual.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                Forms.select("channel", label: ctx.t("desktop.channel"), options: m.channels, state: m.form, ctx: ctx),
                Forms.select("topic", label: ctx.t("desktop.topic"), options: m.topics, state: m.form, ctx: ctx),
                Forms.select("language", label: ctx.t("desktop.language"), options: m.languages, state: m.form, ctx: ctx),
                Forms.field("client_number", label: ctx.t("clients.number"), state: m.form, required: false, ctx: ctx),
                Forms.select("outcome", label: ctx.t("desktop.outcome"), options: m.outcomes, state: m.form, blank: ctx.t("form.choose"), ctx: ctx),
                Forms.textarea("note", label: ctx.t("desktop.new_note"), state: m.form, required: false, ctx: ctx),
                .button(.type(.submit), .text(ctx.t("desktop.manual_save"))))
        ))
    }
}
