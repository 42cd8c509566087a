import Plot

extension CVFactoryPage {
    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let f = model.form
        let rows: [[Node<HTML.BodyContext>]] = model.requests.map { r in
            [.text(r.created), .text(r.kind), .text(r.language), .text(r.status), .text(r.due),
             .a(.href(SiteRoute.cvFactoryStatus(r.key).path), .text(ctx.t("cvf.open")),
                .attribute(named: "aria-label", value: ctx.t("cvf.open") + ": " + r.kind + ", " + r.created))]
        }
        return Layout.render(ctx, title: ctx.t("cvf.title"), main: .group(
            .h1(.text(ctx.t("cvf.title"))),
            .p(.text(ctx.t("cvf.intro"))),
            .ul(.li(.text(ctx.t("cvf.kind_help.create"))), .li(.text(ctx.t("cvf.kind_help.improve"))), .li(.text(ctx.t("cvf.kind_help.translate")))),
            model.sent.map { sent in
                .div(.class("notice"), .attribute(named: "role", value: "status"),
                     .p(.strong(.text(sent.caseText))), .p(.a(.href(sent.statusLink), .text(ctx.t("cvf.follow")))))
            } ?? .empty,
            model.notice.map { Components.notice($0) } ?? .empty,
            .if(model.signedIn, .section(.attribute(named: "aria-labelledby", value: "mine-heading"),
                .h2(.id("mine-heading"), .text(ctx.t("cvf.mine"))),
                Tables.table(caption: ctx.t("cvf.mine"),
                             headers: [ctx.t("cvf.created"), ctx.t("cvf.kind"), ctx.t("cvf.target_language"), ctx.t("cvf.status"), ctx.t("cvf.due"), ""],
                             rows: rows, empty: ctx.t("cvf.none")))),
            .section(.attribute(named: "aria-labelledby", value: "form-heading"),
                .h2(.id("form-heading"), .text(ctx.t("cvf.form_heading"))),
                Forms.errorSummary(f, ctx),
                .form(.method(.post), .action(SiteRoute.cvFactory.path), .enctype(.multipartData), .attribute(named: "novalidate", value: "novalidate"),
                    Forms.csrf(ctx),
                    .if(!model.signedIn, .group(
                        Forms.field("email", label: ctx.t("form.email"), type: .email, state: f, autocomplete: "email", ctx: ctx),
                        Forms.field("name", label: ctx.t("cvf.name"), state: f, required: false, autocomplete: "name", ctx: ctx))),
                    Forms.select("kind", label: ctx.t("cvf.kind"), options: ["create", "improve", "translate"].map { ($0, ctx.t("cvf.kind." + $0)) },
                                 state: f, ctx: ctx),
                    Forms.select("target_language", label: ctx.t("cvf.target_language"), options: model.languages, state: f,
                                 hint: ctx.t("cvf.target_language_hint"), ctx: ctx),
                    .if(model.signedIn, Forms.select("source_cv", label: ctx.t("cvf.source_cv"), options: model.cvs, state: f,
                                                     blank: ctx.t("cvf.source_cv_none"), hint: ctx.t("cvf.source_cv_hint"), ctx: ctx)),
                    Forms.pdfFile("file", label: ctx.t("cvf.file"), hint: ctx.t("cvf.file_hint"), state: f),
                    Forms.textarea("note", label: ctx.t("cvf.note"), state: f, hint: ctx.t("cvf.note_hint"), ctx: ctx),
                    .if(!model.signedIn, Forms.checkbox("consent", label: ctx.t("cvf.consent"), state: f, required: true)),
                    .p(.class("hint"), .a(.href(SiteRoute.privacy.path), .text(ctx.t("consent.read_policy")))),
                    Forms.trap(ctx),
                    .button(.type(.submit), .text(ctx.t("cvf.send"))))
            )
        ))
    }

    public static func renderStatus(_ model: StatusModel, _ ctx: PageContext) -> String {
        let r = model.request, f = model.form
        return Layout.render(ctx, title: ctx.t("cvf.status_title"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.cvFactory.path), .text("← " + ctx.t("cvf.title")))),
            .h1(.text(ctx.t("cvf.status_title"))),
            model.notice.map { Components.notice($0) } ?? .empty,
            .element(named: "dl", nodes: [
                .element(named: "dt", text: ctx.t("cvf.kind")), .element(named: "dd", text: r.kind),
                .element(named: "dt", text: ctx.t("cvf.target_language")), .element(named: "dd", text: r.language),
                .element(named: "dt", text: ctx.t("cvf.status")), .element(named: "dd", text: r.status),
                .element(named: "dt", text: ctx.t("cvf.due")), .element(named: "dd", text: r.due),
                .element(named: "dt", text: ctx.t("cvf.note")), .element(named: "dd", nodes: [.class("prewrap"), .text(model.note)]),
            ]),
            model.returnReason.map { .p(.text(ctx.t("cvf.sent_back_because", ["reason": $0]))) } ?? .empty,
            .if(!model.result.isEmpty, .section(.attribute(named: "aria-labelledby", value: "result-heading"),
                .h2(.id("result-heading"), .text(ctx.t("cvf.result"))),
                .p(.class("hint"), .text(ctx.t("cvf.result_hint"))),
                .forEach(model.result) { s in .section(.class("cv-section"), .h3(.text(s.heading)), .forEach(s.lines) { .p(.class("prewrap"), .text($0)) }) })),
            model.resultFile.map { name in
                .section(.attribute(named: "aria-labelledby", value: "result-heading"),
                         .h2(.id("result-heading"), .text(ctx.t("cvf.result"))),
                         .p(.a(.href(SiteRoute.cvFactoryResultFile(r.key).path), .text(ctx.t("cvf.download", ["file": name])))))
            } ?? .empty,
            .if(r.canDecide, .section(.attribute(named: "aria-labelledby", value: "decide-heading"),
                .h2(.id("decide-heading"), .text(ctx.t("cvf.decide"))),
                Forms.button(SiteRoute.cvFactoryStep(r.key).path, label: ctx.t("cvf.accept"), hidden: [("step", "accept")], ctx: ctx),
                Forms.errorSummary(f, ctx),
                .form(.method(.post), .action(SiteRoute.cvFactoryStep(r.key).path), .attribute(named: "novalidate", value: "novalidate"),
                    Forms.csrf(ctx),
                    .input(.type(.hidden), .name("step"), .value("send_back")),
                    Forms.textarea("reason", label: ctx.t("cvf.reason"), state: f, hint: ctx.t("cvf.reason_hint"), ctx: ctx),
                    .button(.type(.submit), .class("secondary"), .text(ctx.t("cvf.send_back")))))),
            .if(r.canWithdraw, .p(Forms.button(SiteRoute.cvFactoryStep(r.key).path, label: ctx.t("cvf.withdraw"), hidden: [("step", "withdraw")],
                                                style: .danger, ctx: ctx)))
        ))
    }
}

