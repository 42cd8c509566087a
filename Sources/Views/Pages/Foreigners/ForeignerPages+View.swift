import Plot

extension ForeignerPages {
    public static func renderIndex(_ m: IndexModel, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("fg.title"), description: ctx.t("fg.intro"), main: .group(
            .h1(.text(ctx.t("fg.title"))),
            m.notice.map { Components.notice($0) } ?? .empty,
            .p(.text(ctx.t("fg.intro"))),
            .p(.class("hint"), .text(ctx.t("fg.printed_in_polish"))),
            .ul(.class("offer-list"), .forEach(m.forms) { f in
                .li(.article(
                    .h2(.a(.href(SiteRoute.foreignerForm(f.slug).path), .text(f.title))),
                    .p(.text(f.summary)),
                    .p(.class("hint"), .text(f.version))))
            }),
            .if(m.signedIn, .section(.attribute(named: "aria-labelledby", value: "drafts-heading"),
                .h2(.id("drafts-heading"), .text(ctx.t("fg.my_drafts"))),
                Tables.table(caption: ctx.t("fg.my_drafts"), headers: [ctx.t("fg.form"), ctx.t("fg.updated"), ""],
                             rows: m.drafts.map { d in
                                 [.text(d.title + (d.printed ? " (" + ctx.t("fg.printed") + ")" : "")), .text(d.updated),
                                  .a(.href(d.link), .text(ctx.t("fg.continue")), .attribute(named: "aria-label", value: ctx.t("fg.continue") + ": " + d.title + ", " + d.updated))]
                             }, empty: ctx.t("fg.no_drafts")))),
            .section(.attribute(named: "aria-labelledby", value: "help-heading"),
                .h2(.id("help-heading"), .text(ctx.t("fg.help_heading"))),
                .p(.text(ctx.t("fg.help_text"))),
                .p(.a(.href(SiteRoute.faq.with(["category": "employing_foreigners"])), .text(ctx.t("fg.faq_link")))))
        ))
    }

    public static func renderIntro(_ m: IntroModel, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: m.title, description: m.summary, main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.foreigners.path), .text("← " + ctx.t("fg.title")))),
            .h1(.text(m.title)),
            .p(.text(m.summary)),
            .element(named: "dl", nodes: [
                .element(named: "dt", text: ctx.t("fg.official_title")), .element(named: "dd", nodes: [.attribute(named: "lang", value: "pl"), .text(m.official)]),
                .element(named: "dt", text: ctx.t("fg.legal_basis")), .element(named: "dd", nodes: [.attribute(named: "lang", value: "pl"), .text(m.legalBasis)]),
                .element(named: "dt", text: ctx.t("fg.validity")), .element(named: "dd", text: m.validity),
                .element(named: "dt", text: ctx.t("fg.filing")), .element(named: "dd", text: m.filing),
                .element(named: "dt", text: ctx.t("fg.fee")), .element(named: "dd", text: m.fee),
            ]),
            reviews(m.reviews, ctx),
            .h2(.text(ctx.t("fg.steps_heading"))),
            .ol(.forEach(m.steps) { .li(.text($0)) }),
            .p(.class("hint"), .text(ctx.t(m.signedIn ? "fg.start_hint_account" : "fg.start_hint"))),
            .form(.method(.post), .action(SiteRoute.foreignerForm(m.slug).path),
                Forms.csrf(ctx),
                .button(.type(.submit), .text(ctx.t("fg.start"))))
        ))
    }

    static func reviews(_ list: [String], _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .if(!list.isEmpty, .section(.class("notice review"), .attribute(named: "aria-labelledby", value: "review-heading"),
            .h2(.id("review-heading"), .text(ctx.t("fg.needs_review"))),
            .ul(.forEach(list) { .li(.text($0)) })))
    }

    /// The progress list and how to come back to the draft, on every step and the checklist.
    static func progress(_ d: DraftInfo, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .nav(.class("progress"), .attribute(named: "aria-label", value: ctx.t("fg.progress")),
                .ol(.forEach(d.steps) { s in
                    .li(.class("step-" + s.state.rawValue),
                        s.state == .current
                            ? .strong(.attribute(named: "aria-current", value: "step"), .text(s.title))
                            : .a(.href(s.link), .text(s.title + (s.state == .done ? " ✓" : ""))))
                })),
            .if(!d.changes.isEmpty, .div(.class("notice"), .attribute(named: "role", value: "status"),
                .p(.strong(.text(ctx.t("fg.moved_version")))),
                .ul(.forEach(d.changes) { .li(.text($0)) }))),
            .details(.class("draft-keep"),
                .summary(.text(ctx.t("fg.keep_heading"))),
                .p(.text(ctx.t("fg.keep_link"))), .p(.code(.text(d.link))),
                .p(.text(ctx.t("fg.keep_code"))), .p(.strong(.class("draft-code"), .text(d.code))),
                d.expires.map { .p(.class("hint"), .text(ctx.t("fg.expires", ["date": $0]))) } ?? .empty)
        )
    }

    public static func renderStep(_ m: StepModel, _ ctx: PageContext) -> String {
        let title = m.title + " – " + m.draft.formTitle
        return Layout.render(ctx, title: title, main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.foreigners.path), .text("← " + ctx.t("fg.title")))),
            .p(.class("hint"), .text(m.draft.formTitle + " · " + ctx.t("fg.step_of", ["n": "\(m.number)", "count": "\(m.count)"]))),
            .h1(.text(m.title)),
            progress(m.draft, ctx),
            m.notice.map { Components.notice($0) } ?? .empty,
            m.help.map { .p(.text($0)) } ?? .empty,
            Forms.errorSummary(m.form, ctx),
            .form(.method(.post), .action(m.action), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                .forEach(m.fields) { field($0, m.form, ctx) },
                .div(.class("actions"),
                    .button(.type(.submit), .name("go"), .value("next"), .text(ctx.t("fg.save_next"))),
                    .button(.type(.submit), .name("go"), .value("stay"), .class("secondary"), .text(ctx.t("fg.save"))))),
            m.back.map { .p(.a(.href($0), .text("← " + ctx.t("fg.previous")))) } ?? .empty,
            .p(.a(.href(m.draft.checkLink), .text(ctx.t("fg.go_check"))))
        ))
    }

    static func field(_ f: Field, _ state: FormState, _ ctx: PageContext) -> Node<HTML.FormContext> {
        let hint = [f.condition, f.help.isEmpty ? nil : f.help, f.doubt.map { ctx.t("fg.check_this") + ": " + $0 },
                    f.review.map { ctx.t("fg.needs_review") + ": " + $0 }].compactMap { $0 }.joined(separator: " ")
        switch f.input {
        case .textarea:
            return Forms.textarea(f.name, label: f.label, state: state, hint: hint, required: f.required, ctx: ctx)
        case .select(let options):
            return Forms.select(f.name, label: f.label + (f.required ? "" : " " + ctx.t("form.optional")), options: options, state: state,
                                blank: ctx.t("form.choose"), hint: hint, ctx: ctx)
        case .date:
            return Forms.field(f.name, label: f.label, type: .date, state: state, required: f.required, hint: hint, ctx: ctx)
        case .email:
            return Forms.field(f.name, label: f.label, type: .email, state: state, required: f.required, autocomplete: "email", hint: hint, ctx: ctx)
        case .tel:
            return Forms.field(f.name, label: f.label, type: .tel, state: state, required: f.required, autocomplete: "tel", hint: hint, ctx: ctx)
        case .number:
            return Forms.field(f.name, label: f.label, state: state, required: f.required, hint: hint, attributes: [("inputmode", "decimal")], ctx: ctx)
        case .text:
            return Forms.field(f.name, label: f.label, state: state, required: f.required, hint: hint,
                               attributes: [("maxlength", "\(f.maxLength)"), ("autocapitalize", "characters"), ("spellcheck", "false")], ctx: ctx)
        }
    }

    public static func renderCheck(_ m: CheckModel, _ ctx: PageContext) -> String {
        func list(_ heading: String, _ id: String, _ items: [Issue]) -> Node<HTML.BodyContext> {
            .if(!items.isEmpty, .section(.attribute(named: "aria-labelledby", value: id),
                .h3(.id(id), .text(heading + " (\(items.count))")),
                .ul(.forEach(items) { i in .li(.a(.href(i.link), .text(i.text))) })))
        }
        return Layout.render(ctx, title: ctx.t("fg.check_title") + " – " + m.draft.formTitle, main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.foreigners.path), .text("← " + ctx.t("fg.title")))),
            .p(.class("hint"), .text(m.draft.formTitle)),
            .h1(.text(ctx.t("fg.check_title"))),
            progress(m.draft, ctx),
            .section(.attribute(named: "aria-labelledby", value: "checklist-heading"),
                .h2(.id("checklist-heading"), .text(ctx.t("fg.checklist"))),
                m.canPrint && m.doubtful.isEmpty ? .p(.class("notice"), .attribute(named: "role", value: "status"), .text(ctx.t("fg.all_good"))) : .empty,
                list(ctx.t("fg.wrong"), "wrong-heading", m.wrong),
                list(ctx.t("fg.missing"), "missing-heading", m.missing),
                list(ctx.t("fg.doubtful"), "doubtful-heading", m.doubtful)),
            .section(.attribute(named: "aria-labelledby", value: "file-heading"),
                .h2(.id("file-heading"), .text(ctx.t("fg.where_heading"))),
                m.authority.map { a in
                    .div(.p(.strong(.text(a.name))), .p(.text(a.address)), a.note.map { .p(.class("hint"), .text($0)) } ?? .empty)
                } ?? .p(.class("hint"), .text(ctx.t("fg.authority_unknown"))),
                .p(.text(m.filing)),
                .p(.strong(.text(ctx.t("fg.fee") + ": ")), .text(m.fee)),
                .h3(.text(ctx.t("fg.attachments"))),
                .ul(.forEach(m.attachments) { .li(.text($0)) })),
            reviews(m.reviews, ctx),
            .section(.attribute(named: "aria-labelledby", value: "print-heading"),
                .h2(.id("print-heading"), .text(ctx.t("fg.print_heading"))),
                m.canPrint
                    ? .group(.p(.text(ctx.t("fg.print_text"))),
                             .p(.a(.class("button"), .href(m.printLink), .text(ctx.t("fg.print"))), .text(" "),
                                .a(.class("button secondary"), .href(m.pdfLink), .text(ctx.t("fg.pdf")))))
                    : .p(.text(ctx.t("fg.print_blocked")))),
            .section(.attribute(named: "aria-labelledby", value: "delete-heading"),
                .h2(.id("delete-heading"), .text(ctx.t("fg.delete_heading"))),
                .p(.class("hint"), .text(ctx.t("fg.delete_text"))),
                Forms.button(m.deleteAction, label: ctx.t("fg.delete"), style: .danger, ctx: ctx))
        ))
    }

    /// The form as it goes to the office: Polish, the official order, capitals, A4 when printed.
    public static func renderPrint(_ m: PrintModel, _ ctx: PageContext) -> String {
        var h = HTMLText(capacity: 32_768)
        h.raw("<!DOCTYPE html>")
        h.open("html", ["lang": "pl"])
        h.open("head")
        h.void("meta", ["charset": "UTF-8"])
        h.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        h.void("meta", ["name": "robots", "content": "noindex"])
        h.element("title", text: m.title)
        h.void("link", ["rel": "stylesheet", "href": SiteRoute.stylesheet.path])
        h.close("head")
        h.open("body", ["class": "official-print"])
        h.open("nav", ["class": "no-print print-bar", "lang": ctx.language.rawValue, "aria-label": ctx.t("fg.print_bar")])
        h.element("a", ["href": m.back], text: "← " + ctx.t("fg.back_to_check"))
        h.text(" · ")
        h.element("a", ["href": m.pdf], text: ctx.t("fg.pdf"))
        h.element("p", ["class": "hint"], text: ctx.t("fg.print_how"))
        h.close("nav")
        h.open("main", ["id": "main", "class": "official-form"])
        h.element("h1", text: m.title)
        h.element("p", ["class": "legal-basis"], text: m.legalBasis)
        for s in m.sections {
            h.open("section")
            h.element("h2", text: s.heading)
            h.open("table")
            h.element("caption", ["class": "visually-hidden"], text: s.heading)
            h.open("tbody")
            for r in s.rows {
                h.open("tr")
                h.element("th", ["scope": "row"], text: r.label)
                h.element("td", text: r.value)
                h.close("tr")
            }
            h.close("tbody")
            h.close("table")
            h.close("section")
        }
        if !m.attachments.isEmpty {
            h.open("section")
            h.element("h2", text: "ZAŁĄCZNIKI")
            h.open("ol")
            for a in m.attachments { h.element("li", text: a) }
            h.close("ol")
            h.close("section")
        }
        h.element("p", ["class": "print-footer"], text: m.footer)
        h.close("main")
        h.raw("</body></html>")
        return h.html
    }

    public static func renderQuality(_ m: QualityModel, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("fg.quality_title"), main: .group(
            .h1(.text(ctx.t("fg.quality_title"))),
            .p(.text(ctx.t("fg.quality_intro"))),
            Tables.table(caption: ctx.t("fg.quality_totals"),
                         headers: [ctx.t("fg.form"), ctx.t("fg.language"), ctx.t("fg.started"), ctx.t("fg.printed_count"), ctx.t("fg.live")],
                         rows: m.totals.map { [.text($0.form), .text($0.language), .text("\($0.started)"), .text("\($0.printed)"), .text("\($0.live)")] },
                         empty: ctx.t("fg.quality_none")),
            Tables.table(caption: ctx.t("fg.quality_fields"),
                         headers: [ctx.t("fg.form"), ctx.t("fg.language"), ctx.t("fg.field"), ctx.t("fg.wrong_count"), ctx.t("fg.abandoned_count")],
                         rows: m.rows.map { [.text($0.form), .text($0.language), .text($0.field), .text("\($0.wrong)"), .text("\($0.abandoned)")] },
                         empty: ctx.t("fg.quality_none"))
        ))
    }

    public static func renderGuide(_ m: GuideModel, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("fg.guide_title"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.desktopInteraction(m.interaction).path), .text("← " + ctx.t("fg.guide_back")))),
            .h1(.text(ctx.t("fg.guide_title"))),
            .element(named: "dl", nodes: [
                .element(named: "dt", text: ctx.t("fg.form")), .element(named: "dd", text: m.formTitle + " (" + m.version + ")"),
                .element(named: "dt", text: ctx.t("fg.language")), .element(named: "dd", text: m.language),
                .element(named: "dt", text: ctx.t("fg.code")), .element(named: "dd", text: m.code),
                .element(named: "dt", text: ctx.t("fg.updated")), .element(named: "dd", text: m.updated),
            ]),
            .h2(.text(ctx.t("fg.checklist"))),
            m.issues.isEmpty ? .p(.text(ctx.t("fg.all_good"))) : .ul(.forEach(m.issues) { .li(.text($0)) }),
            .forEach(m.sections) { s in
                .section(.h2(.attribute(named: "lang", value: "pl"), .text(s.heading)),
                         .element(named: "dl", nodes: s.rows.flatMap { r -> [Node<HTML.BodyContext>] in
                             [.element(named: "dt", text: r.label), .element(named: "dd", text: r.value)]
                         }))
            }
        ))
    }
}
