import Plot

/// Offers waiting for the office: each with its content and the three decisions.
public enum ModerationPage {
    public struct Row: Sendable {
        public let id: String, title: String, company: String, office: String, place: String, occupation: String, duties: String
        public let wage: String?
        public let submitted: String
        public init(id: String, title: String, company: String, office: String, place: String, occupation: String, duties: String,
                    wage: String?, submitted: String) {
            self.id = id; self.title = title; self.company = company; self.office = office; self.place = place
            self.occupation = occupation; self.duties = duties; self.wage = wage; self.submitted = submitted
        }
    }
    public typealias Model = WorkList<Row>

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let unknown = ctx.t("offer.wage_unknown")
        let items: Node<HTML.BodyContext> = model.rows.isEmpty ? .p(.class("empty"), .text(ctx.t("moderation.none"))) : .ol(.class("offer-list"),
            .forEach(model.rows) { r in
                let noteID = "note-\(r.id)"
                return .li(.article(.attribute(named: "aria-labelledby", value: "title-\(r.id)"),
                    .h2(.id("title-\(r.id)"), .text(r.title)),
                    .dl(.class("facts"),
                        Components.fact(ctx.t("offer.employer"), r.company, unknown: unknown),
                        Components.fact(ctx.t("offer.occupation"), r.occupation, unknown: unknown),
                        Components.fact(ctx.t("offer.place"), r.place, unknown: unknown),
                        Components.fact(ctx.t("offer.wage"), r.wage, unknown: unknown),
                        Components.fact(ctx.t("clients.office"), r.office, unknown: unknown),
                        Components.fact(ctx.t("moderation.submitted"), r.submitted, unknown: unknown)),
                    .p(.class("prewrap"), .text(r.duties)),
                    .form(.method(.post), .action(SiteRoute.staffOfferModerate(r.id).path),
                        Forms.csrf(ctx),
                        .div(.class("field"), .label(.for(noteID), .text(ctx.t("moderation.note"))),
                             .element(named: "textarea", nodes: [.attribute(named: "id", value: noteID), .attribute(named: "name", value: "note"),
                                                                 .attribute(named: "rows", value: "2")] as [Node<HTML.TextAreaContext>])),
                        .button(.type(.submit), .name("decision"), .value("publish"), .text(ctx.t("moderation.publish"))),
                        .button(.type(.submit), .name("decision"), .value("request_changes"), .class("secondary"),
                                .text(ctx.t("moderation.request_changes"))),
                        .button(.type(.submit), .name("decision"), .value("reject"), .class("secondary"), .text(ctx.t("moderation.reject"))))))
            })
        return Layout.render(ctx, title: ctx.t("moderation.title"), main: .group(
            .h1(.text(ctx.t("moderation.title"))),
            model.notice.map { Components.notice($0) } ?? .empty,
            .p(.text(ctx.t("moderation.intro"))),
            items
        ))
    }
}
