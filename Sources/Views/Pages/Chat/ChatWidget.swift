import Plot

/// The chat box on every portal page: a link to start a chat (or back to the one in
/// progress); while a chat is open, the conversation itself, live, so the visitor can read
/// an offer the consultant pointed to and go on talking. Not on staff pages nor on `/chat`.
enum ChatWidget {
    static func shown(on path: String) -> Bool {
        ![SiteRoute.chat, .staffMembers, .desktop, .wallboard].contains { $0.contains(path) }
    }

    static func render(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        .aside(.class("chat-widget"), .attribute(named: "aria-labelledby", value: "chat-widget-title"),
            .div(.class("wrap"),
                .h2(.id("chat-widget-title"), .text(ctx.t("chat.title"))),
                .p(.a(.href(SiteRoute.chat.with(["lang": ctx.language.rawValue])), .text(ctx.t(ctx.chatOpen ? "chat.widget_back" : "chat.widget_start")))),
                .if(ctx.chatOpen, ChatBox.render(.init(key: "chat-widget", role: "visitor", conversation: nil, sayAction: SiteRoute.chatSay.path, compact: true), ctx))))
    }
}
