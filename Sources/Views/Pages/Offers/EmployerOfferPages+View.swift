import Plot

/// An employer's offers with their state and what can be done with each.
public enum EmployerOffersPage {
    public struct Row: Sendable {
        public let id: String, title: String, status: String
        public let note: String?
        public let validUntil: String
        public let live: Bool, closable: Bool
        public init(id: String, title: String, status: String, note: String?, validUntil: String, live: Bool, closable: Bool) {
            self.id = id; self.title = title; self.status = status; self.note = note; self.validUntil = validUntil
            self.live = live; self.closable = closable
        }
    }
    public struct Model: Sendable {
        public let company: String
        public let verified: Bool
        public let rows: [Row]
        public let notice: String?
        public init(company: String, verified: Bool, rows: [Row], notice: String?) {
            self.company = company; self.verified = verified; self.rows = rows; self.notice = notice
        }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let rows: [[Node<HTML.BodyContext>]] = model.rows.map { r in
            [r.live ? .a(.href(SiteRoute.offer(r.id).path), .text(r.title)) : .text(r.title),
             .group(.text(r.status), r.note.map { .p(.class("small"), .text($0)) } ?? .empty),
             .text(r.validUntil),
             .group(.a(.href(SiteRoute.employerOfferEdit(r.id).path), .text(ctx.t("offers.edit")),
                       .span(.class("visually-hidden"), .text(": " + r.title))),
                    .if(r.live && model.verified, .group(.text(" "), .a(.href(SiteRoute.employerOfferCandidates(r.id).path), .text(ctx.t("matches.candidates_link")),
                                                                  .span(.class("visually-hidden"), .text(": " + r.title))))),
                    .if(r.live && model.verified, .group(.text(" "), .a(.href(SiteRoute.employerRecruitmentNew.with(["offer": r.id])),
                                                                         .text(ctx.t("recruitment.order")),
                                                                         .span(.class("visually-hidden"), .text(": " + r.title))))),
                    .if(r.live, Forms.button(SiteRoute.employerOfferRenew(r.id).path, label: ctx.t("offers.renew"),
                                             accessibleLabel: ctx.t("offers.renew") + ": " + r.title, ctx: ctx)),
                    .if(r.closable, Forms.button(SiteRoute.employerOfferClose(r.id).path, label: ctx.t("offers.close"),
                                                 accessibleLabel: ctx.t("offers.close") + ": " + r.title, ctx: ctx)))]
        }
        return Layout.render(ctx, title: ctx.t("offers.mine_title"), main: .group(
            .h1(.text(ctx.t("offers.mine_title"))),
            model.notice.map { Components.notice($0) } ?? .empty,
            .p(.text(model.company + " – " + ctx.t(model.verified ? "company.verified" : "offers.unverified_explained"))),
            .p(.a(.class("button"), .href(SiteRoute.employerOfferNew.path), .text(ctx.t("offers.new_title"))),
               .if(model.verified, .group(.text(" "), .a(.href(SiteRoute.employerRecruitments.path), .text(ctx.t("recruitment.employer_title")))))),
            Tables.table(caption: ctx.t("offers.mine_title"),
                         headers: [ctx.t("offer.field.title"), ctx.t("offer.status"), ctx.t("offer.valid_until_label"), ctx.t("employers.action")],
                         rows: rows, empty: ctx.t("offers.none_yet"))
        ))
    }
}

/// Writing or editing an offer: every field of the national offer base, grouped.
public enum OfferFormPage {
    public struct Model: Sendable {
        public let form: FormState
        public let editingID: String?
        public init(form: FormState, editingID: String?) { self.form = form; self.editingID = editingID }
    }

    static func options(_ prefix: String, _ values: [String], _ ctx: PageContext) -> [(value: String, label: String)] {
        values.map { ($0, ctx.t(prefix + $0)) }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let f = model.form
        func field(_ name: String, type: HTMLInputType = .text, required: Bool = true, hint: String? = nil) -> Node<HTML.FormContext> {
            Forms.field(name, label: ctx.t("offer.field." + name), type: type, state: f, required: required, autocomplete: "off", hint: hint, ctx: ctx)
        }
        func area(_ name: String, hint: String? = nil) -> Node<HTML.FormContext> {
            Forms.textarea(name, label: ctx.t("offer.field." + name), state: f, hint: hint, ctx: ctx)
        }
        let job: Node<HTML.FormContext> = .fieldset(.element(named: "legend", text: ctx.t("offers.group_job")),
            field("title"), ChoiceFields.occupation(label: ctx.t("offer.field.occupation"), hint: ctx.t("offers.occupation_hint"), state: f, required: true, ctx: ctx),
            area("duties"))
        let place: Node<HTML.FormContext> = .fieldset(.element(named: "legend", text: ctx.t("offers.group_place")),
            field("locality"), field("postal_code", required: false, hint: ctx.t("offers.postal_hint")),
            field("country", required: false, hint: ctx.t("offers.country_hint")))
        let terms: Node<HTML.FormContext> = .fieldset(.element(named: "legend", text: ctx.t("offers.group_terms")),
            Forms.select("contract", label: ctx.t("offer.field.contract"), options: options("offer.contract.", OfferSearchPage.contracts, ctx), state: f, ctx: ctx),
            field("working_time", hint: ctx.t("offers.fte_hint")),
            Forms.select("shifts", label: ctx.t("offer.field.shifts"),
                         options: options("offer.shifts.", ["single", "two", "three", "continuous", "flexible"], ctx), state: f, ctx: ctx),
            field("wage_min", required: false), field("wage_max", required: false),
            Forms.select("wage_type", label: ctx.t("offer.field.wage_type"),
                         options: options("offer.wage_type.", ["monthly", "hourly", "piecework", "task"], ctx), state: f, ctx: ctx),
            field("positions"), field("positions_disabled"),
            field("start_date", type: .date, required: false), field("valid_until", type: .date, hint: ctx.t("offers.valid_hint")))
        let requirements: Node<HTML.FormContext> = .fieldset(.element(named: "legend", text: ctx.t("offer.requirements")),
            Forms.select("education", label: ctx.t("offer.field.education"),
                         options: options("offer.education.", ["none", "primary", "vocational", "secondary", "post_secondary", "higher"], ctx),
                         state: f, ctx: ctx),
            ChoiceFields.languages(legend: ctx.t("offer.field.languages"), hint: ctx.t("offers.languages_hint"), state: f, ctx: ctx),
            field("experience", hint: ctx.t("offers.experience_hint")), field("licences", required: false))
        let apply: Node<HTML.FormContext> = .fieldset(.element(named: "legend", text: ctx.t("offer.how_to_apply")),
            area("how_to_apply"), Forms.checkbox("employer_visible", label: ctx.t("offer.field.employer_visible"), state: f))
        let title = ctx.t(model.editingID == nil ? "offers.new_title" : "offers.edit_title")
        return Layout.render(ctx, title: title, scripts: [SuggestScript.path], main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.employerOffers.path), .text("← " + ctx.t("offers.mine_title")))),
            .h1(.text(title)),
            .p(.text(ctx.t("offers.form_intro"))),
            Forms.errorSummary(f, ctx),
            .form(.method(.post), .action(model.editingID.map { SiteRoute.employerOffer($0).path } ?? SiteRoute.employerOffers.path),
                  .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx), job, place, terms, requirements, apply,
                .button(.type(.submit), .text(ctx.t("offers.submit"))))
        ))
    }
}