extension StaffCVFactoryPage {
    public static func render(_ model: ListModel, _ ctx: PageContext) -> String {
        let rows: [[Node<HTML.BodyContext>]] = model.rows.map { r in
            [.text(r.due + (r.overdue ? " — " + ctx.t("cvf.overdue") : "")), .text(r.kind), .text(r.language), .text(r.requester), .text(r.status),
             .text(r.assignee), .a(.href(SiteRoute.staffCVFactoryRequest(r.id).path), .text(ctx.t("cvf.open")),
                                  .attribute(named: "aria-label", value: ctx.t("cvf.open") + ": " + r.requester + ", " + r.kind))]
        }
        let filters = ["mine", "unassigned", "all"]
        return Layout.render(ctx, title: ctx.t("cvf.staff_title"), main: .group(
            .h1(.text(ctx.t("cvf.staff_title"))),
            model.notice.map { Components.notice($0) } ?? .empty,
            .p(.text(ctx.t("cvf.staff_intro"))),
            .nav(.attribute(named: "aria-label", value: ctx.t("cvf.filter")),
                 .ul(.class("inline-list"), .forEach(filters) { name in
                     .li(name == model.filter
                         ? .strong(.attribute(named: "aria-current", value: "page"), .text(ctx.t("cvf.filter." + name)))
                         : .a(.href(SiteRoute.staffCVFactory.with(["filter": name])), .text(ctx.t("cvf.filter." + name))))
                 })),
            Tables.table(caption: ctx.t("cvf.staff_title") + ": " + ctx.t("cvf.filter." + model.filter),
                         headers: [ctx.t("cvf.due"), ctx.t("cvf.kind"), ctx.t("cvf.target_language"), ctx.t("cvf.requester"), ctx.t("cvf.status"),
                                   ctx.t("cvf.assignee"), ""],
                         rows: rows, empty: ctx.t("cvf.staff_none"))
        ))
    }

