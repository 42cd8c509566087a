import Plot

extension RecruitmentPage {
    static func facts(_ o: OrderFacts, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .element(named: "dl", nodes: [
            .element(named: "dt", text: ctx.t("recruitment.offer")),
            .element(named: "dd", nodes: [.a(.href(SiteRoute.offer(o.offerID).path), .text(o.offer))]),
            .element(named: "dt", text: ctx.t("recruitment.company")), .element(named: "dd", text: o.company),
            .element(named: "dt", text: ctx.t("recruitment.status")),
            .element(named: "dd", text: o.status + (o.closed.map { " (" + $0 + ")" } ?? "")),
            .element(named: "dt", text: ctx.t("recruitment.created")), .element(named: "dd", text: o.created),
            .element(named: "dt", text: ctx.t("recruitment.requirements")),
            .element(named: "dd", nodes: [.class("prewrap"), .text(o.requirements.isEmpty ? ctx.t("recruitment.no_requirements") : o.requirements)]),
        ])
    }

    static func sections(_ list: [CVPrintPage.Section], level: Int = 4) -> Node<HTML.BodyContext> {
        .forEach(list) { s in
            .section(.class("cv-section"), level == 4 ? .h4(.text(s.heading)) : .h3(.text(s.heading)),
                     .forEach(s.lines) { .p(.class("prewrap"), .text($0)) })
        }
    }

    static func orderTable(_ rows: [OrderRow], caption: String, link: (String) -> String, showOffice: Bool, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        let cells: [[Node<HTML.BodyContext>]] = rows.map { r in
            [.a(.href(link(r.id)), .text(r.offer)), .text(r.created), .text(r.status)]
                + (showOffice ? [.text(r.office), .text("\(r.candidates)"), .text("\(r.consenting)")] : [])
                + [.text("\(r.presented)")]
        }
        let headers = [ctx.t("recruitment.offer"), ctx.t("recruitment.created"), ctx.t("recruitment.status")]
            + (showOffice ? [ctx.t("recruitment.office"), ctx.t("recruitment.count_all"), ctx.t("recruitment.count_consenting")] : [])
            + [ctx.t("recruitment.count_presented")]
        return Tables.table(caption: caption, headers: headers, rows: cells, empty: ctx.t("recruitment.none"))
    }

    // MARK: Staff

