import Plot

extension ChatPage {
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("chat.title"), scripts: m.conversation == nil ? [] : [ChatScript.path], main: .group(
            .h1(.text(ctx.t("chat.title"))),
            m.notice.map { Components.notice($0) } ?? .empty,
            m.conversation.map { conversation($0, m, ctx) } ?? start(m, ctx)
        ))
    }

    static func start(_ m: Model, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        let f = m.form
        return .group(
            .p(.text(ctx.t("chat.intro", ["hours": ctx.hoursLongText]))),
            .p(.class("hint"), .text(ctx.t("chat.offline_hint"))),
            Forms.errorSummary(f, ctx),
            .form(.method(.post), .action(SiteRoute.chat.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                Forms.field("name", label: ctx.t("contact.name"), state: f, required: false, autocomplete: "name", ctx: ctx),
                Forms.field("email", label: ctx.t("form.email"), type: .email, state: f, required: false, autocomplete: "email",
                            hint: ctx.t("chat.email_hint"), ctx: ctx),
                .fieldset(.element(named: "legend", text: ctx.t("chat.place")),
                    .p(.class("hint"), .text(ctx.t("chat.place_hint"))),
                    Forms.field("postal_code", label: ctx.t("faq.search.postal_code"), state: f, required: false, autocomplete: "postal-code", ctx: ctx),
                    Forms.select("powiat", label: ctx.t("contact.powiat"), options: m.powiats, state: f, blank: ctx.t("form.choose"), ctx: ctx)),
                Forms.select("language", label: ctx.t("chat.language"), options: m.languages, state: f, ctx: ctx),
                Forms.select("topic", label: ctx.t("desktop.topic"), options: m.topics, state: f, ctx: ctx),
                Forms.textarea("message", label: ctx.t("chat.first_message"), state: f, required: false, ctx: ctx),
                Forms.trap(ctx),
                .button(.type(.submit), .text(ctx.t("chat.start"))))
        )
    }

    static func conversation(_ c: ChatConversation, _ m: Model, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .p(.class("hint"), .text(ctx.t("chat.case", ["case": m.caseNumber]))),
            ChatBox.render(.init(key: "chat", role: "visitor", conversation: c, sayAction: SiteRoute.chatSay.path), form: m.form, ctx),
            .p(.class("chat-refresh"), .a(.href(SiteRoute.chat.path), .text(ctx.t("chat.refresh")))),
            .if(!c.isOver, .form(.method(.post), .action(SiteRoute.chatEnd.path), .attribute(named: "data-chat-end", value: "1"),
                Forms.csrf(ctx), .button(.type(.submit), .class("secondary"), .text(ctx.t("chat.end"))))),
            .div(.attribute(named: "data-chat-ended", value: "1"), .if(!c.isOver, .attribute(named: "hidden", value: "hidden")),
                rating(m, ctx),
                .section(.attribute(named: "aria-labelledby", value: "transcript-heading"),
                    .h2(.id("transcript-heading"), .text(ctx.t("chat.transcript"))),
                    .form(.method(.post), .action(SiteRoute.chatTranscript.path), .attribute(named: "novalidate", value: "novalidate"),
                        Forms.csrf(ctx),
                        Forms.field("email", label: ctx.t("form.email"), type: .email,
                                    state: FormState(values: ["email": m.email], errors: m.form.errors.filter { $0.field == "email" }),
                                    autocomplete: "email", ctx: ctx),
                        .button(.type(.submit), .text(ctx.t("chat.transcript_send"))))),
                .form(.method(.post), .action(SiteRoute.chatNew.path),
                    Forms.csrf(ctx), .button(.type(.submit), .class("secondary"), .text(ctx.t("chat.new")))))
        )
    }

    static func rating(_ m: Model, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .section(.attribute(named: "aria-labelledby", value: "rating-heading"),
            .h2(.id("rating-heading"), .text(ctx.t("chat.rate"))),
            m.rated ? .p(.text(ctx.t("survey.thanks"))) :
            .form(.method(.post), .action(SiteRoute.chatRate.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx), SurveyPage.ratingFields(m.form, ctx)))
    }
}
