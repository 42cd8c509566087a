import Plot

/// One conversation on a page: where it stands, the lines (a log region screen readers
/// announce), who is typing, and the form to say something — a plain form that works
/// without the script, which sends it over the live connection instead when it runs.
/// `key` keeps ids unique when a consultant's page shows several chats.
enum ChatBox {
    struct Setup {
        let key: String
        /// visitor | agent
        let role: String
        let conversation: ChatConversation?
        let sayAction: String
        /// The consultant's page: where the state is read and typing is announced.
        var stateURL: String? = nil
        var typingURL: String? = nil
        var compact = false
    }

    static func render(_ s: Setup, form: FormState = FormState(), _ ctx: PageContext) -> Node<HTML.BodyContext> {
        let c = s.conversation
        let field = "\(s.key)-text"
        let over = c?.isOver ?? false
        var attributes: [Node<HTML.BodyContext>] = [
            .class(s.compact ? "chat chat-compact" : "chat"), .attribute(named: "data-chat", value: s.key),
            .attribute(named: "data-chat-role", value: s.role), .attribute(named: "data-chat-phase", value: c?.phase ?? "waiting"),
            .attribute(named: "data-text-typing", value: ctx.t(s.role == "agent" ? "chat.visitor_typing" : "chat.agent_typing")),
            .attribute(named: "data-text-reconnecting", value: ctx.t("desktop.live_reconnecting")),
        ]
        if let url = s.stateURL { attributes.append(.attribute(named: "data-chat-state", value: url)) }
        if let url = s.typingURL { attributes.append(.attribute(named: "data-chat-typing-url", value: url)) }
        if s.role == "visitor" { attributes.append(.attribute(named: "data-chat-ws", value: SiteRoute.chatSocket.with(["lang": ctx.language.rawValue]))) }
        if s.compact { attributes.append(.attribute(named: "hidden", value: "hidden")) }
        return .div(.group(attributes),
            .p(.id("\(s.key)-status"), .class("chat-status"), .attribute(named: "role", value: "status"), .attribute(named: "data-chat-status", value: "1"),
               .text(c?.status ?? "")),
            // A log region (announced politely) that scrolls; the lines are a list inside it.
            .div(.id("\(s.key)-log"), .class("chat-log"), .attribute(named: "role", value: "log"), .attribute(named: "aria-live", value: "polite"),
                 .attribute(named: "aria-label", value: ctx.t("chat.log_label")), .attribute(named: "tabindex", value: "0"),
                 .ol(.attribute(named: "data-chat-log", value: "1"), .forEach(c?.lines ?? []) { line($0) })),
            .p(.class("chat-typing"), .attribute(named: "aria-live", value: "polite"), .attribute(named: "data-chat-typing", value: "1")),
            .p(.class("field-error"), .attribute(named: "role", value: "alert"), .attribute(named: "data-chat-error", value: "1"),
               .text(form.error(field) ?? form.error("text") ?? "")),
            .form(.method(.post), .action(s.sayAction), .class("chat-say"), .attribute(named: "data-chat-say", value: "1"),
                  .if(over, .attribute(named: "hidden", value: "hidden")),
                Forms.csrf(ctx),
                .label(.for(field), .text(ctx.t("chat.your_message"))),
                .textarea(.attribute(named: "id", value: field), .attribute(named: "name", value: "text"), .attribute(named: "rows", value: "3"),
                          .attribute(named: "maxlength", value: "2000"), .text(form["text"])),
                .button(.type(.submit), .text(ctx.t("chat.send"))))
        )
    }

    static func line(_ l: ChatConversation.Line) -> Node<HTML.ListContext> {
        .li(.class("chat-line chat-\(l.author)"), .attribute(named: "data-id", value: "\(l.id)"),
            .span(.class("chat-who"), .text(l.who)), .text(" "),
            .span(.class("chat-time"), .text(l.time)),
            .p(.text(l.text)))
    }
}