    public static func renderDetail(_ model: DetailModel, _ ctx: PageContext) -> String {
        let r = model.row, f = model.form
        func sections(_ list: [CVPrintPage.Section]) -> Node<HTML.BodyContext> {
            .forEach(list) { s in .section(.class("cv-section"), .h3(.text(s.heading)), .forEach(s.lines) { .p(.class("prewrap"), .text($0)) }) }
        }
        return Layout.render(ctx, title: ctx.t("cvf.staff_request"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffCVFactory.path), .text("← " + ctx.t("cvf.staff_title")))),
            .h1(.text(ctx.t("cvf.staff_request"))),
            model.notice.map { Components.notice($0) } ?? .empty,
            .element(named: "dl", nodes: [
                .element(named: "dt", text: ctx.t("cvf.requester")), .element(named: "dd", text: r.requester + " <" + model.email + ">"),
                .element(named: "dt", text: ctx.t("cvf.kind")), .element(named: "dd", text: r.kind),
                .element(named: "dt", text: ctx.t("cvf.target_language")), .element(named: "dd", text: r.language),
                .element(named: "dt", text: ctx.t("cvf.status")), .element(named: "dd", text: r.status),
                .element(named: "dt", text: ctx.t("cvf.due")), .element(named: "dd", text: r.due + (r.overdue ? " — " + ctx.t("cvf.overdue") : "")),
                .element(named: "dt", text: ctx.t("cvf.assignee")), .element(named: "dd", text: r.assignee),
                .element(named: "dt", text: ctx.t("cvf.note")), .element(named: "dd", nodes: [.class("prewrap"), .text(model.note)]),
            ]),
            model.returnReason.map { .p(.strong(.text(ctx.t("cvf.sent_back_because", ["reason": $0])))) } ?? .empty,
            .if(model.canTake, .p(Forms.button(SiteRoute.staffCVFactoryTake(r.id).path, label: ctx.t("cvf.take"), ctx: ctx))),
            .if(!model.assignees.isEmpty, .form(.method(.post), .action(SiteRoute.staffCVFactoryAssign(r.id).path),
                Forms.csrf(ctx),
                Forms.select("assignee", label: ctx.t("cvf.assign_to"), options: model.assignees, state: f, ctx: ctx),
                .button(.type(.submit), .class("secondary"), .text(ctx.t("cvf.assign"))))),
            .section(.attribute(named: "aria-labelledby", value: "source-heading"),
                .h2(.id("source-heading"), .text(ctx.t("cvf.source"))),
                .if(model.source.isEmpty && !model.sourceFile, .p(.text(ctx.t("cvf.source_none")))),
                sections(model.source),
                .if(model.sourceFile, .p(.a(.href(SiteRoute.staffCVFactorySource(r.id).path), .text(ctx.t("cvf.source_file")))))),
            .if(!model.result.isEmpty || model.resultFile, .section(.attribute(named: "aria-labelledby", value: "result-heading"),
                .h2(.id("result-heading"), .text(ctx.t("cvf.result"))),
                sections(model.result),
                .if(model.resultFile, .p(.text(ctx.t("cvf.result_file_sent")))))),
            .if(model.canDeliver, .section(.attribute(named: "aria-labelledby", value: "deliver-heading"),
                .h2(.id("deliver-heading"), .text(ctx.t("cvf.deliver"))),
                model.forAccount
                    ? .p(.a(.class("button"), .href(SiteRoute.staffCVFactoryWrite(r.id).path), .text(ctx.t("cvf.write"))))
                    : .group(Forms.errorSummary(f, ctx),
                             .form(.method(.post), .action(SiteRoute.staffCVFactoryDeliver(r.id).path), .enctype(.multipartData),
                                   Forms.csrf(ctx),
                                   Forms.pdfFile("file", label: ctx.t("cvf.result_file"), hint: ctx.t("cvf.file_hint"), state: f),
                                   .button(.type(.submit), .text(ctx.t("cvf.deliver")))))))
        ))
    }
}
