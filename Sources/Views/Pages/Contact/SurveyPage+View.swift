import Plot

/// The satisfaction survey after a contact: a rating from 1 to 5 and an optional comment.
public enum SurveyPage {
    public struct Model: Sendable {
        public let token: String
        public let form: FormState
        public let thanks: Bool
        public init(token: String, form: FormState, thanks: Bool) { self.token = token; self.form = form; self.thanks = thanks }
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("survey.title"), main: .group(
            .h1(.text(ctx.t("survey.title"))),
            m.thanks ? Components.notice(ctx.t("survey.thanks")) : .group(
                .p(.text(ctx.t("survey.intro"))),
                Forms.errorSummary(m.form, ctx),
                .form(.method(.post), .action(SiteRoute.survey(m.token).path), .attribute(named: "novalidate", value: "novalidate"),
                    Forms.csrf(ctx),
                    ratingFields(m.form, ctx)))
        ))
    }

    /// The 1–5 choice, the comment and the send button: here and at the end of a chat.
    static func ratingFields(_ form: FormState, _ ctx: PageContext) -> Node<HTML.FormContext> {
        .group(
            .fieldset(.id("rating"),
                .element(named: "legend", text: ctx.t("survey.rating")),
                form.error("rating").map { .p(.id("rating-error"), .class("field-error"), .text($0)) } ?? .empty,
                .forEach(1...5) { n in
                    .div(.class("field checkbox"), radio(n, checked: form["rating"] == "\(n)"),
                         .label(.for("rating-\(n)"), .text(ctx.t("survey.score_\(n)"))))
                }),
            Forms.textarea("comment", label: ctx.t("survey.comment"), state: form, required: false, ctx: ctx),
            .button(.type(.submit), .text(ctx.t("survey.send"))))
    }

    static func radio(_ n: Int, checked: Bool) -> Node<HTML.FormContext> {
        var attributes: [Attribute<HTML.InputContext>] = [.type(.radio), .id("rating-\(n)"), .name("rating"), .value("\(n)")]
        if checked { attributes.append(.attribute(named: "checked", value: "checked")) }
        return .selfClosedElement(named: "input", attributes: attributes)
    }
}
