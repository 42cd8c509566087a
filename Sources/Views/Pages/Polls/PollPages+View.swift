import Plot

extension PollsPage {
    public static func render(_ rows: [Row], _ ctx: PageContext) -> String {
        let open = rows.filter(\.open), closed = rows.filter { !$0.open }
        func list(_ rows: [Row]) -> Node<HTML.BodyContext> {
            .ul(.class("offer-list"), .forEach(rows) { r in
                .li(.h3(.a(.href(r.path), .text(r.question))), .p(.class("meta"), .text(r.section + " · " + r.dates)))
            })
        }
        return Layout.render(ctx, title: ctx.t("polls.title"), main: .group(
            .h1(.text(ctx.t("polls.title"))),
            .h2(.text(ctx.t("polls.open"))),
            open.isEmpty ? .p(.text(ctx.t("polls.none_open"))) : list(open),
            .if(!closed.isEmpty, .group(.h2(.text(ctx.t("polls.closed"))), list(closed)))
        ))
    }
}

extension PollPage {
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: m.question, main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.polls.path), .text("← " + ctx.t("polls.title")))),
            .h1(.text(m.question)),
            .p(.class("meta"), .text(m.section + " · " + m.dates)),
            m.error.map { Components.notice($0, role: "alert") } ?? .empty,
            m.status.map { Components.notice($0) } ?? .empty,
            .if(m.canVote, .form(.method(.post), .action(SiteRoute.pollVote(m.id).path),
                Forms.csrf(ctx),
                .fieldset(.element(named: "legend", text: m.multiple ? ctx.t("polls.choose_many") : ctx.t("polls.choose_one")),
                    .forEach(Array(m.options.enumerated())) { i, option in
                        .div(.class("field checkbox"),
                             .input(.type(m.multiple ? .checkbox : .radio), .id("choice-\(i)"), .name("choice[]"), .value("\(i)")),
                             .label(.for("choice-\(i)"), .text(option)))
                    }),
                .button(.type(.submit), .text(ctx.t("polls.vote"))))),
            m.results.map { results in
                .section(.attribute(named: "aria-labelledby", value: "results-heading"),
                    .h2(.id("results-heading"), .text(ctx.t("polls.results"))),
                    .p(.text(ctx.plural("polls.voters", m.voters, ["count": "\(m.voters)"]))),
                    Tables.table(caption: ctx.t("polls.results"), headers: [ctx.t("polls.answer"), ctx.t("polls.votes"), ctx.t("polls.share")],
                                 rows: results.map { r in [.text(r.option), .text("\(r.votes)"),
                                                           .group(.element(named: "meter", nodes: [.attribute(named: "min", value: "0"), .attribute(named: "max", value: "100"),
                                                                                                  .attribute(named: "value", value: "\(r.percent)"),
                                                                                                  .attribute(named: "aria-hidden", value: "true")]),
                                                                  .text(" \(r.percent)%"))] },
                                 empty: ctx.t("polls.no_votes")))
            } ?? .p(.class("hint"), .text(ctx.t("polls.results_later")))
        ))
    }
}

extension StaffPollsPage {
    public static func render(_ rows: [Row], notice: String?, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("polls.staff.title"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffContent.path), .text("← " + ctx.t("content.staff.title")))),
            .h1(.text(ctx.t("polls.staff.title"))),
            notice.map { Components.notice($0) } ?? .empty,
            .p(.a(.class("button"), .href(SiteRoute.staffPollNew.path), .text(ctx.t("polls.staff.new")))),
            Tables.table(caption: ctx.t("polls.staff.title"),
                         headers: [ctx.t("polls.field.question"), ctx.t("pages.field.section"), ctx.t("polls.dates"), ctx.t("news.staff.status"), ctx.t("polls.votes")],
                         rows: rows.map { r in [.a(.href(r.editPath), .text(r.question)), .text(r.section), .text(r.dates), .text(r.state), .text("\(r.voters)")] },
                         empty: ctx.t("polls.none_open"))
        ))
    }
}

extension StaffPollFormPage {
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        let f = m.form
        let title = m.editingID == nil ? ctx.t("polls.staff.new") : ctx.t("polls.staff.edit")
        return Layout.render(ctx, title: title, main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffPolls.path), .text("← " + ctx.t("polls.staff.title")))),
            .h1(.text(title)),
            m.notice.map { Components.notice($0) } ?? .empty,
            .if(m.answersFixed, Components.notice(ctx.t("polls.staff.answers_fixed"))),
            Forms.errorSummary(f, ctx),
            .form(.method(.post), .action(m.editingID.map { SiteRoute.staffPoll($0).path } ?? SiteRoute.staffPolls.path),
                  .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                Forms.select("section", label: ctx.t("pages.field.section"), options: m.sections, state: f, ctx: ctx),
                .fieldset(.element(named: "legend", text: ctx.t("polls.field.question")),
                    .forEach(["pl", "en", "ru", "uk"]) { l in
                        Forms.field("question_" + l, label: ctx.t("polls.in_language." + l), state: f, required: l == "pl", ctx: ctx)
                    }),
                .forEach(Array(0..<m.optionRows)) { i in
                    .fieldset(.element(named: "legend", text: ctx.t("polls.field.option", ["number": "\(i + 1)"])),
                        .forEach(["pl", "en", "ru", "uk"]) { l in
                            Forms.field("option\(i)_" + l, label: ctx.t("polls.in_language." + l), state: f, required: false, ctx: ctx)
                        })
                },
                Forms.checkbox("multiple", label: ctx.t("polls.field.multiple"), state: f),
                Forms.field("opens_at", label: ctx.t("polls.field.opens_at"), type: .datetimeLocal, state: f, ctx: ctx),
                Forms.field("closes_at", label: ctx.t("polls.field.closes_at"), type: .datetimeLocal, state: f, ctx: ctx),
                Forms.select("voters", label: ctx.t("polls.field.voters"), options: [("anyone", ctx.t("polls.voters.anyone")), ("signed_in", ctx.t("polls.voters.signed_in"))],
                             state: f, ctx: ctx),
                Forms.select("results", label: ctx.t("polls.field.results"),
                             options: [("after_voting", ctx.t("polls.results.after_voting")), ("after_closing", ctx.t("polls.results.after_closing"))], state: f, ctx: ctx),
                Forms.checkbox("published", label: ctx.t("polls.field.published"), state: f),
                .button(.type(.submit), .text(ctx.t("polls.staff.save")))),
            m.editingID.map { Forms.button(SiteRoute.staffPollDelete($0).path, label: ctx.t("polls.staff.delete"), style: .danger, ctx: ctx) } ?? .empty
        ))
    }
}