    public static func renderStaffList(_ model: StaffListModel, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("recruitment.staff_title"), main: .group(
            .h1(.text(ctx.t("recruitment.staff_title"))),
            .p(.text(ctx.t("recruitment.staff_intro"))),
            orderTable(model.rows, caption: ctx.t("recruitment.staff_title"), link: { SiteRoute.staffRecruitment($0).path }, showOffice: true, ctx)
        ))
    }

    public static func renderStaffDetail(_ model: StaffDetailModel, _ ctx: PageContext) -> String {
        let o = model.order, f = model.form
        func suggestions(_ list: [Suggestion], id: String, title: String, empty: String) -> Node<HTML.BodyContext> {
            .section(.attribute(named: "aria-labelledby", value: id),
                .h2(.id(id), .text(title)),
                .if(list.isEmpty, .p(.class("empty"), .text(empty))),
                .ul(.forEach(list) { s in
                    .li(.strong(.text(s.heading)), .text(" — " + s.why + " "),
                        Forms.button(SiteRoute.staffRecruitmentCandidates(o.id).path, label: ctx.t("recruitment.add"),
                                     hidden: [("cv_id", s.cvID)], accessibleLabel: ctx.t("recruitment.add") + ": " + s.heading,
                                     style: .secondary, ctx: ctx))
                }))
        }
        return Layout.render(ctx, title: ctx.t("recruitment.staff_order") + ": " + o.offer, main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffRecruitments.path), .text("← " + ctx.t("recruitment.staff_title")))),
            .h1(.text(ctx.t("recruitment.staff_order") + ": " + o.offer)),
            model.notice.map { Components.notice($0) } ?? .empty,
            Forms.errorSummary(f, ctx),
            facts(o, ctx),
            .section(.attribute(named: "aria-labelledby", value: "pipeline-heading"),
                .h2(.id("pipeline-heading"), .text(ctx.t("recruitment.pipeline"))),
                .if(model.candidates.isEmpty, .p(.class("empty"), .text(ctx.t("recruitment.no_candidates")))),
                .forEach(model.candidates) { c in
                    .article(.class("card"), .attribute(named: "aria-labelledby", value: "c-" + c.id),
                        .h3(.id("c-" + c.id), .text(c.heading)),
                        .p(.text(ctx.t("recruitment.stage") + ": " + c.stage + " · " + ctx.t("recruitment.consent") + ": " + c.consent
                                 + " · " + ctx.t("recruitment.source") + ": " + c.source)),
                        c.contact.map { .p(.text($0)) } ?? .empty,
                        .if(!c.sections.isEmpty, .element(named: "details", nodes: [
                            .element(named: "summary", text: ctx.t("recruitment.cv")), sections(c.sections)])),
                        .if(!c.notes.isEmpty, .ul(.class("notes"), .forEach(c.notes) { n in
                            .li(.text(n.when + " · " + n.who + " · " + n.stage + ": "), .span(.class("prewrap"), .text(n.text)))
                        })),
                        .if(c.canAsk, .p(Forms.button(SiteRoute.staffRecruitmentAsk(o.id, candidate: c.id).path, label: ctx.t("recruitment.ask"),
                                                      accessibleLabel: ctx.t("recruitment.ask") + ": " + c.heading, ctx: ctx))),
                        .if(!c.nextStages.isEmpty, .form(.method(.post), .action(SiteRoute.staffRecruitmentCandidate(o.id, candidate: c.id).path),
                            Forms.csrf(ctx),
                            Forms.select("stage", label: ctx.t("recruitment.move_to"), options: c.nextStages, state: FormState(),
                                         blank: ctx.t("recruitment.keep_stage"), ctx: ctx)
                                .withID(suffix: c.id),
                            Forms.textarea("note", label: ctx.t("recruitment.note"), state: FormState(), hint: ctx.t("recruitment.note_hint"),
                                           required: false, ctx: ctx).withID(suffix: c.id),
                            .button(.type(.submit), .text(ctx.t("recruitment.save")),
                                    .attribute(named: "aria-label", value: ctx.t("recruitment.save") + ": " + c.heading)))))
                }),
            .if(model.open, .group(
                suggestions(model.matches, id: "matches-heading", title: ctx.t("recruitment.matches"), empty: ctx.t("recruitment.no_matches")),
                suggestions(model.pool, id: "pool-heading", title: ctx.t("recruitment.pool"), empty: ctx.t("recruitment.pool_empty")),
                .section(.attribute(named: "aria-labelledby", value: "add-heading"),
                    .h2(.id("add-heading"), .text(ctx.t("recruitment.add_by_number"))),
                    .form(.method(.post), .action(SiteRoute.staffRecruitmentCandidates(o.id).path),
                        Forms.csrf(ctx),
                        Forms.field("cv_id", label: ctx.t("recruitment.cv_number"), state: f, hint: ctx.t("recruitment.cv_number_hint"), ctx: ctx),
                        .button(.type(.submit), .class("secondary"), .text(ctx.t("recruitment.add"))))),
                .section(.attribute(named: "aria-labelledby", value: "close-heading"),
                    .h2(.id("close-heading"), .text(ctx.t("recruitment.close"))),
                    .p(.text(ctx.t("recruitment.close_hint"))),
                    Forms.button(SiteRoute.staffRecruitmentClose(o.id).path, label: ctx.t("recruitment.close"), style: .danger, ctx: ctx))))
        ))
    }

    // MARK: Employer

    public static func renderEmployerList(_ model: EmployerListModel, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("recruitment.employer_title"), main: .group(
            .h1(.text(ctx.t("recruitment.employer_title"))),
            model.notice.map { Components.notice($0) } ?? .empty,
            .p(.text(ctx.t("recruitment.employer_intro"))),
            .p(.a(.class("button"), .href(SiteRoute.employerRecruitmentNew.path), .text(ctx.t("recruitment.order")))),
            orderTable(model.rows, caption: ctx.t("recruitment.employer_title"), link: { SiteRoute.employerRecruitment($0).path }, showOffice: false, ctx)
        ))
    }

    public static func renderOrderForm(_ model: OrderFormModel, _ ctx: PageContext) -> String {
        let f = model.form
        return Layout.render(ctx, title: ctx.t("recruitment.order"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.employerRecruitments.path), .text("← " + ctx.t("recruitment.employer_title")))),
            .h1(.text(ctx.t("recruitment.order"))),
            .p(.text(ctx.t("recruitment.order_intro"))),
            Forms.errorSummary(f, ctx),
            model.offers.isEmpty
                ? .p(.class("empty"), .text(ctx.t("recruitment.no_live_offers")))
                : .form(.method(.post), .action(SiteRoute.employerRecruitments.path), .attribute(named: "novalidate", value: "novalidate"),
                        Forms.csrf(ctx),
                        Forms.select("offer_id", label: ctx.t("recruitment.offer"), options: model.offers, state: f, ctx: ctx),
                        Forms.textarea("requirements", label: ctx.t("recruitment.requirements"), state: f, hint: ctx.t("recruitment.requirements_hint"),
                                       required: false, ctx: ctx),
                        .button(.type(.submit), .text(ctx.t("recruitment.order_send"))))
        ))
    }

    public static func renderEmployerDetail(_ model: EmployerDetailModel, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("recruitment.employer_order") + ": " + model.order.offer, main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.employerRecruitments.path), .text("← " + ctx.t("recruitment.employer_title")))),
            .h1(.text(ctx.t("recruitment.employer_order") + ": " + model.order.offer)),
            facts(model.order, ctx),
            .section(.attribute(named: "aria-labelledby", value: "presented-heading"),
                .h2(.id("presented-heading"), .text(ctx.t("recruitment.presented"))),
                .p(.class("hint"), .text(ctx.t("recruitment.presented_hint"))),
                .if(model.presented.isEmpty, .p(.class("empty"), .text(ctx.t("recruitment.none_presented")))),
                .forEach(model.presented) { p in
                    .article(.class("card"), .h3(.text(p.name)), .p(.text(p.contact)), .p(.text(ctx.t("recruitment.stage") + ": " + p.stage)),
                             sections(p.sections))
                })
        ))
    }

    // MARK: Seeker

    static func dataList(_ data: [String], _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .group(.p(.text(ctx.t("recruitment.data_intro"))), .ul(.forEach(data) { .li(.text($0)) }))
    }

    public static func renderSeeker(_ model: SeekerModel, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("recruitment.seeker_title"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.account.path), .text("← " + ctx.t("account.title")))),
            .h1(.text(ctx.t("recruitment.seeker_title"))),
            model.notice.map { Components.notice($0) } ?? .empty,
            Forms.errorSummary(model.form, ctx),
            .p(.text(ctx.t("recruitment.seeker_intro"))),
            .if(model.items.isEmpty, .p(.class("empty"), .text(ctx.t("recruitment.seeker_none")))),
            .forEach(model.items) { p in
                .article(.class("card"), .attribute(named: "aria-labelledby", value: "p-" + p.id),
                    .h2(.id("p-" + p.id), .a(.href(SiteRoute.offer(p.offerID).path), .text(p.offer))),
                    .p(.text(p.company + " · " + p.orderStatus)),
                    .p(.text(ctx.t("recruitment.stage") + ": " + p.stage + " · " + ctx.t("recruitment.consent") + ": " + p.consent)),
                    .if(p.canAnswer, .group(
                        dataList(model.data, ctx),
                        .form(.method(.post), .action(SiteRoute.accountRecruitmentAnswer(p.id).path),
                            Forms.csrf(ctx),
                            Forms.consent("consent", model.consent, required: false, state: model.form, ctx: ctx).withID(suffix: p.id),
                            .if(!model.futureGiven, Forms.consent("future", model.future, required: false, state: model.form, ctx: ctx).withID(suffix: p.id)),
                            .button(.type(.submit), .name("answer"), .value("give"), .text(ctx.t("recruitment.agree"))),
                            .text(" "),
                            .button(.type(.submit), .name("answer"), .value("decline"), .class("secondary"), .text(ctx.t("recruitment.decline")))))),
                    .if(p.canWithdraw, .p(Forms.button(SiteRoute.accountRecruitmentAnswer(p.id).path, label: ctx.t("recruitment.withdraw"),
                                                       hidden: [("answer", "withdraw")], accessibleLabel: ctx.t("recruitment.withdraw") + ": " + p.offer,
                                                       style: .danger, ctx: ctx))))
            }
        ))
    }

    /// The block on an offer's page when the centre recruits for it.
    public static func applyBlock(_ model: ApplyModel, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .div(.class("card"),
            .p(.text(ctx.t("recruitment.apply_intro"))),
            model.applied ? .p(.strong(.text(ctx.t("recruitment.applied")))) :
            !model.signedIn ? .p(.a(.href(SiteRoute.login.path), .text(ctx.t("recruitment.apply_sign_in")))) :
            model.cvs.isEmpty ? .p(.a(.href(SiteRoute.accountCVNew.path), .text(ctx.t("recruitment.apply_no_cv")))) :
            .group(
                Forms.errorSummary(model.form, ctx),
                dataList(model.data, ctx),
                .form(.method(.post), .action(SiteRoute.offerRecruitmentApply(model.offerID).path), .attribute(named: "novalidate", value: "novalidate"),
                    Forms.csrf(ctx),
                    Forms.select("cv_id", label: ctx.t("recruitment.apply_cv"), options: model.cvs, state: model.form, ctx: ctx),
                    Forms.consent("consent", model.consent, required: true, state: model.form, ctx: ctx),
                    Forms.consent("future", model.future, required: false, state: model.form, ctx: ctx),
                    .button(.type(.submit), .text(ctx.t("recruitment.apply")))))
        )
    }
}

/// Applying through the centre for an offer it recruits for.
public enum RecruitmentApplyPage {
    public static func render(title: String, _ model: RecruitmentPage.ApplyModel, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("recruitment.apply_heading") + ": " + title, main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.offer(model.offerID).path), .text("← " + title))),
            .h1(.text(ctx.t("recruitment.apply_heading") + ": " + title)),
            RecruitmentPage.applyBlock(model, ctx)))
    }
}
